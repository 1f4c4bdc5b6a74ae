import { findWindow, windowPhase, type StageCalendar } from './election.ts'
import type { CheckStatus } from './requirement.ts'
import type { CheckEvent } from './research.ts'
import { formatInZone, type TimeZone } from './time.ts'

const awaitingFix: readonly CheckStatus[] = ['BMS', 'perbaikan']

/**
 * The step the system records on a document still BMS (or in perbaikan) once the perbaikan window has
 * closed: it becomes TMS, as the research of fixes would find it (UU 10/2016 Pasal 51 ayat (2) and
 * Pasal 52: a requirement not fixed in time is not met). Null while the window is open or when the
 * document does not wait for a fix.
 */
export function lapsedFix(
  status: CheckStatus,
  calendar: StageCalendar,
  zone: TimeZone,
  now: Date,
): CheckEvent | null {
  if (!awaitingFix.includes(status)) return null
  const window = findWindow(calendar, 'perbaikan', zone)
  if (!window || windowPhase(window, now) !== 'closed') return null
  return {
    from: status,
    to: 'TMS',
    kind: 'penelitian_perbaikan',
    reason: `Tidak diperbaiki sampai masa perbaikan berakhir ${formatInZone(window.lastMinute, zone)}.`,
    evidence: null,
    receivedAt: null,
    channel: null,
    correction: null,
    at: now,
    byUserId: null,
  }
}
