import { z } from 'zod'
import { LabelSchema } from './labels.ts'
import { OfficeLevel } from './office.ts'
import {
  ReportSummarySchema,
  durationSpread,
  durationStats,
  mergeSummaries,
  UNASSIGNED,
  type DurationSpread,
  type DurationStats,
  type ReportSummary,
} from './report.ts'
import { mergedArticles, ReportArticlesSchema } from './report-articles.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import { ratingSummary } from './sheet-relations.ts'
import { TimeZone } from './time.ts'

/** The longest period one report covers: a year, leap day included. */
export const MAX_REPORT_DAYS = 366

/** A report's period: office-local days, both inclusive. */
export const ReportPeriodSchema = z.strictObject({ from: z.iso.date(), to: z.iso.date() })
/** A report's period. */
export type ReportPeriod = z.infer<typeof ReportPeriodSchema>

const DAY_MS = 24 * 60 * 60_000

/** How many days a period spans, both ends counted ("2024-09-06".."2024-09-08" is 3). */
export function periodDays(period: ReportPeriod): number {
  return (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS + 1
}

/** Every day of a period in order, `YYYY-MM-DD`. */
export function daysOf(period: ReportPeriod): string[] {
  const start = Date.parse(`${period.from}T00:00:00Z`)
  return Array.from({ length: Math.max(0, periodDays(period)) }, (_, i) =>
    new Date(start + i * DAY_MS).toISOString().slice(0, 10),
  )
}

/** Whether a period can be reported: it must not end before it starts, nor span more than a year. */
export function checkReportPeriod(period: ReportPeriod): RuleResult<ReportPeriod> {
  const days = periodDays(period)
  if (days < 1) {
    return deny({
      rule: 'report.period.reversed',
      params: { from: period.from, to: period.to },
      message: {
        id: 'Tanggal akhir laporan tidak boleh sebelum tanggal awal.',
        en: 'The report’s last day cannot be before its first day.',
      },
    })
  }
  if (days > MAX_REPORT_DAYS) {
    return deny({
      rule: 'report.period.tooLong',
      params: { days: String(days), max: String(MAX_REPORT_DAYS) },
      message: {
        id: `Satu laporan mencakup paling lama ${MAX_REPORT_DAYS} hari; periode ini ${days} hari.`,
        en: `One report covers at most ${MAX_REPORT_DAYS} days; this period has ${days}.`,
      },
    })
  }
  return allow({ from: period.from, to: period.to })
}

/** The report number: "LAP-34.02-2024-003", per office and year of finalisation. */
export function reportNumber(regionCode: string, year: number, sequence: number): string {
  return `LAP-${regionCode}-${year}-${String(sequence).padStart(3, '0')}`
}

/** An office as a report names it. */
export const ReportOfficeSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  regionCode: z.string().min(1),
  level: OfficeLevel.schema,
  /** The office's zone: the report's days and times are its local ones. */
  timeZone: TimeZone.schema,
})
/** An office as a report names it. */
export type ReportOffice = z.infer<typeof ReportOfficeSchema>

/**
 * One sheet in the report's list. No asker, question or answer: a finalised report is kept for good and
 * sent up the hierarchy, while personal data is erased after its retention period; the number leads back
 * to the sheet.
 */
export const ReportRowSchema = z.object({
  number: z.string().min(1),
  occurredAt: z.date(),
  channel: z.string().min(1),
  topic: z.string().min(1),
  stakeholderCategory: z.string().min(1),
  status: z.string().min(1),
  staffName: z.string().nullable(),
  /** The office it was referred to, by name; null when never referred. */
  referredTo: z.string().nullable(),
  firstResponseMinutes: z.number().nonnegative().nullable(),
  resolutionMinutes: z.number().nonnegative().nullable(),
})
/** One sheet in a report's list. */
export type ReportRow = z.infer<typeof ReportRowSchema>

const dayCounts = z.record(z.iso.date(), z.number().int().nonnegative())

/** A line of the per-office table: an office directly below, with its whole subtree's figures. */
export const ReportOfficeLineSchema = z.object({
  office: ReportOfficeSchema,
  total: ReportSummarySchema,
  visits: z.number().int().nonnegative(),
})
/** A line of the per-office table. */
export type ReportOfficeLine = z.infer<typeof ReportOfficeLineSchema>

/** The asker's ratings of one group of sheets: how many, the mean (one decimal) and how many gave each score. */
export const SatisfactionLineSchema = z.object({
  count: z.number().int().nonnegative(),
  mean: z.number().min(1).max(5).nullable(),
  /** How many gave 1, 2, 3, 4 and 5: what merging adds up, so the mean stays exact. */
  scores: z.array(z.number().int().nonnegative()).length(5),
})
/** The ratings of one group of sheets. */
export type SatisfactionLine = z.infer<typeof SatisfactionLineSchema>

/** Ratings of the period's sheets, all together, by topic and by staff member (keyed as `byStaff`). */
export const SatisfactionTallySchema = z.object({
  all: SatisfactionLineSchema,
  byTopic: z.record(z.string(), SatisfactionLineSchema),
  byStaff: z.record(z.string(), SatisfactionLineSchema),
})
/** Ratings of a report's sheets. */
export type SatisfactionTally = z.infer<typeof SatisfactionTallySchema>

/**
 * The askers' satisfaction in a report: ratings of the period's sheets (by the day they were asked, merged
 * duplicates left out), of the office's own and with every office below, like `own` and `total`.
 */
export const ReportSatisfactionSchema = z.object({
  own: SatisfactionTallySchema,
  total: SatisfactionTallySchema,
})
/** The askers' satisfaction in a report. */
export type ReportSatisfaction = z.infer<typeof ReportSatisfactionSchema>

/** A rated sheet as the satisfaction section counts it. */
export interface RatedSheetFact {
  score: number
  topic: string
  /** Null for a sheet nobody took, counted under {@link UNASSIGNED}. */
  staffId: string | null
}

/** A line from the number of ratings per score (index 0 is score 1); count and mean from ratingSummary. */
export function satisfactionLine(perScore: readonly number[]): SatisfactionLine {
  const counts = [0, 1, 2, 3, 4].map((i) => perScore[i] ?? 0)
  const all = counts.flatMap((n, i) => Array<number>(n).fill(i + 1))
  return { ...ratingSummary(all), scores: counts }
}

const addLines = (a: SatisfactionLine, b: SatisfactionLine) =>
  satisfactionLine(a.scores.map((n, i) => n + b.scores[i]!))

const emptyLine = () => satisfactionLine([])

function addTo(lines: Record<string, SatisfactionLine>, key: string, line: SatisfactionLine) {
  lines[key] = Object.hasOwn(lines, key) ? addLines(lines[key]!, line) : line
}

/** The satisfaction of a list of rated sheets; a score outside 1–5 throws a RangeError. */
export function satisfactionOf(facts: readonly RatedSheetFact[]): SatisfactionTally {
  const tally: SatisfactionTally = { all: emptyLine(), byTopic: {}, byStaff: {} }
  for (const fact of facts) {
    if (!Number.isInteger(fact.score) || fact.score < 1 || fact.score > 5)
      throw new RangeError(`Invalid rating: ${fact.score}`)
    const line = satisfactionLine([1, 2, 3, 4, 5].map((s) => (s === fact.score ? 1 : 0)))
    tally.all = addLines(tally.all, line)
    addTo(tally.byTopic, fact.topic, line)
    addTo(tally.byStaff, fact.staffId ?? UNASSIGNED, line)
  }
  return tally
}

/** Two satisfaction tallies as one, as if counted together. */
export function mergeSatisfaction(a: SatisfactionTally, b: SatisfactionTally): SatisfactionTally {
  const merged: SatisfactionTally = {
    all: addLines(a.all, b.all),
    byTopic: { ...a.byTopic },
    byStaff: { ...a.byStaff },
  }
  for (const [key, line] of Object.entries(b.byTopic)) addTo(merged.byTopic, key, line)
  for (const [key, line] of Object.entries(b.byStaff)) addTo(merged.byStaff, key, line)
  return merged
}

/**
 * A laporan hasil konsultasi, whole: what the screen, the PDF and the XLSX show, and what finalisation
 * freezes. `own` counts the office's own sheets, `total` adds every office below it.
 */
export const ReportContentSchema = z.object({
  office: ReportOfficeSchema,
  period: ReportPeriodSchema,
  generatedAt: z.date(),
  own: ReportSummarySchema,
  total: ReportSummarySchema,
  /** Guest-book visits per local day: the office's own, and with every office below. */
  visits: z.object({ own: dayCounts, total: dayCounts }),
  offices: z.array(ReportOfficeLineSchema),
  /** Names of the staff keyed in `own.byStaff` and `total.byStaff`. */
  staffNames: z.record(z.string(), z.string()),
  rows: z.array(ReportRowSchema),
  /** The askers' ratings; absent from reports finalised before sheets could be rated. */
  satisfaction: ReportSatisfactionSchema.optional(),
  /** Answers by knowledge article; absent from reports finalised before answers were counted by article. */
  articles: ReportArticlesSchema.optional(),
  /** The id/en labels of the topics counted, from the catalogue at compile time. */
  topicLabels: z.record(z.string(), LabelSchema).optional(),
})
/** A laporan hasil konsultasi. */
export type ReportContent = z.infer<typeof ReportContentSchema>

/** What became of the office's referred sheets: answered above (or closed since), or still waiting. */
export interface ReferralOutcome {
  referred: number
  answered: number
  waiting: number
}

/** Referral outcomes of a report's own sheets. */
export function referralOutcome(rows: readonly ReportRow[]): ReferralOutcome {
  const referred = rows.filter((row) => row.referredTo !== null)
  const waiting = referred.filter((row) => row.status === 'dirujuk').length
  return { referred: referred.length, answered: referred.length - waiting, waiting }
}

/** The headline figures a report prints for a summary. */
export interface ReportFigures {
  consultations: number
  referred: number
  firstResponse: DurationStats & DurationSpread
  resolution: DurationStats & DurationSpread
}

/**
 * Counts and first-response / resolution statistics of a summary: count and mean, and where the median
 * and the 90th percentile lie (the ranges reports print).
 */
export function reportFigures(summary: ReportSummary): ReportFigures {
  return {
    consultations: summary.consultations,
    referred: summary.referred,
    firstResponse: { ...durationStats(summary.firstResponse), ...durationSpread(summary.firstResponse) },
    resolution: { ...durationStats(summary.resolution), ...durationSpread(summary.resolution) },
  }
}

/** The sum of a tally, e.g. all visits of a period. */
export function tallyTotal(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0)
}

/** A tally's entries, largest first, ties by key: the order report tables and charts list them in. */
export function rankedEntries(counts: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
}

/** A period cut into consecutive chunks of at most `days` days, so a long report compiles step by step. */
export function periodChunks(period: ReportPeriod, days: number): ReportPeriod[] {
  const all = daysOf(period)
  const chunks: ReportPeriod[] = []
  for (let i = 0; i < all.length; i += days) {
    const part = all.slice(i, i + days)
    chunks.push({ from: part[0]!, to: part.at(-1)! })
  }
  return chunks
}

const addDays = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) => {
  const sum = { ...a }
  for (const [day, n] of Object.entries(b)) sum[day] = (Object.hasOwn(sum, day) ? sum[day]! : 0) + n
  return sum
}

/**
 * Reports of one office over consecutive periods as the report of the whole span: summaries merge
 * exactly, per-office lines add up office by office, rows follow in order. The parts must be given in
 * period order; the result is stamped with the last part's compile time.
 */
export function mergeReportContents(parts: readonly ReportContent[]): ReportContent {
  const [first, ...rest] = parts
  if (!first) throw new RangeError('No report parts to merge')
  return rest.reduce<ReportContent>((merged, part) => {
    const lines = new Map(merged.offices.map((line) => [line.office.id, line]))
    for (const line of part.offices) {
      const seen = lines.get(line.office.id)
      lines.set(
        line.office.id,
        seen
          ? { ...seen, total: mergeSummaries(seen.total, line.total), visits: seen.visits + line.visits }
          : line,
      )
    }
    return {
      office: merged.office,
      period: { from: merged.period.from, to: part.period.to },
      generatedAt: part.generatedAt,
      own: mergeSummaries(merged.own, part.own),
      total: mergeSummaries(merged.total, part.total),
      visits: {
        own: addDays(merged.visits.own, part.visits.own),
        total: addDays(merged.visits.total, part.visits.total),
      },
      offices: [...lines.values()],
      staffNames: { ...merged.staffNames, ...part.staffNames },
      rows: [...merged.rows, ...part.rows],
      ...mergedSatisfaction(merged.satisfaction, part.satisfaction),
      ...mergedArticles(merged.articles, part.articles),
      ...(merged.topicLabels || part.topicLabels
        ? { topicLabels: { ...merged.topicLabels, ...part.topicLabels } }
        : {}),
    }
  }, first)
}

// Parts compiled before ratings existed have no satisfaction; the others still add up.
function mergedSatisfaction(
  a: ReportSatisfaction | undefined,
  b: ReportSatisfaction | undefined,
): { satisfaction?: ReportSatisfaction } {
  if (!a || !b) return a || b ? { satisfaction: (a ?? b)! } : {}
  return {
    satisfaction: { own: mergeSatisfaction(a.own, b.own), total: mergeSatisfaction(a.total, b.total) },
  }
}
