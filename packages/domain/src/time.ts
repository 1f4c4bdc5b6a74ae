import { z } from 'zod'
import { labelledEnum } from './labels.ts'

/**
 * Indonesia's three time zones. None observes daylight saving, so a fixed offset is exact and no time
 * zone database is needed.
 */
export const TimeZone = labelledEnum({
  WIB: { id: 'WIB (Waktu Indonesia Barat)', en: 'WIB (Western Indonesia Time, UTC+7)' },
  WITA: { id: 'WITA (Waktu Indonesia Tengah)', en: 'WITA (Central Indonesia Time, UTC+8)' },
  WIT: { id: 'WIT (Waktu Indonesia Timur)', en: 'WIT (Eastern Indonesia Time, UTC+9)' },
})
/** One of WIB, WITA, WIT. */
export type TimeZone = z.infer<typeof TimeZone.schema>

/** Hours ahead of UTC. */
export const UTC_OFFSET_HOURS: Readonly<Record<TimeZone, number>> = { WIB: 7, WITA: 8, WIT: 9 }

/** The IANA name of each zone, for browsers and PostgreSQL `AT TIME ZONE`. */
export const IANA_ZONE: Readonly<Record<TimeZone, string>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
}

const HOUR_MS = 3_600_000
/** One minute in milliseconds. */
export const MINUTE_MS = 60_000

/** A calendar date, `YYYY-MM-DD`. */
export const LocalDateSchema = z.iso.date()
/** A wall-clock time in an office's zone, `YYYY-MM-DDTHH:mm`. */
export const LocalDateTimeSchema = z.iso.datetime({ local: true, precision: -1 })
/** A wall-clock date and time as written in the calendar, without zone. */
export type LocalDateTime = z.infer<typeof LocalDateTimeSchema>
/** A wall-clock time of day, `HH:mm`, e.g. the 08:00 at which a registration desk opens. */
export const LocalTimeSchema = z.iso.time({ precision: -1 })

/** The instant a wall-clock time in a zone denotes: "2024-09-08T23:59" WIB is 16:59 UTC. */
export function instantAt(local: LocalDateTime, zone: TimeZone): Date {
  const [date, time = '00:00'] = local.split('T') as [string, string?]
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number]
  const [h, mi] = time.split(':').map(Number) as [number, number]
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - UTC_OFFSET_HOURS[zone] * HOUR_MS)
}

/** The wall-clock date and time of an instant in a zone, `YYYY-MM-DDTHH:mm`. */
export function localDateTime(instant: Date, zone: TimeZone): LocalDateTime {
  return new Date(instant.getTime() + UTC_OFFSET_HOURS[zone] * HOUR_MS).toISOString().slice(0, 16)
}

/** The office's calendar day of an instant: what "today" means for the guest book and the queue. */
export function localDay(instant: Date, zone: TimeZone): string {
  return localDateTime(instant, zone).slice(0, 10)
}

const monthsId = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
]
const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** The name of a month (1–12) as KPU writes it: "Desember" (id), "December" (en). */
export function monthName(month: number, locale: 'id' | 'en' = 'id'): string {
  return (locale === 'id' ? monthsId : monthsEn)[month - 1]!
}

/** Which part of an instant `formatInZone` writes. */
export type ZonedPart = 'datetime' | 'date' | 'time'

/**
 * An instant as KPU writes it: "8 September 2024 pukul 23.59 WIB" (id) or "8 September 2024, 23:59 WIB"
 * (en), always in the office's zone, whatever the reader's device says; or only its date ("8 September
 * 2024") or its time ("23.59 WIB", "23:59 WIB").
 */
export function formatInZone(
  instant: Date,
  zone: TimeZone,
  locale: 'id' | 'en' = 'id',
  part: ZonedPart = 'datetime',
): string {
  const local = localDateTime(instant, zone)
  const [y, m, d] = local.slice(0, 10).split('-').map(Number) as [number, number, number]
  const [hh, mm] = local.slice(11).split(':') as [string, string]
  const date = `${d} ${(locale === 'id' ? monthsId : monthsEn)[m - 1]} ${y}`
  const time = `${hh}${locale === 'id' ? '.' : ':'}${mm} ${zone}`
  if (part !== 'datetime') return part === 'date' ? date : time
  return locale === 'id' ? `${date} pukul ${time}` : `${date}, ${time}`
}

/** Whole minutes between two instants, rounded down; negative when `to` is earlier. */
export function minutesBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / MINUTE_MS)
}
