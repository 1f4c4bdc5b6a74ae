import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import {
  attachmentStorage,
  backfillDailySummaries,
  ensureFirstRun,
  secretBox,
  type FirstRunResult,
} from '@mejabantu/api'
import { applyMigrations, openDatabase, type Database } from '@mejabantu/db'
import { createApp } from './app.ts'
import { autoCheckOutRun, fixWindowRun, messagingRun, retentionRun, startPeriodic } from './periodic.ts'
import type { Config } from './config.ts'
import type { Logger } from './logger.ts'
import { builtApps, type StaticApp } from './static-apps.ts'
import { version } from './version.ts'

const KEEP_ALIVE_MS = 65_000

export interface RunningServer {
  url: string
  db: Database
  firstRun: FirstRunResult
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>
}

/** Opens the database, applies pending migrations, seeds a fresh install and starts listening. */
export async function startServer(
  config: Config,
  log: Logger,
  apps: StaticApp[] = builtApps(),
): Promise<RunningServer> {
  const db = await openDatabase(config.database)
  try {
    const applied = await applyMigrations(db)
    if (applied.length) log.info({ applied }, 'migrations applied')
    const firstRun = await ensureFirstRun(db, { topOffice: config.topOffice })
    const backfilled = await backfillDailySummaries(db)
    if (backfilled) log.info(backfilled, 'daily report summaries rebuilt')
    const storage = attachmentStorage()
    const secrets = config.mailSecretKey ? secretBox(config.mailSecretKey) : null
    const http = createApp({
      db,
      log,
      version,
      apps,
      kioskLimits: config.kioskLimits,
      storage,
      secrets,
      publicUrl: config.publicUrl,
    }).listen(config.port, config.host)
    // Idle keep-alive connections outlive any client's or proxy's own idle timeout, so the server never
    // closes one just as a request is sent on it (the client would see a reset, not an answer).
    http.keepAliveTimeout = KEEP_ALIVE_MS
    http.headersTimeout = KEEP_ALIVE_MS + 1_000
    await once(http, 'listening')
    const timers = [
      startPeriodic(config.retentionIntervalMinutes, retentionRun(db, log)),
      startPeriodic(config.fixWindowIntervalMinutes, fixWindowRun(db, log)),
      startPeriodic(config.messagingIntervalMinutes, messagingRun({ db, storage, secrets }, log)),
      startPeriodic(config.autoCheckOutIntervalMinutes, autoCheckOutRun(db, log)),
    ]
    const { port } = http.address() as AddressInfo
    let closing: Promise<void> | undefined
    const close = () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => http.close(() => resolve()))
        http.closeIdleConnections()
        const timer = setTimeout(() => http.closeAllConnections(), config.shutdownTimeoutMs)
        await closed
        clearTimeout(timer)
        await Promise.all(timers.map((timer) => timer.stop()))
        await db.close()
      })())
    return { url: `http://${config.host}:${port}`, db, firstRun, close }
  } catch (error) {
    await db.close()
    throw error
  }
}
