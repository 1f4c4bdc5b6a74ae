import {
  appRouter,
  createContextFactory,
  readHealth,
  trpcRequestLimits,
  type AttachmentStorage,
  type KioskLimits,
  type SecretBox,
} from '@mejabantu/api'
import type { Database } from '@mejabantu/db'
import { createExpressMiddleware } from '@trpc/server/adapters/express'
import express, { type ErrorRequestHandler } from 'express'
import { pinoHttp } from 'pino-http'
import type { Logger } from './logger.ts'
import { securityHeaders } from './security.ts'
import { staticAppRouter, type StaticApp } from './static-apps.ts'

export interface AppDeps {
  db: Database
  log: Logger
  version: string
  apps: StaticApp[]
  /** Per-minute allowance of every kiosk, where the server sets its own. */
  kioskLimits?: Partial<KioskLimits>
  /** Where attachments and mails taken in are stored; the environment's by default. */
  storage?: AttachmentStorage
  /** Seals mailbox and gateway secrets; null without MAIL_SECRET_KEY. */
  secrets?: SecretBox | null
  /** Where askers reach the server (PUBLIC_URL): closing messages link to it in full. */
  publicUrl?: string | null
}

/** The console's public rating page (apps/console pages/publik/nilai/[token].vue) under its mount. */
const RATING_PAGE = '/console/publik/nilai/'

/** The HTTP surface: /health, /trpc, and the two browser apps. No state outside the database. */
export function createApp({ db, log, version, apps, kioskLimits, storage, secrets, publicUrl }: AppDeps) {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(securityHeaders())
  app.use(
    pinoHttp({
      logger: log,
      autoLogging: { ignore: (req) => req.url === '/health' },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      // Method, path and status follow a request; headers carry cookies and query strings personal data.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  )

  app.get('/health', async (_req, res) => {
    const health = await readHealth(db, version)
    res.status(health.status === 'ok' ? 200 : 503).json(health)
  })

  const createContext = createContextFactory({
    db,
    version,
    kioskLimits,
    ...(storage && { storage }),
    secrets: secrets ?? null,
    publicUrl: publicUrl ?? null,
  })
  app.use(
    '/trpc',
    ...trpcRequestLimits(appRouter),
    createExpressMiddleware({
      router: appRouter,
      // req/res go in whole: the context reads the session cookie from one and sets it on the other.
      // info carries an SSE subscription's connectionParams (the display's device token).
      createContext: ({ req, res, info }) => createContext({ req, res, info }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error, path }, 'procedure failed')
      },
    }),
  )

  // The closing message's link is short and stays valid whatever the console's routes become.
  app.get('/nilai/:token', (req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .redirect(302, `${RATING_PAGE}${encodeURIComponent(req.params.token)}`)
  })
  for (const spa of apps) app.use(spa.mount, staticAppRouter(spa))
  app.get('/', (_req, res) => res.redirect(302, '/console/'))

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found' } })
  })
  const onError: ErrorRequestHandler = (err: { status?: number; type?: string }, req, res, _next) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500
    if (status === 500) req.log.error({ err }, 'request failed')
    res.status(status).json({ error: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } })
  }
  app.use(onError)
  return app
}
