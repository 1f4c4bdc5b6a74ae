import { describe, expect, it } from 'vitest'
import {
  applyConsultationAction,
  firstResponseMinutes,
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
}

describe('consultation lifecycle', () => {
  it('allows exactly baru → dijawab | dirujuk, dirujuk → dijawab | dirujuk, dijawab → selesai', () => {
    const allowed: Record<string, string> = {
      'baru answer': 'dijawab',
      'baru refer': 'dirujuk',
      'dirujuk answer': 'dijawab',
      'dirujuk refer': 'dirujuk',
      'dijawab close': 'selesai',
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
