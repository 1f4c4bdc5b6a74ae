import { findWindow, type Stage, type StageCalendar } from './election.ts'
import type { TimeZone } from './time.ts'

/**
 * The stages of the tahapan pencalonan (PKPU 2/2024): from independent candidates' support through the
 * drawing of ballot numbers. Campaigning, voting and counting come after it and bring no guests to the
 * nomination help desk.
 */
export const NOMINATION_STAGES: readonly Stage[] = [
  'dukungan_perseorangan',
  'pengumuman_pendaftaran',
  'pendaftaran',
  'perpanjangan_pendaftaran',
  'penelitian_persyaratan',
  'pemberitahuan_hasil',
  'perbaikan',
  'penelitian_perbaikan',
  'pengajuan_pengganti',
  'penetapan',
  'pengundian_nomor_urut',
]

/**
 * When an election's nomination stage ends: the latest close among its nomination windows, whatever their
 * order in the calendar. Under PKPU 2/2024 that is the ballot-number draw the day after penetapan; an
 * office whose calendar has no draw ends with penetapan (or whichever nomination window closes last).
 * Null when the calendar has no nomination window.
 */
export function nominationStageEnd(calendar: StageCalendar, zone: TimeZone): Date | null {
  const closes = NOMINATION_STAGES.flatMap((stage) => findWindow(calendar, stage, zone)?.closesAt ?? [])
  return closes.length ? new Date(Math.max(...closes.map((d) => d.getTime()))) : null
}

const DAY_MS = 24 * 60 * 60_000

/**
 * The instant before which an office's guest-book personal data must be anonymised (UU PDP): the end of
 * the latest nomination stage whose retention period (`retentionDays` after it ended) is over at `now`.
 * A guest last seen before it came for a nomination stage that is long finished; a guest seen since may
 * be back for the next one and is kept until that one's period ends. Null while no period is over.
 */
export function retentionCutoff(
  calendars: readonly StageCalendar[],
  zone: TimeZone,
  retentionDays: number,
  now: Date,
): Date | null {
  const ended = calendars
    .map((calendar) => nominationStageEnd(calendar, zone))
    .filter((end): end is Date => end !== null && end.getTime() + retentionDays * DAY_MS <= now.getTime())
  return ended.length ? new Date(Math.max(...ended.map((d) => d.getTime()))) : null
}

/**
 * How many days after the nomination stage a guest's personal data may be kept: the office's period, or
 * less when a consent text the guest accepted promised less ("disimpan paling lama N hari"), so the
 * guest book never outlives what a visitor agreed to.
 */
export function retentionDaysFor(
  officeRetentionDays: number,
  acceptedConsentRetentionDays: readonly number[],
): number {
  return Math.min(officeRetentionDays, ...acceptedConsentRetentionDays)
}
