import { z } from 'zod'
import type { OfficeNode } from './office.ts'

/** What a report counts about one consultation; plain strings, since topics and channels are extensible. */
export const ConsultationFactSchema = z.object({
  officeId: z.string().min(1),
  /** The office's local day, `YYYY-MM-DD`. */
  day: z.iso.date(),
  channel: z.string().min(1),
  topic: z.string().min(1),
  stakeholderCategory: z.string().min(1),
  status: z.string().min(1),
  staffId: z.string().nullable(),
  referred: z.boolean(),
  firstResponseMinutes: z.number().nonnegative().nullable(),
  resolutionMinutes: z.number().nonnegative().nullable(),
})
/** One consultation as a report sees it. */
export type ConsultationFact = z.infer<typeof ConsultationFactSchema>

/**
 * Upper bounds (minutes) of the duration buckets, plus one overflow bucket. Fixed buckets make summaries
 * mergeable: the sum of daily summaries is exactly the summary of the month, at any level of the tree.
 */
export const DURATION_BUCKETS_MINUTES = [
  1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 7200, 10080, 20160,
  43200,
] as const

/** Durations counted per bucket, with their exact total so the mean stays exact. */
export const DurationHistogramSchema = z.object({
  counts: z.array(z.number().int().nonnegative()).length(DURATION_BUCKETS_MINUTES.length + 1),
  sum: z.number().nonnegative(),
})
/** A mergeable duration histogram. */
export type DurationHistogram = z.infer<typeof DurationHistogramSchema>

/** A histogram with nothing in it. */
export function emptyHistogram(): DurationHistogram {
  return { counts: Array<number>(DURATION_BUCKETS_MINUTES.length + 1).fill(0), sum: 0 }
}

/** The histogram with one more duration; a negative or non-finite duration is a programmer error. */
export function addDuration(histogram: DurationHistogram, minutes: number): DurationHistogram {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`duration ${minutes}`)
  const bucket = DURATION_BUCKETS_MINUTES.findIndex((bound) => minutes <= bound)
  const counts = [...histogram.counts]
  counts[bucket === -1 ? DURATION_BUCKETS_MINUTES.length : bucket]! += 1
  return { counts, sum: histogram.sum + minutes }
}

/** Two histograms as one. */
export function mergeHistograms(a: DurationHistogram, b: DurationHistogram): DurationHistogram {
  return { counts: a.counts.map((n, i) => n + (b.counts[i] ?? 0)), sum: a.sum + b.sum }
}

/** Count, mean, median and p90 of a histogram. */
export interface DurationStats {
  count: number
  meanMinutes: number | null
  /** Upper bound of the bucket holding the median: "half were answered within this". */
  medianMinutes: number | null
  p90Minutes: number | null
}

// Nearest rank; the overflow bucket reports its lower bound (the largest bound) as "more than".
function quantile(histogram: DurationHistogram, count: number, q: number): number {
  const rank = Math.max(1, Math.ceil(q * count))
  let seen = 0
  for (const [i, n] of histogram.counts.entries()) {
    seen += n
    if (seen >= rank) return DURATION_BUCKETS_MINUTES[Math.min(i, DURATION_BUCKETS_MINUTES.length - 1)]!
  }
  return DURATION_BUCKETS_MINUTES.at(-1)!
}

/** The figures a report prints for a histogram; null when it is empty. */
export function durationStats(histogram: DurationHistogram): DurationStats {
  const count = histogram.counts.reduce((a, b) => a + b, 0)
  if (count === 0) return { count, meanMinutes: null, medianMinutes: null, p90Minutes: null }
  return {
    count,
    meanMinutes: histogram.sum / count,
    medianMinutes: quantile(histogram, count, 0.5),
    p90Minutes: quantile(histogram, count, 0.9),
  }
}

const counts = z.record(z.string(), z.number().int().nonnegative())

/** Everything a consultation report adds up; stored as JSON in daily summary rows and frozen reports. */
export const ReportSummarySchema = z.object({
  consultations: z.number().int().nonnegative(),
  byChannel: counts,
  byTopic: counts,
  byCategory: counts,
  byStatus: counts,
  byStaff: counts,
  byDay: counts,
  referred: z.number().int().nonnegative(),
  firstResponse: DurationHistogramSchema,
  resolution: DurationHistogramSchema,
})
/** A mergeable report summary. */
export type ReportSummary = z.infer<typeof ReportSummarySchema>

/** A summary of nothing. */
export function emptySummary(): ReportSummary {
  return {
    consultations: 0,
    byChannel: {},
    byTopic: {},
    byCategory: {},
    byStatus: {},
    byStaff: {},
    byDay: {},
    referred: 0,
    firstResponse: emptyHistogram(),
    resolution: emptyHistogram(),
  }
}

/** Staff key for consultations nobody has taken yet. */
export const UNASSIGNED = 'unassigned'

const bump = (tally: Record<string, number>, key: string) => {
  tally[key] = (tally[key] ?? 0) + 1
}

/** The summary of a list of consultations. */
export function summarise(facts: readonly ConsultationFact[]): ReportSummary {
  const summary = emptySummary()
  for (const fact of facts) {
    summary.consultations += 1
    bump(summary.byChannel, fact.channel)
    bump(summary.byTopic, fact.topic)
    bump(summary.byCategory, fact.stakeholderCategory)
    bump(summary.byStatus, fact.status)
    bump(summary.byStaff, fact.staffId ?? UNASSIGNED)
    bump(summary.byDay, fact.day)
    if (fact.referred) summary.referred += 1
    if (fact.firstResponseMinutes !== null) {
      summary.firstResponse = addDuration(summary.firstResponse, fact.firstResponseMinutes)
    }
    if (fact.resolutionMinutes !== null) {
      summary.resolution = addDuration(summary.resolution, fact.resolutionMinutes)
    }
  }
  return summary
}

const addCounts = (a: Record<string, number>, b: Record<string, number>) => {
  const sum = { ...a }
  for (const [key, n] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + n
  return sum
}

/** Several summaries as one: equal to summarising all their consultations together. */
export function mergeSummaries(...summaries: readonly ReportSummary[]): ReportSummary {
  return summaries.reduce(
    (a, b) => ({
      consultations: a.consultations + b.consultations,
      byChannel: addCounts(a.byChannel, b.byChannel),
      byTopic: addCounts(a.byTopic, b.byTopic),
      byCategory: addCounts(a.byCategory, b.byCategory),
      byStatus: addCounts(a.byStatus, b.byStatus),
      byStaff: addCounts(a.byStaff, b.byStaff),
      byDay: addCounts(a.byDay, b.byDay),
      referred: a.referred + b.referred,
      firstResponse: mergeHistograms(a.firstResponse, b.firstResponse),
      resolution: mergeHistograms(a.resolution, b.resolution),
    }),
    emptySummary(),
  )
}

/** One office in a roll-up: its own figures and those of its whole subtree. */
export interface RolledUpOffice {
  own: ReportSummary
  total: ReportSummary
  children: string[]
}

/**
 * Rolls summaries up the office tree (Kab/Kota → Provinsi → KPU RI): each office's total is its own
 * figures plus its children's totals. Offices whose parent is not listed are roots. A cycle in the tree is
 * corrupt data and throws, naming an office on it.
 */
export function rollUp(
  offices: readonly OfficeNode[],
  own: ReadonlyMap<string, ReportSummary>,
): Map<string, RolledUpOffice> {
  const ids = new Set(offices.map((o) => o.id))
  const children = new Map<string, string[]>(offices.map((o) => [o.id, []]))
  for (const o of offices) if (o.parentId && ids.has(o.parentId)) children.get(o.parentId)!.push(o.id)

  const result = new Map<string, RolledUpOffice>()
  const visiting = new Set<string>()
  const visit = (id: string): RolledUpOffice => {
    const done = result.get(id)
    if (done) return done
    if (visiting.has(id)) throw new Error(`office tree has a cycle through ${id}`)
    visiting.add(id)
    const kids = children.get(id)!
    const mine = own.get(id) ?? emptySummary()
    const entry = {
      own: mine,
      total: mergeSummaries(mine, ...kids.map((k) => visit(k).total)),
      children: kids,
    }
    visiting.delete(id)
    result.set(id, entry)
    return entry
  }
  for (const o of offices) visit(o.id)
  return result
}

/** The per-office table a higher office shows: one row per office directly below it. */
export function officeTable(rollup: ReadonlyMap<string, RolledUpOffice>, parentId: string) {
  return (rollup.get(parentId)?.children ?? []).map((officeId) => ({
    officeId,
    total: rollup.get(officeId)!.total,
  }))
}
