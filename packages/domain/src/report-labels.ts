import { Channel, ConsultationStatus, StakeholderCategory } from './consultation.ts'
import type { Label, Locale } from './labels.ts'
import type { DurationRange, DurationSpread } from './report.ts'

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

/**
 * A range a quantile lies in, as a report prints it: "15–30 menit", "1–2 jam", "sampai 5 menit" from zero,
 * "30 hari atau lebih" beyond the largest bound; "—" for none.
 */
export function formatDurationRange(range: DurationRange | null, locale: Locale = 'id'): string {
  if (!range) return '—'
  const { fromMinutes: from, toMinutes: to } = range
  if (to === null)
    return locale === 'id'
      ? `${formatMinutes(from, locale)} atau lebih`
      : `${formatMinutes(from, locale)} or more`
  if (from === 0)
    return locale === 'id' ? `sampai ${formatMinutes(to, locale)}` : `up to ${formatMinutes(to, locale)}`
  // One unit for both ends when they share it: "15–30 menit", else each with its own: "45 menit–1 jam".
  const [a, b] = [formatMinutes(from, locale), formatMinutes(to, locale)]
  const unitOf = (text: string) => text.replace(/^[\d\s]+/, '').replace(/s$/, '')
  const sameUnit = !/\d.*\s\d/.test(a) && !/\d.*\s\d/.test(b) && unitOf(a) === unitOf(b)
  return sameUnit ? `${a.split(' ')[0]}–${b}` : `${a}–${b}`
}

/**
 * How long a report's durations took, in words a leader reads without statistics: "separuh dalam 15–30
 * menit, 9 dari 10 dalam 1–2 jam".
 */
export function spreadLine(spread: DurationSpread, locale: Locale = 'id'): string {
  if (!spread.half || !spread.nineInTen) return '—'
  const [half, most] = [
    formatDurationRange(spread.half, locale),
    formatDurationRange(spread.nineInTen, locale),
  ]
  return locale === 'id'
    ? `separuh dalam ${half}, 9 dari 10 dalam ${most}`
    : `half within ${half}, 9 in 10 within ${most}`
}

/** A share of a whole as a report prints it: "50,0%" in Indonesian, "50.0%" in English. */
export function formatShare(part: number, whole: number, locale: Locale = 'id'): string {
  const share = whole === 0 ? 0 : part / whole
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share)
}
