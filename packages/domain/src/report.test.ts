import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDuration,
  durationStats,
  emptyHistogram,
  emptySummary,
  mergeSummaries,
  officeTable,
  ReportSummarySchema,
  rollUp,
  summarise,
  type ConsultationFact,
} from './report.ts'

const fact = (overrides: Partial<ConsultationFact> = {}): ConsultationFact => ({
  officeId: 'bantul',
  day: '2024-09-06',
  channel: 'tatap_muka',
  topic: 'silon',
  stakeholderCategory: 'lo',
  status: 'selesai',
  staffId: 'petugas-1',
  referred: false,
  firstResponseMinutes: 5,
  resolutionMinutes: 30,
  ...overrides,
})

const histogramOf = (values: number[]) => values.reduce(addDuration, emptyHistogram())

describe('summaries', () => {
  it('counts every dimension', () => {
    const summary = summarise([
      fact(),
      fact({
        channel: 'telepon',
        topic: 'foto',
        staffId: null,
        status: 'baru',
        firstResponseMinutes: null,
        resolutionMinutes: null,
      }),
      fact({
        channel: 'telepon',
        referred: true,
        status: 'dirujuk',
        day: '2024-09-07',
        resolutionMinutes: null,
      }),
    ])
    expect(summary.consultations).toBe(3)
    expect(summary.byChannel).toEqual({ tatap_muka: 1, telepon: 2 })
    expect(summary.byTopic).toEqual({ silon: 2, foto: 1 })
    expect(summary.byCategory).toEqual({ lo: 3 })
    expect(summary.byStatus).toEqual({ selesai: 1, baru: 1, dirujuk: 1 })
    expect(summary.byStaff).toEqual({ 'petugas-1': 2, unassigned: 1 })
    expect(summary.byDay).toEqual({ '2024-09-06': 2, '2024-09-07': 1 })
    expect(summary.referred).toBe(1)
    expect(durationStats(summary.firstResponse).count).toBe(2)
    expect(durationStats(summary.resolution).count).toBe(1)
  })

  it('round-trips through JSON and its schema, as stored summary rows do', () => {
    const summary = summarise([fact(), fact({ topic: 'foto', resolutionMinutes: 100_000 })])
    expect(ReportSummarySchema.parse(JSON.parse(JSON.stringify(summary)))).toEqual(summary)
    expect(ReportSummarySchema.safeParse({ ...summary, consultations: -1 }).success).toBe(false)
  })
})

describe('duration histograms', () => {
  it('puts a value on a bound into that bound and just above it into the next', () => {
    expect(durationStats(histogramOf([5])).medianMinutes).toBe(5)
    expect(durationStats(histogramOf([5.01])).medianMinutes).toBe(10)
    expect(durationStats(histogramOf([0])).medianMinutes).toBe(1)
  })

  it('reports nearest-rank median and p90 and an exact mean', () => {
    // 1..10 minutes: median is the 5th value (5), p90 the 9th (9 → bucket ≤ 10).
    const stats = durationStats(histogramOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
    expect(stats).toEqual({ count: 10, meanMinutes: 5.5, medianMinutes: 5, p90Minutes: 10 })
  })

  it('reports the largest bound for durations beyond it', () => {
    const stats = durationStats(histogramOf([50_000, 60_000]))
    expect(stats.medianMinutes).toBe(43_200)
    expect(stats.meanMinutes).toBe(55_000)
  })

  it('is empty with null figures, and refuses impossible durations', () => {
    expect(durationStats(emptyHistogram())).toEqual({
      count: 0,
      meanMinutes: null,
      medianMinutes: null,
      p90Minutes: null,
    })
    expect(() => addDuration(emptyHistogram(), -1)).toThrow(RangeError)
    expect(() => addDuration(emptyHistogram(), Number.NaN)).toThrow(RangeError)
  })
})

const arbitraryFact = fc.record({
  officeId: fc.constantFrom('bantul', 'sleman', 'belitung'),
  day: fc.constantFrom('2024-09-05', '2024-09-06'),
  channel: fc.constantFrom('tatap_muka', 'telepon', 'email'),
  topic: fc.constantFrom('silon', 'foto', 'jadwal'),
  stakeholderCategory: fc.constantFrom('lo', 'media'),
  status: fc.constantFrom('baru', 'dijawab', 'selesai'),
  staffId: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
  referred: fc.boolean(),
  firstResponseMinutes: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  resolutionMinutes: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
})

describe('merging', () => {
  it('equals summarising the whole, however the facts are split', () => {
    fc.assert(
      fc.property(fc.array(arbitraryFact, { maxLength: 40 }), fc.nat(40), fc.nat(40), (facts, i, j) => {
        const [a, b] = [Math.min(i, j, facts.length), Math.min(Math.max(i, j), facts.length)]
        const parts = [facts.slice(0, a), facts.slice(a, b), facts.slice(b)].map(summarise)
        expect(mergeSummaries(...parts)).toEqual(summarise(facts))
        expect(mergeSummaries(parts[2]!, parts[0]!, parts[1]!)).toEqual(summarise(facts))
      }),
    )
  })

  it('merges nothing into an empty summary', () => {
    expect(mergeSummaries()).toEqual(emptySummary())
  })
})

describe('roll-up over a three-level tree', () => {
  const offices = [
    { id: 'ri', parentId: null },
    { id: 'diy', parentId: 'ri' },
    { id: 'bantul', parentId: 'diy' },
    { id: 'sleman', parentId: 'diy' },
    { id: 'kulonprogo', parentId: 'diy' },
    { id: 'babel', parentId: 'ri' },
    { id: 'belitung', parentId: 'babel' },
    { id: 'bangka', parentId: 'babel' },
  ]
  const facts = [
    ...Array.from({ length: 7 }, (_, i) => fact({ officeId: 'bantul', topic: i % 2 ? 'foto' : 'silon' })),
    ...Array.from({ length: 4 }, () => fact({ officeId: 'sleman', channel: 'email' })),
    ...Array.from({ length: 2 }, () => fact({ officeId: 'diy', referred: true })),
    ...Array.from({ length: 5 }, () => fact({ officeId: 'belitung', channel: 'telepon' })),
    fact({ officeId: 'ri', topic: 'jadwal' }),
  ]
  const own = new Map(
    offices.map((o) => [o.id, summarise(facts.filter((f) => f.officeId === o.id))] as const),
  )
  own.delete('kulonprogo')
  const rolled = rollUp(offices, own)

  it('makes every total its own figures plus the totals of the level below', () => {
    for (const office of offices) {
      const entry = rolled.get(office.id)!
      const below = entry.children.map((c) => rolled.get(c)!.total)
      expect(entry.total, office.id).toEqual(mergeSummaries(entry.own, ...below))
    }
    expect(rolled.get('diy')!.total.consultations).toBe(13)
    expect(rolled.get('babel')!.total.consultations).toBe(5)
    expect(rolled.get('kulonprogo')!.total).toEqual(emptySummary())
  })

  it('makes the national total equal the summary of every consultation', () => {
    expect(rolled.get('ri')!.total).toEqual(summarise(facts))
    expect(rolled.get('ri')!.total.byChannel).toEqual({ tatap_muka: 10, email: 4, telepon: 5 })
  })

  it('lists the offices directly below for the per-office table', () => {
    expect(officeTable(rolled, 'diy').map((r) => [r.officeId, r.total.consultations])).toEqual([
      ['bantul', 7],
      ['sleman', 4],
      ['kulonprogo', 0],
    ])
    expect(officeTable(rolled, 'bantul')).toEqual([])
    expect(officeTable(rolled, 'unknown')).toEqual([])
  })

  it('treats an office whose parent is not listed as a root', () => {
    const provinceOnly = rollUp(offices.slice(1, 5), own)
    expect(provinceOnly.get('diy')!.total.consultations).toBe(13)
  })

  it('refuses a tree with a cycle instead of looping', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]
    expect(() => rollUp(cyclic, new Map())).toThrow(/cycle/)
  })
})
