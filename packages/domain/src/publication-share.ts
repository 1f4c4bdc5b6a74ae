import { Channel } from './consultation.ts'
import type { Locale } from './labels.ts'
import type { PublicSummary } from './publication.ts'
import { formatMinutes } from './report-labels.ts'
import { scrubPersonalData } from './scrub.ts'
import { monthName } from './time.ts'

/** A run of office days, first and last inclusive, `YYYY-MM-DD`. */
export interface DayRange {
  from: string
  to: string
}

const DAY_MS = 86_400_000
const epoch = (day: string) => Date.parse(`${day}T00:00:00Z`)
const parts = (day: string) => day.split('-').map(Number) as [number, number, number]

/** A calendar day moved by whole days: `shiftDay('2026-12-31', 1)` is `'2027-01-01'`. */
export function shiftDay(day: string, days: number): string {
  return new Date(epoch(day) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The last `days` days up to and including `today`: what "7 days" or "30 days" mean on a public page. */
export function lastDays(today: string, days: number): DayRange {
  return { from: shiftDay(today, 1 - days), to: today }
}

/** Every day of a range, in order. */
export function daysIn(range: DayRange): string[] {
  const count = Math.round((epoch(range.to) - epoch(range.from)) / DAY_MS) + 1
  return Array.from({ length: Math.max(0, count) }, (_, i) => shiftDay(range.from, i))
}

/** The Monday-to-Sunday week a day falls in, as Indonesian calendars print weeks. */
export function weekOf(day: string): DayRange {
  const sinceMonday = (new Date(epoch(day)).getUTCDay() + 6) % 7
  const from = shiftDay(day, -sinceMonday)
  return { from, to: shiftDay(from, 6) }
}

/**
 * A range as a sentence writes it, naming a month or year once when both ends share it: "2–8 Desember
 * 2026", "30 November – 6 Desember 2026", "28 Desember 2026 – 3 Januari 2027", or one day "2 Desember 2026".
 */
export function formatDayRange(range: DayRange, locale: Locale = 'id'): string {
  const [fromYear, fromMonth, fromDay] = parts(range.from)
  const [toYear, toMonth, toDay] = parts(range.to)
  const last = `${toDay} ${monthName(toMonth, locale)} ${toYear}`
  if (range.from === range.to) return last
  if (fromYear !== toYear) return `${fromDay} ${monthName(fromMonth, locale)} ${fromYear} – ${last}`
  if (fromMonth !== toMonth) return `${fromDay} ${monthName(fromMonth, locale)} – ${last}`
  return `${fromDay}–${last}`
}

/** The non-zero counts of a tally, largest first; ties keep the enumeration's order. */
export function rankedCounts<K extends string>(
  counts: Partial<Record<K, number>>,
  order: readonly K[],
): [K, number][] {
  return order
    .map((key): [K, number] => [key, counts[key] ?? 0])
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
}

/** What a share post names of an office's period: the office, the days and its published figures only. */
export interface ShareInput {
  officeName: string
  period: DayRange
  summary: PublicSummary
}

const phrases = {
  id: {
    heading: (office: string) => `Helpdesk Pencalonan ${office}`,
    none: 'belum ada konsultasi',
    consultations: (n: number) => `${n} konsultasi`,
    mean: (duration: string) => `rata-rata dijawab dalam ${duration}`,
    unanswered: 'belum ada yang dijawab',
    referred: (n: number) => `${n} dirujuk ke jenjang di atasnya`,
    topics: 'Topik terbanyak',
  },
  en: {
    heading: (office: string) => `Nomination help desk of ${office}`,
    none: 'no consultations yet',
    consultations: (n: number) => `${n} ${n === 1 ? 'consultation' : 'consultations'}`,
    mean: (duration: string) => `first answer within ${duration} on average`,
    unanswered: 'none answered yet',
    referred: (n: number) => `${n} referred to the office above`,
    topics: 'Most asked about',
  },
} as const

/** How many topics a share post names. */
export const SHARE_TOP_TOPICS = 3

/**
 * The post an office puts on its website and social media for a day or a week, e.g. "Helpdesk Pencalonan
 * KPU Kabupaten Bantul, 2–8 Desember 2026: 42 konsultasi (tatap muka 20, telepon 12), rata-rata dijawab
 * dalam 15 menit. Topik terbanyak: Syarat calon (18)." Built from the anonymised summary alone, so it can
 * quote nothing a person wrote; it still leaves through the scrubber, like all text bound for the public.
 */
export function shareText(input: ShareInput, locale: Locale = 'id'): string {
  return scrubPersonalData(composeShareText(input, locale))
}

function composeShareText({ officeName, period, summary }: ShareInput, locale: Locale): string {
  const say = phrases[locale]
  const opening = `${say.heading(officeName)}, ${formatDayRange(period, locale)}: `
  if (summary.consultations === 0) return `${opening}${say.none}.`
  const channels = rankedCounts(summary.byChannel, Channel.values)
    .map(([channel, n]) => `${Channel.label(channel, locale).toLowerCase()} ${n}`)
    .join(', ')
  const mean = summary.firstResponse.meanMinutes
  const clauses = [
    `${say.consultations(summary.consultations)} (${channels})`,
    mean === null ? say.unanswered : say.mean(formatMinutes(mean, locale)),
    ...(summary.referred > 0 ? [say.referred(summary.referred)] : []),
  ]
  const name = (topic: string) => summary.topicLabels[topic]?.[locale] ?? topic
  // Equal counts read in the order of their names, whichever office's catalogue they come from.
  const byName = Object.keys(summary.byTopic).sort((a, b) => name(a).localeCompare(name(b), locale))
  const topics = rankedCounts(summary.byTopic, byName)
    .slice(0, SHARE_TOP_TOPICS)
    .map(([topic, n]) => `${name(topic)} (${n})`)
    .join(', ')
  return `${opening}${clauses.join(', ')}. ${say.topics}: ${topics}.`
}
