import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { applyMigrations, openDatabase, type Database } from '@mejabantu/db'
import type { TestTarget } from '@mejabantu/db/testing'
import type { AnyTRPCRouter } from '@trpc/server'
import { createExpressMiddleware } from '@trpc/server/adapters/express'
import express from 'express'
import { trpcRequestLimits } from '../../src/shared/body-limits.ts'
import { createContextFactory } from '../../src/shared/context.ts'
import { appRouter } from '../../src/root.ts'
import { ensureFirstRun } from '../../src/offices/first-run.ts'
import type { KioskLimits } from '../../src/kiosk/throttle.ts'
import type { SecretBox } from '../../src/messaging/secret-box.ts'
import type { AttachmentStorage } from '../../src/shared/storage/configured.ts'

export interface ServeOptions {
  /** The clock services read; a test moves it to place "now" inside or after a window. */
  clock?: () => Date
  /** The server's own per-minute kiosk allowance. */
  kioskLimits?: Partial<KioskLimits>
  /** Seals mailbox and gateway secrets, as MAIL_SECRET_KEY does for the server. */
  secrets?: SecretBox | null
  storage?: AttachmentStorage
}

export interface ServedApi {
  url: string
  close(): Promise<void>
}

/**
 * The router over real HTTP on an ephemeral 127.0.0.1 port, mounted the way apps/server mounts /trpc
 * (same proxy trust, request limits and context), which this package cannot import.
 */
export async function serveApi(
  db: Database,
  router: AnyTRPCRouter = appRouter,
  options: ServeOptions = {},
): Promise<ServedApi> {
  const app = express()
  app.set('trust proxy', 'loopback')
  const createContext = createContextFactory({ db, version: 'test', ...options })
  app.use(
    '/trpc',
    ...trpcRequestLimits(router),
    createExpressMiddleware({
      router,
      createContext: ({ req, res, info }) => createContext({ req, res, info }),
    }),
  )
  const http = app.listen(0, '127.0.0.1')
  await once(http, 'listening')
  const { port } = http.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve())
        http.closeAllConnections()
      }),
  }
}

export interface ApiFixture extends ServedApi {
  db: Database
  /** The first-run administrator and its one-time password. */
  admin: { username: string; password: string }
  /**
   * Another connection to the same database, as a second server process would have: a new pool on
   * PostgreSQL; on PGlite, which one process owns, the same database.
   */
  connectAgain(): Promise<Database>
}

/** A fresh, migrated, first-run-seeded database of the target, served over HTTP. */
export async function startApi(
  target: TestTarget,
  router?: AnyTRPCRouter,
  options: ServeOptions = {},
): Promise<ApiFixture> {
  const fresh = await target.create()
  const db = await openDatabase(fresh.options)
  await applyMigrations(db)
  const { admin } = await ensureFirstRun(db)
  const served = await serveApi(db, router, options)
  const others: Database[] = []
  return {
    ...served,
    db,
    admin: admin!,
    connectAgain: async () => {
      if (target.kind === 'pglite') return db
      const other = await openDatabase(fresh.options)
      others.push(other)
      return other
    },
    close: async () => {
      await served.close()
      for (const other of others) await other.close()
      await db.close()
      await fresh.dispose()
    },
  }
}
