import {
  autoCheckOut,
  closeLapsedFixes,
  deliverDueMessages,
  messagingNotifiers,
  pollAllMailboxes,
  queueDueReminders,
  runRetentionEverywhere,
  type AttachmentStorage,
  type SecretBox,
} from '@mejabantu/api'
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

/** Checks out, as `otomatis`, the visitors of earlier service days nobody checked out at the desk. */
export const autoCheckOutRun = (db: Database, log: Logger) => () =>
  autoCheckOut(db, new Date())
    .then((days) => {
      for (const day of days) log.info(day, 'visitors checked out automatically at the end of the day')
    })
    .catch((err: unknown) => log.error({ err }, 'automatic check-out failed'))

/** Makes documents still BMS when their perbaikan window has closed TMS, as the system's own step. */
export const fixWindowRun = (db: Database, log: Logger) => () =>
  closeLapsedFixes(db, new Date())
    .then((documents) => {
      if (documents > 0) log.info({ documents }, 'unfixed BMS documents found TMS at the end of perbaikan')
    })
    .catch((err: unknown) => log.error({ err }, 'perbaikan window run failed'))

/**
 * Takes new mail in from every connected mailbox, queues the perbaikan reminders now due and delivers
 * what the outbox holds. Each step's failure is logged and leaves the others to run.
 */
export const messagingRun =
  (deps: { db: Database; storage: AttachmentStorage; secrets: SecretBox | null }, log: Logger) =>
  async () => {
    const { db, storage, secrets } = deps
    const now = new Date()
    if (secrets) {
      await pollAllMailboxes({ db, storage, secrets }, now)
        .then((results) => {
          for (const r of results) {
            if (r.error) log.warn({ officeId: r.officeId, error: r.error }, 'mailbox poll failed')
            else if (r.taken.sheet + r.taken.reply > 0)
              log.info({ officeId: r.officeId, ...r.taken }, 'mail taken in')
          }
        })
        .catch((err: unknown) => log.error({ err }, 'mailbox poll failed'))
    }
    await queueDueReminders(db, now)
      .then((queued) => queued > 0 && log.info({ queued }, 'perbaikan reminders queued'))
      .catch((err: unknown) => log.error({ err }, 'reminder run failed'))
    await deliverDueMessages({ db, secrets, notifiers: messagingNotifiers(db) }, now)
      .then(({ sent, failed }) => (sent || failed) && log.info({ sent, failed }, 'outbox delivered'))
      .catch((err: unknown) => log.error({ err }, 'outbox delivery failed'))
  }
