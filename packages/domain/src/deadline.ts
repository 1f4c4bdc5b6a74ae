import { findWindow, type Stage, type StageCalendar, type ZonedWindow, windowPhase } from './election.ts'
import type { CheckStatus } from './requirement.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import { formatInZone, minutesBetween, type TimeZone } from './time.ts'

/** Who must act next on a document: the pair (through its LO) or the office's researchers. */
export type DueBy = 'pasangan' | 'kpu'

// The stage whose end bounds the next step of a check in each status. MS and TMS are final.
const nextStep: Partial<Record<CheckStatus, { stage: Stage; by: DueBy }>> = {
  belum_diserahkan: { stage: 'pendaftaran', by: 'pasangan' },
  diserahkan: { stage: 'pemberitahuan_hasil', by: 'kpu' },
  BMS: { stage: 'perbaikan', by: 'pasangan' },
  perbaikan: { stage: 'perbaikan', by: 'pasangan' },
  diserahkan_perbaikan: { stage: 'penelitian_perbaikan', by: 'kpu' },
  dikembalikan: { stage: 'pendaftaran', by: 'pasangan' },
}

/** What is due on a document, by when, and how much time is left at `now`. */
export interface Due {
  stage: Stage
  by: DueBy
  window: ZonedWindow
  /** Whole minutes until the window closes; 0 once it has. */
  minutesLeft: number
  overdue: boolean
}

/**
 * The next deadline of a check in its current status, or null when the status is final (MS, TMS) or the
 * calendar lacks the stage.
 */
export function dueFor(status: CheckStatus, calendar: StageCalendar, zone: TimeZone, now: Date): Due | null {
  const step = nextStep[status]
  const window = step && findWindow(calendar, step.stage, zone)
  if (!step || !window) return null
  const overdue = windowPhase(window, now) === 'closed'
  return {
    ...step,
    window,
    minutesLeft: overdue ? 0 : Math.max(0, minutesBetween(now, window.closesAt)),
    overdue,
  }
}

/**
 * Whether a fixing submission (perbaikan) may be recorded at `now`: only inside the perbaikan window, whose
 * last minute is written as the office states it, e.g. "8 September 2024 pukul 23.59 WIB".
 */
export function checkFixWindow(calendar: StageCalendar, zone: TimeZone, now: Date): RuleResult<true> {
  const window = findWindow(calendar, 'perbaikan', zone)
  if (!window) {
    return deny({
      rule: 'deadline.perbaikan.missing',
      params: {},
      message: {
        id: 'Jadwal perbaikan belum ditetapkan pada kalender tahapan.',
        en: 'The stage calendar has no perbaikan window yet.',
      },
    })
  }
  const phase = windowPhase(window, now)
  if (phase === 'open') return allow(true)
  const opens = { id: formatInZone(window.opensAt, zone), en: formatInZone(window.opensAt, zone, 'en') }
  const last = { id: formatInZone(window.lastMinute, zone), en: formatInZone(window.lastMinute, zone, 'en') }
  return phase === 'upcoming'
    ? deny({
        rule: 'deadline.perbaikan.notOpen',
        params: { opensAt: window.opensAt.toISOString() },
        message: {
          id: `Masa perbaikan belum dibuka; dibuka ${opens.id}.`,
          en: `The perbaikan window is not open yet; it opens ${opens.en}.`,
        },
      })
    : deny({
        rule: 'deadline.perbaikan.closed',
        params: { closedAt: window.closesAt.toISOString() },
        message: {
          id: `Masa perbaikan telah berakhir ${last.id}.`,
          en: `The perbaikan window closed at the end of ${last.en}.`,
        },
      })
}
