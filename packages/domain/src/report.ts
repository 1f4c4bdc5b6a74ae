import { z } from 'zod'
import type { OfficeNode } from './office.ts'

// Zod records drop a "__proto__" key when parsing, so a stored summary could not keep its count.
const dimension = z
  .string()
  .min(1)
  .refine((key) => key !== '__proto__', { message: 'reserved key' })

/**
 * What a report counts about one consultation. Dimensions are plain strings, not the enums, because topics
 * and channels are extensible and old summary rows must keep counting values a table no longer lists.
 */
export const ConsultationFactSchema = z.object({
  officeId: z.string().min(1),
  /** The office's local day, `YYYY-MM-DD`. */
  day: z.iso.date(),
  channel: dimension,
  topic: dimension,
  stakeholderCategory: dimension,
  status: dimension,
  staffId: dimension.nullable(),
  referred: z.boolean(),
  /** Whole minutes, as `firstResponseMinutes` in the lifecycle computes them; null while unanswered. */
  firstResponseMinutes: z.number().nonnegative().nullable(),
  /** Whole minutes to closing; null while open. */
  resolutionMinutes: z.number().nonnegative().nullable(),
})
/** One consultation as a report sees it. */
export type ConsultationFact = z.infer<typeof ConsultationFactSchema>

/**
 * Upper bounds (minutes, inclusive) of the duration buckets, from one minute to 30 days; a last, overflow
 * bucket holds anything longer. Fixed buckets make summaries mergeable: the sum of daily summaries is
 * exactly the summary of the month, at any level of the tree, which stored medians could never be.
 */
export const DURATION_BUCKETS_MINUTES = [
  1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 7200, 10080, 20160,
  43200,
] as const

const BUCKETS = DURATION_BUCKETS_MINUTES.length + 1
const LARGEST_BOUND: number = DURATION_BUCKETS_MINUTES.at(-1)!

/** Durations counted per bucket (`counts[i]` ≤ bound `i`, the last one beyond every bound), with their total. */
export const DurationHistogramSchema = z.object({
  counts: z.array(z.number().int().nonnegative()).length(BUCKETS),
  /** Total minutes, so the mean stays exact; exact under any merge order while durations are whole minutes. */
  sum: z.number().nonnegative(),
})
/** A mergeable duration histogram. */
export type DurationHistogram = z.infer<typeof DurationHistogramSchema>

/** A histogram with nothing in it. */
export function emptyHistogram(): DurationHistogram {
  return { counts: Array<number>(BUCKETS).fill(0), sum: 0 }
}

/** The bucket a duration falls in: the first bound it does not exceed, else the overflow bucket. */
function bucketOf(minutes: number): number {
  const bucket = DURATION_BUCKETS_MINUTES.findIndex((bound) => minutes <= bound)
  return bucket === -1 ? BUCKETS - 1 : bucket
}

/**
 * The histogram with one more duration; the input is left as it was. A negative or non-finite duration
 * throws a RangeError rather than being skipped: it can only come from a bug (the lifecycle clamps at 0),
 * and skipping it would quietly make the count disagree with the consultations.
 */
export function addDuration(histogram: DurationHistogram, minutes: number): DurationHistogram {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Invalid duration: ${minutes} minutes`)
  const counts = [...histogram.counts]
  counts[bucketOf(minutes)]! += 1
  return { counts, sum: histogram.sum + minutes }
}

/** Two histograms as one. Histograms of different bucket layouts cannot be added and throw a RangeError. */
export function mergeHistograms(a: DurationHistogram, b: DurationHistogram): DurationHistogram {
  if (a.counts.length !== b.counts.length) {
    throw new RangeError(`Histograms have ${a.counts.length} and ${b.counts.length} buckets`)
  }
  return { counts: a.counts.map((n, i) => n + b.counts[i]!), sum: a.sum + b.sum }
}

/**
 * Count, mean, median and p90 of a histogram. Quantiles use the nearest-rank method and report the upper
 * bound of the bucket holding that rank ("half were answered within 15 minutes"), so they round up to a
 * bound. A rank in the overflow bucket reports the largest bound, 43200 (30 days): read it as "30 days or
 * more"; the mean, kept from the exact sum, still shows how far beyond.
 */
export interface DurationStats {
  count: number
  meanMinutes: number | null
  medianMinutes: number | null
  p90Minutes: number | null
}

// Nearest rank: the smallest bucket whose running count reaches ceil(q · count); count > 0.
function quantileBucket(counts: readonly number[], count: number, percent: number): number {
  // Integer arithmetic, so 90 % of 10 is rank 9 and never 9.000000000000002 → 10.
  const rank = Math.max(1, Math.ceil((percent * count) / 100))
  let seen = 0
  return counts.findIndex((n) => (seen += n) >= rank)
}

function quantile(counts: readonly number[], count: number, percent: number): number {
  return DURATION_BUCKETS_MINUTES[quantileBucket(counts, count, percent)] ?? LARGEST_BOUND
}

/**
 * Where a quantile lies, as exactly as the histogram knows it: above `fromMinutes` and at most `toMinutes`
 * (the bounds of its bucket); `toMinutes` null means beyond the largest bound (30 days or more).
 */
export interface DurationRange {
  fromMinutes: number
  toMinutes: number | null
}

/** How long half, and nine in ten, of the durations took: each a range, null when there are none. */
export interface DurationSpread {
  half: DurationRange | null
  nineInTen: DurationRange | null
}

function quantileRange(counts: readonly number[], count: number, percent: number): DurationRange {
  const bucket = quantileBucket(counts, count, percent)
  const to = DURATION_BUCKETS_MINUTES[bucket]
  if (to === undefined) return { fromMinutes: LARGEST_BOUND, toMinutes: null }
  return { fromMinutes: bucket === 0 ? 0 : DURATION_BUCKETS_MINUTES[bucket - 1]!, toMinutes: to }
}

/**
 * The median and the 90th percentile of a histogram as the ranges they are known to lie in, which is what
 * a report tells leadership ("half were answered within 15–30 minutes"), rather than a bound read as exact.
 */
export function durationSpread(histogram: DurationHistogram): DurationSpread {
  const count = histogram.counts.reduce((a, b) => a + b, 0)
  if (count === 0) return { half: null, nineInTen: null }
  return {
    half: quantileRange(histogram.counts, count, 50),
    nineInTen: quantileRange(histogram.counts, count, 90),
  }
}

/** The figures a report prints for a histogram; all but the count are null when it is empty. */
export function durationStats(histogram: DurationHistogram): DurationStats {
  const count = histogram.counts.reduce((a, b) => a + b, 0)
  if (count === 0) return { count, meanMinutes: null, medianMinutes: null, p90Minutes: null }
  return {
    count,
    meanMinutes: histogram.sum / count,
    medianMinutes: quantile(histogram.counts, count, 50),
    p90Minutes: quantile(histogram.counts, count, 90),
  }
}

const tally = z.record(z.string(), z.number().int().nonnegative())

/** Everything a consultation report adds up; stored as JSON in daily summary rows and frozen reports. */
export const ReportSummarySchema = z.object({
  consultations: z.number().int().nonnegative(),
  byChannel: tally,
  byTopic: tally,
  byCategory: tally,
  byStatus: tally,
  /** Keyed by staff id; consultations nobody has taken yet count under {@link UNASSIGNED}. */
  byStaff: tally,
  /** Keyed by the office's local day, `YYYY-MM-DD`. */
  byDay: tally,
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

// Own keys only: a topic called "constructor" must not start from Object.prototype.constructor.
const add = (counts: Record<string, number>, key: string, n: number) => {
  counts[key] = (Object.hasOwn(counts, key) ? counts[key]! : 0) + n
}

const addDurationOrNull = (histogram: DurationHistogram, minutes: number | null) =>
  minutes === null ? histogram : addDuration(histogram, minutes)

/** The summary of a list of consultations. Throws a RangeError on a negative or non-finite duration. */
export function summarise(facts: readonly ConsultationFact[]): ReportSummary {
  const summary = emptySummary()
  for (const fact of facts) {
    summary.consultations += 1
    add(summary.byChannel, fact.channel, 1)
    add(summary.byTopic, fact.topic, 1)
    add(summary.byCategory, fact.stakeholderCategory, 1)
    add(summary.byStatus, fact.status, 1)
    add(summary.byStaff, fact.staffId ?? UNASSIGNED, 1)
    add(summary.byDay, fact.day, 1)
    if (fact.referred) summary.referred += 1
    summary.firstResponse = addDurationOrNull(summary.firstResponse, fact.firstResponseMinutes)
    summary.resolution = addDurationOrNull(summary.resolution, fact.resolutionMinutes)
  }
  return summary
}

const addCounts = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) => {
  const sum = { ...a }
  for (const [key, n] of Object.entries(b)) add(sum, key, n)
  return sum
}

/**
 * Several summaries as one, equal to summarising all their consultations together: daily rows add up to
 * a month, Kab/Kota offices to their Provinsi. No arguments give {@link emptySummary}.
 */
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

/** One office in a roll-up: its own figures, those of its whole subtree, and the offices directly below. */
export interface RolledUpOffice {
  own: ReportSummary
  total: ReportSummary
  children: string[]
}

// Offices directly below each listed office, in list order; a parent outside the list makes a root.
function childrenOf(offices: readonly OfficeNode[]): Map<string, string[]> {
  const children = new Map<string, string[]>()
  for (const office of offices) {
    if (children.has(office.id)) throw new Error(`Office ${office.id} is listed twice`)
    children.set(office.id, [])
  }
  for (const office of offices) {
    if (office.parentId !== null) children.get(office.parentId)?.push(office.id)
  }
  return children
}

/**
 * Rolls summaries up the office tree (Kab/Kota → Provinsi → KPU RI): each office's total is its own
 * figures plus its children's totals. Offices whose parent is not listed are roots, so a Provinsi can roll
 * up just its own subtree; listed offices without a summary count as empty, and summaries of unlisted
 * offices are ignored. A cycle in the parent ids, or an office listed twice, is corrupt data: it throws an
 * Error naming the office rather than looping or counting twice.
 */
export function rollUp(
  offices: readonly OfficeNode[],
  own: ReadonlyMap<string, ReportSummary>,
): Map<string, RolledUpOffice> {
  const children = childrenOf(offices)
  const result = new Map<string, RolledUpOffice>()
  const inProgress = new Set<string>()
  const visit = (id: string): RolledUpOffice => {
    const done = result.get(id)
    if (done) return done
    if (inProgress.has(id)) throw new Error(`Office ${id} is its own ancestor (cycle in parent ids)`)
    inProgress.add(id)
    const kids = children.get(id)!
    const mine = own.get(id) ?? emptySummary()
    const entry = {
      own: mine,
      total: mergeSummaries(mine, ...kids.map((kid) => visit(kid).total)),
      children: kids,
    }
    inProgress.delete(id)
    result.set(id, entry)
    return entry
  }
  for (const office of offices) visit(office.id)
  return result
}

/** A row of the per-office table: one office below and its subtree's figures. */
export interface OfficeRow {
  officeId: string
  total: ReportSummary
}

/**
 * The per-office table a higher office shows (a Provinsi for its Kab/Kota, KPU RI for the provinces): one
 * row per office directly below it, in list order; none for an office not in the roll-up.
 */
export function officeTable(rollup: ReadonlyMap<string, RolledUpOffice>, parentId: string): OfficeRow[] {
  return (rollup.get(parentId)?.children ?? []).map((officeId) => ({
    officeId,
    total: rollup.get(officeId)!.total,
  }))
}
