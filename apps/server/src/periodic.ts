import { closeLapsedFixes, runRetentionEverywhere } from '@mejabantu/api'
import type { Database } from '@mejabantu/db'
import type { Logger } from './logger.ts'

/**
 * Runs `task` once soon after start, then every `intervalMinutes`; 0 turns it off. A run never overlaps
 * the previous one, the timer never holds the process open, and `stop()` waits for a run in progress.
 * Several server processes may each run the same task, so tasks are idempotent.
 */
export function startPeriodic(intervalMinutes: number, task: () => Promise<void>, firstDelayMs = 5_000) {
  if (intervalMinutes === 0) return { stop: async () => {} }
  let running: Promise<void> | undefined
  const run = () => {
    running ??= task().finally(() => (running = undefined))
  }
  const first = setTimeout(run, firstDelayMs).unref()
  const every = setInterval(run, intervalMinutes * 60_000).unref()
  return {
    stop: async () => {
      clearTimeout(first)
      clearInterval(every)
      await running
    },
  }
}

/** Anonymises guest-book personal data past its retention period (UU PDP). */
export const retentionRun = (db: Database, log: Logger) => () =>
  runRetentionEverywhere(db, new Date())
    .then((results) => {
      const guests = results.reduce((n, r) => n + r.anonymised.guests, 0)
      if (guests > 0) log.info({ guests }, 'guest-book personal data anonymised')
    })
    .catch((err: unknown) => log.error({ err }, 'retention run failed'))

/** Makes documents still BMS when their perbaikan window has closed TMS, as the system's own step. */
export const fixWindowRun = (db: Database, log: Logger) => () =>
  closeLapsedFixes(db, new Date())
    .then((documents) => {
      if (documents > 0) log.info({ documents }, 'unfixed BMS documents found TMS at the end of perbaikan')
    })
    .catch((err: unknown) => log.error({ err }, 'perbaikan window run failed'))
