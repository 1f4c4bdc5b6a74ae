import { runRetentionEverywhere } from '@mejabantu/api'
import type { Database } from '@mejabantu/db'
import type { Logger } from './logger.ts'

/**
 * Anonymises guest-book personal data past its retention period once soon after start, then every
 * `intervalMinutes`; 0 turns it off. Several server processes may each run it: the run is idempotent.
 * The timer never holds the process open, and `stop()` waits for a run in progress.
 */
export function startRetentionTimer(db: Database, log: Logger, intervalMinutes: number) {
  if (intervalMinutes === 0) return { stop: async () => {} }
  let running: Promise<void> | undefined
  const run = () => {
    running ??= runRetentionEverywhere(db, new Date())
      .then((results) => {
        const guests = results.reduce((n, r) => n + r.anonymised.guests, 0)
        if (guests > 0) log.info({ guests }, 'guest-book personal data anonymised')
      })
      .catch((err: unknown) => log.error({ err }, 'retention run failed'))
      .finally(() => (running = undefined))
  }
  const first = setTimeout(run, 5_000).unref()
  const every = setInterval(run, intervalMinutes * 60_000).unref()
  return {
    stop: async () => {
      clearTimeout(first)
      clearInterval(every)
      await running
    },
  }
}
