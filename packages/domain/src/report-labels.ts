import { Channel, ConsultationStatus, StakeholderCategory } from './consultation.ts'
import type { Label, Locale } from './labels.ts'

/** The breakdowns a report prints, each labelled from its domain enumeration or, for topics, the catalogue. */
export type ReportDimension = 'channel' | 'topic' | 'category' | 'status'

const tables: Record<Exclude<ReportDimension, 'topic'>, Record<string, Label>> = {
  channel: Channel.labels,
  category: StakeholderCategory.labels,
  status: ConsultationStatus.labels,
}

/**
 * The label of a value counted in a report. Summaries keep values a table may no longer list (an old
 * topic, another office's own one); those print as they were stored rather than disappear. Topics are
 * labelled by the catalogue the report was compiled with (`ReportContent.topicLabels`).
 */
export function dimensionLabel(
  dimension: ReportDimension,
  value: string,
  locale: Locale = 'id',
  topicLabels: Record<string, Label> = {},
): string {
  const table = dimension === 'topic' ? topicLabels : tables[dimension]
  return Object.hasOwn(table, value) ? table[value]![locale] : value
}

const units = {
  id: { day: 'hari', hour: 'jam', minute: 'menit' },
  en: { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] },
} as const

/** A duration as a report prints it: "2 jam 5 menit", "3 days 4 hours"; at most two units, "—" for null. */
export function formatMinutes(minutes: number | null, locale: Locale = 'id'): string {
  if (minutes === null) return '—'
  const whole = Math.round(minutes)
  const parts: [number, 'day' | 'hour' | 'minute'][] = [
    [Math.floor(whole / 1440), 'day'],
    [Math.floor((whole % 1440) / 60), 'hour'],
    [whole % 60, 'minute'],
  ]
  const shown = parts.filter(([n]) => n > 0).slice(0, 2)
  if (shown.length === 0) shown.push([0, 'minute'])
  return shown
    .map(([n, unit]) => {
      const word = locale === 'id' ? units.id[unit] : units.en[unit][n === 1 ? 0 : 1]
      return `${n} ${word}`
    })
    .join(' ')
}
