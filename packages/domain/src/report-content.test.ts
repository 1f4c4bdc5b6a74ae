import { describe, expect, it } from 'vitest'
import {
  checkReportPeriod,
  daysOf,
  MAX_REPORT_DAYS,
  mergeReportContents,
  periodChunks,
  periodDays,
  rankedEntries,
  referralOutcome,
  reportFigures,
  reportNumber,
  tallyTotal,
  type ReportRow,
} from './report-content.ts'
import { summarise } from './report.ts'

const row = (status: string, referredTo: string | null): ReportRow => ({
  number: 'LK-34.02-2024-00001',
  occurredAt: new Date('2024-09-06T02:00:00Z'),
  channel: 'tatap_muka',
  topic: 'silon',
  stakeholderCategory: 'lo',
  status,
  staffName: null,
  referredTo,
  firstResponseMinutes: null,
  resolutionMinutes: null,
})

describe('report periods', () => {
  it('counts both ends and lists every day, across a month and a leap day', () => {
    expect(periodDays({ from: '2024-09-06', to: '2024-09-08' })).toBe(3)
    expect(daysOf({ from: '2024-02-28', to: '2024-03-01' })).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ])
    expect(daysOf({ from: '2024-03-02', to: '2024-03-01' })).toEqual([])
  })

  it('takes one day up to a leap year, and refuses a reversed or longer period by rule', () => {
    expect(checkReportPeriod({ from: '2024-09-06', to: '2024-09-06' }).ok).toBe(true)
    const withOffice = { from: '2024-09-06', to: '2024-09-07', officeId: 'x' }
    expect(checkReportPeriod(withOffice)).toEqual({
      ok: true,
      value: { from: '2024-09-06', to: '2024-09-07' },
    })
    expect(checkReportPeriod({ from: '2024-01-01', to: '2024-12-31' }).ok).toBe(true)
    const reversed = checkReportPeriod({ from: '2024-09-08', to: '2024-09-06' })
    expect(!reversed.ok && reversed.violation.rule).toBe('report.period.reversed')
    const long = checkReportPeriod({ from: '2024-01-01', to: '2025-01-01' })
    expect(!long.ok && long.violation).toMatchObject({
      rule: 'report.period.tooLong',
      params: { days: String(MAX_REPORT_DAYS + 1), max: String(MAX_REPORT_DAYS) },
    })
  })
})

describe('report figures', () => {
  it('numbers reports per office and year with three digits', () => {
    expect(reportNumber('34.02', 2024, 7)).toBe('LAP-34.02-2024-007')
    expect(reportNumber('34', 2024, 1234)).toBe('LAP-34-2024-1234')
  })

  it('tells referred sheets answered above from those still waiting', () => {
    const rows = [
      row('dirujuk', 'KPU DIY'),
      row('dijawab', 'KPU DIY'),
      row('selesai', 'KPU RI'),
      row('baru', null),
    ]
    expect(referralOutcome(rows)).toEqual({ referred: 3, answered: 2, waiting: 1 })
    expect(referralOutcome([])).toEqual({ referred: 0, answered: 0, waiting: 0 })
  })

  it('gives counts and duration statistics of a summary', () => {
    const fact = (first: number | null, resolved: number | null, referred = false) => ({
      officeId: 'o',
      day: '2024-09-06',
      channel: 'telepon',
      topic: 'silon',
      stakeholderCategory: 'lo',
      status: 'selesai',
      staffId: null,
      referred,
      firstResponseMinutes: first,
      resolutionMinutes: resolved,
    })
    const figures = reportFigures(summarise([fact(4, 60), fact(10, 120, true), fact(null, null)]))
    expect(figures).toEqual({
      consultations: 3,
      referred: 1,
      firstResponse: {
        count: 2,
        meanMinutes: 7,
        medianMinutes: 5,
        p90Minutes: 10,
        // 4 lies in the bucket above 3 up to 5 minutes, 10 in the one above 5 up to 10.
        half: { fromMinutes: 3, toMinutes: 5 },
        nineInTen: { fromMinutes: 5, toMinutes: 10 },
      },
      resolution: {
        count: 2,
        meanMinutes: 90,
        medianMinutes: 60,
        p90Minutes: 120,
        half: { fromMinutes: 45, toMinutes: 60 },
        nineInTen: { fromMinutes: 90, toMinutes: 120 },
      },
    })
  })

  it('adds up tallies and ranks them largest first, ties by key', () => {
    expect(tallyTotal({ a: 2, b: 5 })).toBe(7)
    expect(tallyTotal({})).toBe(0)
    expect(rankedEntries({ telepon: 2, email: 5, daring: 2 })).toEqual([
      ['email', 5],
      ['daring', 2],
      ['telepon', 2],
    ])
  })
})

describe('reports compiled in parts', () => {
  const office = {
    id: 'bantul',
    name: 'KPU Kabupaten Bantul',
    regionCode: '34.02',
    level: 'KABKOTA',
    timeZone: 'WIB',
  } as const
  const below = { id: 'x', name: 'KPU X', regionCode: '34.02.1', level: 'KABKOTA', timeZone: 'WIB' } as const
  const fact = (day: string, channel: string) => ({
    officeId: 'bantul',
    day,
    channel,
    topic: 'silon',
    stakeholderCategory: 'lo',
    status: 'baru',
    staffId: 's1',
    referred: false,
    firstResponseMinutes: null,
    resolutionMinutes: null,
  })
  const part = (
    from: string,
    to: string,
    facts: ReturnType<typeof fact>[],
    visits: Record<string, number>,
  ) => ({
    office,
    period: { from, to },
    generatedAt: new Date(`${to}T10:00:00Z`),
    own: summarise(facts),
    total: summarise(facts),
    visits: { own: visits, total: visits },
    offices: [{ office: below, total: summarise(facts.slice(0, 1)), visits: 1 }],
    staffNames: { s1: 'Sari' },
    rows: facts.map((f) => ({ ...row('baru', null), number: `${f.day}-${f.channel}` })),
  })

  it('cuts a period into chunks of at most n days', () => {
    expect(periodChunks({ from: '2024-09-01', to: '2024-09-10' }, 4)).toEqual([
      { from: '2024-09-01', to: '2024-09-04' },
      { from: '2024-09-05', to: '2024-09-08' },
      { from: '2024-09-09', to: '2024-09-10' },
    ])
    expect(periodChunks({ from: '2024-09-01', to: '2024-09-01' }, 31)).toEqual([
      { from: '2024-09-01', to: '2024-09-01' },
    ])
  })

  it('merges parts into the report of the whole span, equal to summarising it at once', () => {
    const a = [fact('2024-09-01', 'telepon'), fact('2024-09-02', 'email')]
    const b = [fact('2024-09-05', 'telepon')]
    const merged = mergeReportContents([
      part('2024-09-01', '2024-09-04', a, { '2024-09-01': 2 }),
      part('2024-09-05', '2024-09-08', b, { '2024-09-05': 1, '2024-09-01': 0 }),
    ])
    expect(merged.period).toEqual({ from: '2024-09-01', to: '2024-09-08' })
    expect(merged.own).toEqual(summarise([...a, ...b]))
    expect(merged.visits.total).toEqual({ '2024-09-01': 2, '2024-09-05': 1 })
    expect(merged.offices).toEqual([{ office: below, total: summarise([a[0]!, b[0]!]), visits: 2 }])
    expect(merged.rows.map((r) => r.number)).toEqual([
      '2024-09-01-telepon',
      '2024-09-02-email',
      '2024-09-05-telepon',
    ])
    expect(merged.generatedAt).toEqual(new Date('2024-09-08T10:00:00Z'))
    expect(() => mergeReportContents([])).toThrow(RangeError)
  })
})
