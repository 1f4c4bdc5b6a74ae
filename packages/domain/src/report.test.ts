import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDuration,
  ConsultationFactSchema,
  DURATION_BUCKETS_MINUTES,
  durationStats,
  emptyHistogram,
  emptySummary,
  mergeHistograms,
  mergeSummaries,
  officeTable,
  ReportSummarySchema,
  rollUp,
  summarise,
  type ConsultationFact,
  type ReportSummary,
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

const histogramOf = (values: readonly number[]) => values.reduce(addDuration, emptyHistogram())
// Index of the one bucket a single duration landed in.
const bucketIndexOf = (minutes: number) => histogramOf([minutes]).counts.indexOf(1)

describe('summarise', () => {
  it('counts every dimension, with unassigned staff under "unassigned"', () => {
    const summary = summarise([
      fact(),
      fact({
        channel: 'telepon',
        topic: 'foto',
        stakeholderCategory: 'media',
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
        staffId: 'petugas-2',
        firstResponseMinutes: 61,
        resolutionMinutes: null,
      }),
      fact({ channel: 'email', staffId: null, referred: true, resolutionMinutes: 2000 }),
    ])
    expect(summary.consultations).toBe(4)
    expect(summary.byChannel).toEqual({ tatap_muka: 1, telepon: 2, email: 1 })
    expect(summary.byTopic).toEqual({ silon: 3, foto: 1 })
    expect(summary.byCategory).toEqual({ lo: 3, media: 1 })
    expect(summary.byStatus).toEqual({ selesai: 2, baru: 1, dirujuk: 1 })
    expect(summary.byStaff).toEqual({ 'petugas-1': 1, 'petugas-2': 1, unassigned: 2 })
    expect(summary.byDay).toEqual({ '2024-09-06': 3, '2024-09-07': 1 })
    expect(summary.referred).toBe(2)
    expect(summary.firstResponse.sum).toBe(5 + 61 + 5)
    expect(durationStats(summary.firstResponse).count).toBe(3)
    expect(summary.resolution.sum).toBe(30 + 2000)
    expect(durationStats(summary.resolution).count).toBe(2)
  })

  it('is empty for no facts', () => {
    expect(summarise([])).toEqual(emptySummary())
  })

  it('counts keys that are also Object.prototype names from zero', () => {
    const summary = summarise([
      fact({ topic: 'constructor' }),
      fact({ topic: 'constructor' }),
      fact({ topic: 'toString' }),
    ])
    expect(summary.byTopic).toEqual({ constructor: 2, toString: 1 })
    const merged = mergeSummaries(summary, summary)
    expect(merged.byTopic).toEqual({ constructor: 4, toString: 2 })
  })

  it('throws on an impossible duration instead of dropping it', () => {
    expect(() => summarise([fact({ resolutionMinutes: -3 })])).toThrow(RangeError)
    expect(() => summarise([fact({ firstResponseMinutes: Number.POSITIVE_INFINITY })])).toThrow(RangeError)
  })
})

describe('ConsultationFactSchema', () => {
  it('accepts a fact and refuses a bad day, a negative duration or a reserved key', () => {
    expect(ConsultationFactSchema.parse(fact({ staffId: null }))).toEqual(fact({ staffId: null }))
    expect(ConsultationFactSchema.safeParse(fact({ day: '2024-9-6' })).success).toBe(false)
    expect(ConsultationFactSchema.safeParse(fact({ firstResponseMinutes: -1 })).success).toBe(false)
    expect(ConsultationFactSchema.safeParse(fact({ topic: '__proto__' })).success).toBe(false)
    expect(ConsultationFactSchema.safeParse(fact({ channel: '' })).success).toBe(false)
  })
})

describe('ReportSummarySchema', () => {
  it('round-trips a summary through JSON, as stored summary rows do', () => {
    const summary = summarise([
      fact(),
      fact({ topic: 'foto', staffId: null, resolutionMinutes: 100_000, firstResponseMinutes: null }),
    ])
    const stored = JSON.parse(JSON.stringify(summary)) as unknown
    expect(ReportSummarySchema.parse(stored)).toEqual(summary)
    expect(ReportSummarySchema.parse(JSON.parse(JSON.stringify(emptySummary())))).toEqual(emptySummary())
  })

  it('refuses negative or fractional counts and a histogram of another bucket layout', () => {
    const summary = summarise([fact()])
    expect(ReportSummarySchema.safeParse({ ...summary, consultations: -1 }).success).toBe(false)
    expect(ReportSummarySchema.safeParse({ ...summary, byTopic: { silon: 0.5 } }).success).toBe(false)
    const shortHistogram = { counts: summary.resolution.counts.slice(1), sum: summary.resolution.sum }
    expect(ReportSummarySchema.safeParse({ ...summary, resolution: shortHistogram }).success).toBe(false)
  })
})

describe('duration histograms', () => {
  it('has one bucket per bound plus an overflow bucket', () => {
    expect(emptyHistogram()).toEqual({ counts: Array(DURATION_BUCKETS_MINUTES.length + 1).fill(0), sum: 0 })
    expect([...DURATION_BUCKETS_MINUTES].sort((a, b) => a - b)).toEqual([...DURATION_BUCKETS_MINUTES])
  })

  it.each([
    [0, 0],
    [1, 0],
    [1.5, 1],
    [5, 3],
    [5.01, 4],
    [60, 9],
    [61, 10],
    [1440, 17],
    [1441, 18],
    [43_200, 23],
    [43_201, 24],
  ])('puts %d minutes in bucket %d', (minutes, bucket) => {
    expect(bucketIndexOf(minutes)).toBe(bucket)
  })

  it('puts every bound in its own bucket and anything just above it in the next', () => {
    DURATION_BUCKETS_MINUTES.forEach((bound, i) => {
      expect(bucketIndexOf(bound), `${bound}`).toBe(i)
      expect(bucketIndexOf(bound + 0.001), `${bound}+`).toBe(i + 1)
    })
  })

  it('returns a new histogram and keeps the exact sum', () => {
    const before = histogramOf([3])
    const after = addDuration(before, 7)
    expect(before).toEqual(histogramOf([3]))
    expect(after.sum).toBe(10)
    expect(durationStats(after).count).toBe(2)
    expect(durationStats(histogramOf([1.5, 2.25])).meanMinutes).toBe(1.875)
  })

  it('refuses negative and non-finite durations', () => {
    for (const minutes of [-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => addDuration(emptyHistogram(), minutes), `${minutes}`).toThrow(RangeError)
    }
  })

  it('merges into the histogram of both lists, and refuses a different bucket layout', () => {
    expect(mergeHistograms(histogramOf([1, 90, 5000]), histogramOf([2, 90]))).toEqual(
      histogramOf([90, 2, 5000, 1, 90]),
    )
    expect(() => mergeHistograms(emptyHistogram(), { counts: [0, 0], sum: 0 })).toThrow(RangeError)
  })
})

describe('durationStats', () => {
  it('is null but for the count when empty', () => {
    expect(durationStats(emptyHistogram())).toEqual({
      count: 0,
      meanMinutes: null,
      medianMinutes: null,
      p90Minutes: null,
    })
  })

  it('reports the bucket bound at the nearest rank for 1..10 minutes', () => {
    // Median is the 5th value (5, a bound); p90 the 9th (9 → bucket ≤ 10).
    expect(durationStats(histogramOf([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]))).toEqual({
      count: 10,
      meanMinutes: 5.5,
      medianMinutes: 5,
      p90Minutes: 10,
    })
  })

  it('reports median and p90 on spread-out data, in any input order', () => {
    // Sorted: 3 7 12 25 25 | 40 70 200 1500 | 50000. 5th = 25 → ≤ 30; 9th = 1500 → ≤ 2880.
    const values = [1500, 25, 3, 50_000, 70, 12, 25, 200, 7, 40]
    expect(durationStats(histogramOf(values))).toEqual({
      count: 10,
      meanMinutes: 51_882 / 10,
      medianMinutes: 30,
      p90Minutes: 2880,
    })
  })

  it('takes the rank ceil(q·n): p90 of 20 moves when the 18th value does', () => {
    const fast = (n: number) => Array<number>(n).fill(4)
    expect(durationStats(histogramOf([...fast(18), 600, 600])).p90Minutes).toBe(5)
    expect(durationStats(histogramOf([...fast(17), 600, 600, 600])).p90Minutes).toBe(720)
    // Odd count: the median of 3 is the 2nd value.
    expect(durationStats(histogramOf([1, 100, 100])).medianMinutes).toBe(120)
    expect(durationStats(histogramOf([1, 1, 100])).medianMinutes).toBe(1)
  })

  it('reports the largest bound for ranks in the overflow bucket, with the exact mean', () => {
    expect(durationStats(histogramOf([50_000, 60_000]))).toEqual({
      count: 2,
      meanMinutes: 55_000,
      medianMinutes: 43_200,
      p90Minutes: 43_200,
    })
    expect(durationStats(histogramOf([10, 10, 50_000])).medianMinutes).toBe(10)
  })
})

const arbitraryFact = (officeIds: readonly string[]) =>
  fc.record({
    officeId: fc.constantFrom(...officeIds),
    day: fc.constantFrom('2024-08-27', '2024-08-28', '2024-09-06'),
    channel: fc.constantFrom('tatap_muka', 'telepon', 'email', 'grup_pesan'),
    topic: fc.constantFrom('silon', 'foto', 'jadwal', 'constructor'),
    stakeholderCategory: fc.constantFrom('lo', 'media', 'pemilih'),
    status: fc.constantFrom('baru', 'dijawab', 'dirujuk', 'selesai'),
    staffId: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
    referred: fc.boolean(),
    firstResponseMinutes: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    resolutionMinutes: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  })

describe('mergeSummaries', () => {
  it('equals summarising the whole, however the facts are split and ordered', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryFact(['bantul', 'sleman']), { maxLength: 40 }),
        fc.nat(40),
        fc.nat(40),
        (facts, i, j) => {
          const [a, b] = [Math.min(i, j, facts.length), Math.min(Math.max(i, j), facts.length)]
          const parts = [facts.slice(0, a), facts.slice(a, b), facts.slice(b)].map(summarise)
          expect(mergeSummaries(...parts)).toEqual(summarise(facts))
          expect(mergeSummaries(parts[2]!, parts[0]!, parts[1]!)).toEqual(summarise(facts))
        },
      ),
    )
  })

  it.each([
    ['all in one part', [5]],
    ['an empty part first', [0, 5]],
    ['an empty part last', [5, 0]],
    ['one fact per part', [1, 1, 1, 1, 1]],
    ['empty parts between', [2, 0, 0, 3]],
  ])('equals summarising the whole with %s', (_, sizes) => {
    const facts = [
      fact(),
      fact({ channel: 'telepon', staffId: null, firstResponseMinutes: null }),
      fact({ topic: 'foto', referred: true, status: 'dirujuk', resolutionMinutes: null }),
      fact({ day: '2024-09-07', firstResponseMinutes: 50_000, resolutionMinutes: 50_001 }),
      fact({ stakeholderCategory: 'media', firstResponseMinutes: 0 }),
    ]
    const ends = sizes.map((_, k) => sizes.slice(0, k + 1).reduce((x, y) => x + y, 0))
    const parts = ends.map((end, k) => facts.slice(ends[k - 1] ?? 0, end))
    expect(parts.flat()).toEqual(facts)
    expect(mergeSummaries(...parts.map(summarise))).toEqual(summarise(facts))
  })

  it('gives an empty summary for nothing and for empty parts, and leaves its inputs alone', () => {
    expect(mergeSummaries()).toEqual(emptySummary())
    expect(mergeSummaries(emptySummary(), emptySummary())).toEqual(emptySummary())
    const a = summarise([fact()])
    const b = summarise([fact({ topic: 'foto' })])
    mergeSummaries(a, b)
    expect(a).toEqual(summarise([fact()]))
    expect(b).toEqual(summarise([fact({ topic: 'foto' })]))
  })
})

describe('rollUp over a three-level tree', () => {
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
  // Written out by hand, so the test does not trust rollUp's own idea of the tree.
  const subtree: Record<string, string[]> = {
    ri: offices.map((o) => o.id),
    diy: ['diy', 'bantul', 'sleman', 'kulonprogo'],
    babel: ['babel', 'belitung', 'bangka'],
    bantul: ['bantul'],
    sleman: ['sleman'],
    kulonprogo: ['kulonprogo'],
    belitung: ['belitung'],
    bangka: ['bangka'],
  }
  // Kulon Progo, Bangka and the Babel office itself have no consultations.
  const facts: ConsultationFact[] = fc.sample(arbitraryFact(['ri', 'diy', 'bantul', 'sleman', 'belitung']), {
    seed: 20_240_906,
    numRuns: 300,
  })
  const own = new Map<string, ReportSummary>()
  for (const id of ['ri', 'diy', 'bantul', 'sleman', 'belitung']) {
    own.set(id, summarise(facts.filter((f) => f.officeId === id)))
  }
  own.set('bangka', emptySummary())
  own.set('elsewhere', summarise([fact({ officeId: 'elsewhere' })]))
  const rolled = rollUp(offices, own)

  it('seeds data in every office it expects to', () => {
    for (const id of ['ri', 'diy', 'bantul', 'sleman', 'belitung']) {
      expect(
        facts.some((f) => f.officeId === id),
        id,
      ).toBe(true)
    }
  })

  it('lists each office with its own figures and its children in list order', () => {
    expect([...rolled.keys()].sort()).toEqual(offices.map((o) => o.id).sort())
    expect(rolled.get('ri')!.children).toEqual(['diy', 'babel'])
    expect(rolled.get('diy')!.children).toEqual(['bantul', 'sleman', 'kulonprogo'])
    expect(rolled.get('babel')!.children).toEqual(['belitung', 'bangka'])
    expect(rolled.get('bantul')!.children).toEqual([])
    expect(rolled.get('bantul')!.own).toEqual(summarise(facts.filter((f) => f.officeId === 'bantul')))
    expect(rolled.get('kulonprogo')!.own).toEqual(emptySummary())
    expect(rolled.get('babel')!.own).toEqual(emptySummary())
  })

  it('makes every total its own figures plus the totals of the level below', () => {
    for (const office of offices) {
      const entry = rolled.get(office.id)!
      const below = offices.filter((o) => o.parentId === office.id).map((o) => rolled.get(o.id)!.total)
      expect(entry.total, office.id).toEqual(mergeSummaries(entry.own, ...below))
    }
  })

  it('makes every total the summary of the consultations in its subtree', () => {
    for (const [id, ids] of Object.entries(subtree)) {
      const inside = facts.filter((f) => ids.includes(f.officeId))
      expect(rolled.get(id)!.total.consultations, id).toBe(inside.length)
      expect(rolled.get(id)!.total, id).toEqual(summarise(inside))
    }
    expect(rolled.get('kulonprogo')!.total).toEqual(emptySummary())
  })

  it('makes the national total the summary of every consultation', () => {
    expect(rolled.get('ri')!.total).toEqual(summarise(facts))
    expect(rolled.get('ri')!.total.consultations).toBe(300)
  })

  it('gives a Provinsi one row per Kab/Kota below it', () => {
    expect(officeTable(rolled, 'diy')).toEqual([
      { officeId: 'bantul', total: summarise(facts.filter((f) => f.officeId === 'bantul')) },
      { officeId: 'sleman', total: summarise(facts.filter((f) => f.officeId === 'sleman')) },
      { officeId: 'kulonprogo', total: emptySummary() },
    ])
    expect(officeTable(rolled, 'ri').map((row) => row.officeId)).toEqual(['diy', 'babel'])
    expect(officeTable(rolled, 'bantul')).toEqual([])
    expect(officeTable(rolled, 'unknown')).toEqual([])
  })

  it('treats an office whose parent is not listed as a root', () => {
    const diyOnly = offices.filter((o) => subtree.diy!.includes(o.id))
    const provinceOnly = rollUp(diyOnly, own)
    expect([...provinceOnly.keys()].sort()).toEqual([...subtree.diy!].sort())
    expect(provinceOnly.get('diy')!.total).toEqual(rolled.get('diy')!.total)
  })

  it('leaves the summaries it was given alone', () => {
    expect(own.get('bantul')).toEqual(summarise(facts.filter((f) => f.officeId === 'bantul')))
    expect(own.get('bangka')).toEqual(emptySummary())
  })
})

describe('rollUp on corrupt trees', () => {
  it('refuses a two-office cycle, naming an office on it', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]
    expect(() => rollUp(cyclic, new Map())).toThrow(/Office (a|b) .*cycle/)
  })

  it('refuses an office that is its own parent', () => {
    expect(() => rollUp([{ id: 'x', parentId: 'x' }], new Map())).toThrow(/Office x .*cycle/)
  })

  it('refuses a cycle hanging off an otherwise good tree', () => {
    const offices = [
      { id: 'ri', parentId: null },
      { id: 'diy', parentId: 'ri' },
      { id: 'p', parentId: 'q' },
      { id: 'q', parentId: 'r' },
      { id: 'r', parentId: 'p' },
    ]
    expect(() => rollUp(offices, new Map())).toThrow(/Office (p|q|r) .*cycle/)
  })

  it('refuses an office listed twice rather than counting it twice', () => {
    const offices = [
      { id: 'ri', parentId: null },
      { id: 'diy', parentId: 'ri' },
      { id: 'diy', parentId: 'ri' },
    ]
    expect(() => rollUp(offices, new Map())).toThrow(/Office diy is listed twice/)
  })
})
