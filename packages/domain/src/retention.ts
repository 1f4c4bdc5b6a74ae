import { findWindow, type Stage, type StageCalendar } from './election.ts'
import type { TimeZone } from './time.ts'

/**
 * The stages of the tahapan pencalonan (PKPU 2/2024): from independent candidates' support through the
 * drawing of ballot numbers. Campaigning, voting and counting come after it and keep no guest book.
 */
export const NOMINATION_STAGES: readonly Stage[] = [
  'dukungan_perseorangan',
  'pengumuman_pendaftaran',
  'pendaftaran',
  'penelitian_persyaratan',
  'pemberitahuan_hasil',
  'perbaikan',
  'penelitian_perbaikan',
  'penetapan',
  'pengundian_nomor_urut',
]

/** When an election's nomination stage ends: the latest close among its windows; null if none is set. */
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

/** What stands in for a name once a guest is anonymised; category, office and dates are kept for counts. */
export const ANONYMISED_NAME = 'Anonim'
