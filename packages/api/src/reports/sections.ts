import {
  referralOutcome,
  reportFigures,
  tallyTotal,
  UNASSIGNED,
  type DurationSpread,
  type Locale,
  type ReportContent,
  type ReportDimension,
  type ReportOfficeLine,
  type SatisfactionLine,
  type Scrubber,
} from '@mejabantu/domain'
import { countedLabel, type ReportWords } from './text.ts'

/** What the report's PDF and XLSX both print, in the same order and words; each file lays it out. */

/** A report file's writer; values it prints as stored pass through `scrub`. */
export type ReportWriter = (
  content: ReportContent,
  number: string | null,
  locale: Locale,
  scrub?: Scrubber,
) => Promise<Buffer>

/** The summary: the counted figures, then the two durations, which each file words its own way. */
export function summaryOf(content: ReportContent, w: ReportWords) {
  const figures = reportFigures(content.total)
  const referrals = referralOutcome(content.rows)
  const counts: [label: string, value: number][] = [
    [w.consultationsTotal, figures.consultations],
    [w.consultationsOwn, content.own.consultations],
    [w.visits, tallyTotal(content.visits.total)],
    [w.referred, figures.referred],
    [w.referralsAnswered, referrals.answered],
    [w.referralsWaiting, referrals.waiting],
  ]
  const durations: [label: string, spread: DurationSpread][] = [
    [w.firstResponse, figures.firstResponse],
    [w.resolution, figures.resolution],
  ]
  return { counts, durations }
}

/** One breakdown of the consultations: its title, its counts and how a counted key reads. */
export interface Breakdown {
  title: string
  counts: Record<string, number>
  label: (key: string) => string
}

/** Every breakdown, by channel, topic, category, status and staff member. */
export function breakdownsOf(
  content: ReportContent,
  w: ReportWords,
  locale: Locale,
  scrub: Scrubber,
): Breakdown[] {
  const counted = (dimension: ReportDimension) => (key: string) =>
    countedLabel(dimension, key, locale, scrub, content.topicLabels)
  return [
    { title: w.byChannel, counts: content.total.byChannel, label: counted('channel') },
    { title: w.byTopic, counts: content.total.byTopic, label: counted('topic') },
    { title: w.byCategory, counts: content.total.byCategory, label: counted('category') },
    { title: w.byStatus, counts: content.total.byStatus, label: counted('status') },
    {
      title: w.byStaff,
      counts: content.total.byStaff,
      label: (id) => (id === UNASSIGNED ? w.unassigned : (content.staffNames[id] ?? id)),
    },
  ]
}

/** An office of the per-office table: "34.02 KPU Kabupaten Bantul". */
export const officeTitle = ({ office }: ReportOfficeLine) => `${office.regionCode} ${office.name}`

/** A table of the askers' ratings: a title and its lines, each labelled, counted and averaged. */
export interface SatisfactionTable {
  title: string
  lines: { label: string; count: number; mean: number | null }[]
}

/**
 * The satisfaction section, by topic and by staff member, most rated first, each table ending with all
 * ratings together (no lines without ratings); no tables for a report frozen before ratings existed.
 */
export function satisfactionTables(
  content: ReportContent,
  w: ReportWords,
  locale: Locale,
  scrub: Scrubber,
): SatisfactionTable[] {
  const tally = content.satisfaction?.total
  if (!tally) return []
  const table = (title: string, lines: Record<string, SatisfactionLine>, label: (key: string) => string) => ({
    title,
    lines: tally.all.count
      ? [
          ...Object.entries(lines)
            .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
            .map(([key, line]) => ({ label: label(key), count: line.count, mean: line.mean })),
          { label: w.allRatings, count: tally.all.count, mean: tally.all.mean },
        ]
      : [],
  })
  return [
    table(w.satisfactionByTopic, tally.byTopic, (key) =>
      countedLabel('topic', key, locale, scrub, content.topicLabels),
    ),
    table(w.satisfactionByStaff, tally.byStaff, (id) =>
      id === UNASSIGNED ? w.unassigned : (content.staffNames[id] ?? id),
    ),
  ]
}

/** A mean score as a report prints it: "4,3" in Indonesian, "4.3" in English, "—" without ratings. */
export const meanText = (mean: number | null, locale: Locale) =>
  mean === null ? '—' : mean.toFixed(1).replace('.', locale === 'id' ? ',' : '.')
