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
  ReportSummarySchema,
  summarise,
} from './report.ts'
import { fact } from './report.fixture.ts'

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
