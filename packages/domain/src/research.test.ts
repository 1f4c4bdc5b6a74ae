import { describe, expect, it } from 'vitest'
import { pilkada2024Calendar, type StageCalendar } from './election.ts'
import { lapsedFix } from './research-lapse.ts'
import {
  recordResearchStep,
  replayHistory,
  RequirementCheckRecordSchema,
  type ResearchContext,
  type ResearchStep,
} from './research.ts'
import { instantAt, type TimeZone } from './time.ts'

const researcher = '6f1c1f36-2d67-4c3a-9d0b-8c6f0f0b7a01'
const research = { settledAt: 'penelitian', mayNotApply: false } as const
const context = (
  local: string,
  zone: TimeZone = 'WIB',
  extra: Partial<ResearchContext> = {},
): ResearchContext => ({
  calendar: pilkada2024Calendar,
  zone,
  now: instantAt(local, zone),
  byUserId: researcher,
  item: research,
  ...extra,
})
const during = context('2024-09-07T10:00')
const step = (to: string, reason: string | null = null, more: Partial<ResearchStep> = {}) =>
  ({ to, reason, evidence: null, ...more }) as ResearchStep
const ruleOf = (result: ReturnType<typeof recordResearchStep>) => (result.ok ? 'ok' : result.violation.rule)

describe('recording research', () => {
  it('records a BMS result with its reason, kind, who and when', () => {
    const result = recordResearchStep(
      'diserahkan',
      step('BMS', 'Foto tidak berlatar putih', { evidence: 'SILON #88' }),
      during,
    )
    expect(result).toEqual({
      ok: true,
      value: {
        from: 'diserahkan',
        to: 'BMS',
        kind: 'penelitian',
        reason: 'Foto tidak berlatar putih',
        evidence: 'SILON #88',
        receivedAt: null,
        channel: null,
        correction: null,
        at: during.now,
        byUserId: researcher,
      },
    })
  })

  it('requires a reason for BMS, TMS, a return and "tidak berlaku" but not for MS', () => {
    for (const [from, to] of [
      ['diserahkan', 'BMS'],
      ['diserahkan', 'TMS'],
    ] as const) {
      const result = recordResearchStep(from, step(to), during)
      expect(result.ok, to).toBe(false)
      if (!result.ok)
        expect(result.violation).toMatchObject({ rule: 'check.reason.required', params: { to } })
    }
    const registration = context('2024-08-28T10:00', 'WIB', { item: { settledAt: 'pendaftaran' } })
    expect(ruleOf(recordResearchStep('diserahkan', step('dikembalikan'), registration))).toBe(
      'check.reason.required',
    )
    const optional = context('2024-08-28T10:00', 'WIB', {
      item: { settledAt: 'penelitian', mayNotApply: true },
    })
    expect(ruleOf(recordResearchStep('belum_diserahkan', step('tidak_berlaku'), optional))).toBe(
      'check.reason.required',
    )
    expect(
      ruleOf(recordResearchStep('belum_diserahkan', step('tidak_berlaku', 'Tidak menjabat'), optional)),
    ).toBe('ok')
    expect(recordResearchStep('diserahkan', step('MS'), during).ok).toBe(true)
  })

  it('refuses moves outside the lifecycle before anything else', () => {
    expect(ruleOf(recordResearchStep('TMS', step('BMS', 'x'), during))).toBe('check.transition')
    expect(ruleOf(recordResearchStep('belum_diserahkan', step('tidak_berlaku', 'x'), during))).toBe(
      'check.transition',
    )
  })

  it('accepts perbaikan only inside the window', () => {
    expect(recordResearchStep('BMS', step('perbaikan'), during).ok).toBe(true)
    expect(ruleOf(recordResearchStep('BMS', step('perbaikan'), context('2024-09-09T00:00')))).toBe(
      'deadline.perbaikan.closed',
    )
  })

  it('still researches a submitted fix after the window has closed', () => {
    const result = recordResearchStep('diserahkan_perbaikan', step('MS'), context('2024-09-12T10:00'))
    expect(result).toMatchObject({ ok: true, value: { kind: 'penelitian_perbaikan' } })
  })
})

describe('hand-in time', () => {
  const handIn = (local: string, zone: TimeZone = 'WIB') => ({
    receivedAt: instantAt(local, zone),
    channel: 'silon' as const,
  })

  it('judges a fix by when the pair handed it in, not when it is typed', () => {
    const typedNextDay = context('2024-09-09T00:10')
    const result = recordResearchStep(
      'BMS',
      step('diserahkan_perbaikan', null, handIn('2024-09-08T23:50')),
      typedNextDay,
    )
    expect(result).toMatchObject({
      ok: true,
      value: {
        kind: 'penyerahan',
        receivedAt: instantAt('2024-09-08T23:50', 'WIB'),
        channel: 'silon',
        at: typedNextDay.now,
      },
    })
    const late = recordResearchStep(
      'perbaikan',
      step('diserahkan_perbaikan', null, handIn('2024-09-09T00:00')),
      typedNextDay,
    )
    expect(ruleOf(late)).toBe('deadline.perbaikan.closed')
  })

  it.each([
    ['WIB', '2024-09-08T23:59', 'ok'],
    ['WITA', '2024-09-08T23:59', 'ok'],
    ['WIT', '2024-09-08T23:59', 'ok'],
    ['WIT', '2024-09-09T00:00', 'deadline.perbaikan.closed'],
    ['WITA', '2024-09-05T23:59', 'deadline.perbaikan.notOpen'],
  ] as const)('in %s, a fix handed in at %s local is %s', (zone, local, expected) => {
    const now = context('2024-09-10T08:00', zone)
    expect(
      ruleOf(recordResearchStep('BMS', step('diserahkan_perbaikan', null, handIn(local, zone)), now)),
    ).toBe(expected)
  })

  it('takes the hand-in as now when no time is given, in person', () => {
    expect(recordResearchStep('belum_diserahkan', step('diserahkan'), during)).toMatchObject({
      ok: true,
      value: { receivedAt: during.now, channel: 'langsung' },
    })
  })

  it('refuses a hand-in time in the future', () => {
    const future = { receivedAt: new Date(during.now.getTime() + 60 * 60_000) }
    expect(ruleOf(recordResearchStep('belum_diserahkan', step('diserahkan', null, future), during))).toBe(
      'submission.future',
    )
  })

  it('takes a replacement candidate’s documents only inside the replacement window', () => {
    const calendar: StageCalendar = {
      name: 'x',
      windows: [
        {
          stage: 'pengajuan_pengganti',
          startsAt: '2024-09-09T00:00',
          endsAt: '2024-09-11T23:59',
          toConfirm: false,
        },
      ],
    }
    const inside = context('2024-09-10T09:00', 'WIB', { calendar, replacement: true })
    expect(recordResearchStep('belum_diserahkan', step('diserahkan'), inside).ok).toBe(true)
    const after = context('2024-09-12T09:00', 'WIB', { calendar, replacement: true })
    expect(ruleOf(recordResearchStep('belum_diserahkan', step('diserahkan'), after))).toBe(
      'deadline.pengganti.closed',
    )
  })
})

describe('a BMS left unfixed', () => {
  it('becomes TMS by the research of fixes only once the window has closed', () => {
    expect(ruleOf(recordResearchStep('BMS', step('TMS', 'Tidak diperbaiki'), during))).toBe(
      'check.fix.stillOpen',
    )
    const after = recordResearchStep(
      'perbaikan',
      step('TMS', 'Tidak diperbaiki'),
      context('2024-09-09T00:00'),
    )
    expect(after).toMatchObject({ ok: true, value: { kind: 'penelitian_perbaikan', to: 'TMS' } })
  })

  it('becomes TMS by itself at the window’s end, with the system as its author', () => {
    expect(lapsedFix('BMS', pilkada2024Calendar, 'WITA', instantAt('2024-09-08T23:59', 'WITA'))).toBeNull()
    const lapsed = lapsedFix('perbaikan', pilkada2024Calendar, 'WITA', instantAt('2024-09-09T00:00', 'WITA'))
    expect(lapsed).toMatchObject({
      from: 'perbaikan',
      to: 'TMS',
      kind: 'penelitian_perbaikan',
      byUserId: null,
    })
    expect(lapsed?.reason).toContain('8 September 2024 pukul 23.59 WITA')
    expect(lapsedFix('MS', pilkada2024Calendar, 'WIB', instantAt('2024-10-01T00:00', 'WIB'))).toBeNull()
    expect(
      lapsedFix('BMS', { name: 'none', windows: [] }, 'WIB', instantAt('2024-10-01T00:00', 'WIB')),
    ).toBeNull()
  })
})

describe('corrections', () => {
  const typo = { correction: { cause: 'salah_ketik' as const, rulingNumber: null, rulingDate: null } }
  it('changes a final result only through a correction with a reason', () => {
    expect(ruleOf(recordResearchStep('MS', step('TMS', 'Salah input'), during))).toBe('correction.required')
    expect(ruleOf(recordResearchStep('MS', step('TMS', null, typo), during))).toBe('check.reason.required')
    expect(recordResearchStep('MS', step('TMS', 'Salah input', typo), during)).toMatchObject({
      ok: true,
      value: { kind: 'koreksi', correction: typo.correction },
    })
  })

  it('names a ruling’s number and date', () => {
    const ruling = {
      cause: 'putusan_sengketa' as const,
      rulingNumber: '001/PS.REG/34.02/IX/2024',
      rulingDate: null,
    }
    expect(ruleOf(recordResearchStep('TMS', step('MS', 'Putusan', { correction: ruling }), during))).toBe(
      'correction.ruling.required',
    )
    const dated = { ...ruling, rulingDate: '2024-09-15' }
    expect(recordResearchStep('TMS', step('MS', 'Putusan', { correction: dated }), during)).toMatchObject({
      ok: true,
      value: { from: 'TMS', to: 'MS', correction: dated },
    })
  })
})

describe('check history', () => {
  const path = [
    { from: 'belum_diserahkan', to: 'diserahkan' },
    { from: 'diserahkan', to: 'BMS' },
    { from: 'BMS', to: 'perbaikan' },
    { from: 'perbaikan', to: 'diserahkan_perbaikan' },
    { from: 'diserahkan_perbaikan', to: 'TMS' },
    { from: 'TMS', to: 'MS' },
  ] as const

  it('replays a full history through a correction', () => {
    expect(replayHistory(path)).toEqual({ ok: true, value: 'MS' })
    expect(replayHistory([])).toEqual({ ok: true, value: 'belum_diserahkan' })
  })

  it('finds the entry where a history breaks', () => {
    const skipped = [path[0], path[2]]
    const result = replayHistory(skipped)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.violation).toMatchObject({ rule: 'check.history.broken', params: { index: '1' } })
    const forbidden = [...path.slice(0, 2), { from: 'BMS', to: 'MS' } as const]
    expect(replayHistory(forbidden).ok).toBe(false)
  })

  it('stores a check with its history', () => {
    const record = {
      id: '0b9f1e0e-4a84-4b39-9c39-1c0e6c3b8a10',
      pairId: '1b9f1e0e-4a84-4b39-9c39-1c0e6c3b8a10',
      requirementCode: 'C13',
      subject: 'kepala',
      status: 'BMS',
      reason: 'Latar belakang foto tidak putih',
      evidence: null,
      researcherId: researcher,
      updatedAt: new Date(),
      history: [
        {
          from: 'diserahkan',
          to: 'BMS',
          kind: 'penelitian',
          reason: 'x',
          evidence: null,
          receivedAt: null,
          channel: null,
          correction: null,
          at: new Date(),
          byUserId: researcher,
        },
      ],
    }
    expect(RequirementCheckRecordSchema.parse(record)).toEqual(record)
    expect(RequirementCheckRecordSchema.safeParse({ ...record, status: 'LULUS' }).success).toBe(false)
  })
})
