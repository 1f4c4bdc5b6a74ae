import { describe, expect, it } from 'vitest'
import {
  applyConsultationAction,
  checkOccurredAt,
  firstResponseMinutes,
  referralChain,
  resolutionMinutes,
  type ConsultationAction,
  type ConsultationState,
} from './consultation-lifecycle.ts'
import { ConsultationStatus, consultationNumber, ConsultationInputSchema } from './consultation.ts'

const provinsi = '5d7c1f36-2d67-4c3a-9d0b-8c6f0f0b7a01'
const opened = new Date('2024-09-05T02:00:00Z')
const minutesLater = (m: number) => new Date(opened.getTime() + m * 60_000)
const fresh: ConsultationState = {
  status: 'baru',
  occurredAt: opened,
  firstResponseAt: null,
  answeredAt: null,
  referredAt: null,
  closedAt: null,
  referredToOfficeId: null,
}
const actions: Record<string, ConsultationAction> = {
  answer: { type: 'answer' },
  refer: { type: 'refer', toOfficeId: provinsi },
  close: { type: 'close' },
  reply: { type: 'reply' },
}

describe('consultation lifecycle', () => {
  it('allows exactly baru → dijawab | dirujuk, dirujuk → dijawab | dirujuk, dijawab → selesai | baru (a reply)', () => {
    const allowed: Record<string, string> = {
      'baru answer': 'dijawab',
      'baru refer': 'dirujuk',
      'dirujuk answer': 'dijawab',
      'dirujuk refer': 'dirujuk',
      'dijawab close': 'selesai',
      'dijawab reply': 'baru',
    }
    for (const status of ConsultationStatus.values) {
      for (const [name, action] of Object.entries(actions)) {
        const result = applyConsultationAction({ ...fresh, status }, action, minutesLater(5))
        const expected = allowed[`${status} ${name}`]
        if (expected) {
          expect(result.ok && result.value.status, `${status} ${name}`).toBe(expected)
        } else {
          expect(result.ok, `${status} ${name}`).toBe(false)
          if (!result.ok)
            expect(result.violation).toMatchObject({
              rule: 'consultation.transition',
              params: { from: status },
            })
        }
      }
    }
  })

  it('runs a referral to the parent office, its answer and closing, keeping the first response', () => {
    const referred = applyConsultationAction(fresh, actions.refer!, minutesLater(15))
    expect(referred.ok).toBe(true)
    if (!referred.ok) return
    expect(referred.value).toMatchObject({
      status: 'dirujuk',
      referredToOfficeId: provinsi,
      firstResponseAt: minutesLater(15),
    })
    const answered = applyConsultationAction(referred.value, actions.answer!, minutesLater(240))
    if (!answered.ok) throw new Error('answer refused')
    expect(answered.value).toMatchObject({
      status: 'dijawab',
      answeredAt: minutesLater(240),
      firstResponseAt: minutesLater(15),
    })
    const closed = applyConsultationAction(answered.value, actions.close!, minutesLater(300))
    if (!closed.ok) throw new Error('close refused')
    expect(firstResponseMinutes(closed.value)).toBe(15)
    expect(resolutionMinutes(closed.value)).toBe(300)
  })

  it('refuses a referral from an office with no parent', () => {
    const result = applyConsultationAction(fresh, { type: 'refer', toOfficeId: null }, minutesLater(1))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.violation.rule).toBe('consultation.refer.noParent')
  })

  it('has no durations until someone responds or closes', () => {
    expect(firstResponseMinutes(fresh)).toBeNull()
    expect(resolutionMinutes(fresh)).toBeNull()
    // A phone call logged after it was answered never gives a negative duration.
    expect(firstResponseMinutes({ occurredAt: minutesLater(10), firstResponseAt: opened })).toBe(0)
  })
})

describe('when a consultation happened', () => {
  it('defaults to now, accepts the past and a little clock skew, refuses the future', () => {
    expect(checkOccurredAt(undefined, opened)).toEqual({ ok: true, value: opened })
    expect(checkOccurredAt(minutesLater(-600), opened)).toEqual({ ok: true, value: minutesLater(-600) })
    expect(checkOccurredAt(minutesLater(4), opened).ok).toBe(true)
    const future = checkOccurredAt(minutesLater(5), opened)
    expect(future.ok || future.violation.rule).toBe('consultation.occurredAt.future')
  })
})

describe('referral chain', () => {
  const tree = [
    { id: 'ri', parentId: null },
    { id: 'diy', parentId: 'ri' },
    { id: 'bantul', parentId: 'diy' },
    { id: 'sleman', parentId: 'diy' },
  ]

  it('lists every office from the parent up to the one holding the referral', () => {
    expect(referralChain(tree, 'bantul', 'diy')).toEqual(['diy'])
    expect(referralChain(tree, 'bantul', 'ri')).toEqual(['diy', 'ri'])
  })

  it('is empty when not referred, or referred to an office that is not above the origin', () => {
    expect(referralChain(tree, 'bantul', null)).toEqual([])
    expect(referralChain(tree, 'bantul', 'sleman')).toEqual([])
    expect(referralChain(tree, 'bantul', 'bantul')).toEqual([])
    expect(referralChain(tree, 'unknown', 'ri')).toEqual([])
  })

  it('stops on a cycle in corrupt data instead of looping', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]
    expect(referralChain(cyclic, 'a', 'c')).toEqual([])
  })
})

describe('consultation sheet', () => {
  it('numbers sheets per office and year', () => {
    expect(consultationNumber('34.02', 2024, 12)).toBe('LK-34.02-2024-00012')
  })

  it('takes participants and minutes for group chats and meetings, and refuses blank questions', () => {
    const meeting = {
      channel: 'pertemuan_daring',
      askerName: 'Tim LO Paslon 1',
      stakeholderCategory: 'lo',
      topic: 'silon',
      question: 'Unggah dokumen C2 gagal',
      participants: [{ name: 'Andi' }, { name: 'Rina', institution: 'Partai X' }],
      minutes: 'Dibahas langkah unggah ulang.',
    }
    expect(ConsultationInputSchema.parse(meeting).participants).toHaveLength(2)
    expect(ConsultationInputSchema.parse({ ...meeting, participants: undefined }).participants).toEqual([])
    expect(ConsultationInputSchema.safeParse({ ...meeting, question: '   ' }).success).toBe(false)
    expect(ConsultationInputSchema.safeParse({ ...meeting, channel: 'fax' }).success).toBe(false)
  })
})
