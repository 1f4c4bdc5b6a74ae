import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Database } from '@mejabantu/db'
import { sessionCookieJar, type SessionCookieJar } from '../auth/session-cookie.ts'
import { DEFAULT_KIOSK_LIMITS, type KioskLimits } from '../kiosk/throttle.ts'
import type { SecretBox } from '../messaging/secret-box.ts'
import { attachmentStorage, type AttachmentStorage } from './storage/configured.ts'

/** Everything a procedure may use; built once per request by the HTTP adapter. */
export interface Context {
  db: Database
  version: string
  /** The client's address (behind a trusted proxy, the forwarded one). */
  ip: string | null
  userAgent: string | null
  request: {
    /** `scheme://host[:port]` the browser addressed; mutations from any other Origin are refused. */
    origin: string
    header(name: string): string | undefined
    /**
     * What an SSE subscription sent as tRPC `connectionParams` (EventSource cannot set headers, so a
     * display's token comes this way); null for every other call.
     */
    connectionParams: Record<string, string | undefined> | null
  }
  sessionCookie: SessionCookieJar
  /** The time services judge deadlines and record steps by. */
  clock: () => Date
  /** Where attachment bytes live. */
  storage: AttachmentStorage
  /** What every kiosk may do per minute. */
  kioskLimits: KioskLimits
  /** Seals the secrets of mailboxes and gateways; null when MAIL_SECRET_KEY is not set. */
  secrets: SecretBox | null
  /** Where askers reach the server (PUBLIC_URL), for links in messages; null: links stay paths. */
  publicUrl: string | null
}

export interface ContextDeps {
  db: Database
  version: string
  /** Defaults to the system clock; tests set it to place "now" inside or after a window. */
  clock?: () => Date
  /** Defaults to the storage the environment configures (disk, or S3 when `S3_BUCKET` is set). */
  storage?: AttachmentStorage
  /** Per-minute allowance of every kiosk; DEFAULT_KIOSK_LIMITS for what is not set. */
  kioskLimits?: Partial<KioskLimits>
  /** From MAIL_SECRET_KEY; without it no mailbox or gateway secret can be stored. */
  secrets?: SecretBox | null
  /** From PUBLIC_URL; without it a message's link is the path alone. */
  publicUrl?: string | null
}

const systemClock = () => new Date()

/**
 * The request as Express sees it once `trust proxy` is set: `ip`, `secure`, `protocol` and `host` already
 * account for a trusted reverse proxy. Typed structurally so this package needs no Express.
 */
export interface HttpRequest extends IncomingMessage {
  ip?: string | undefined
  secure: boolean
  protocol: string
  host: string | undefined
}

export function createContextFactory(deps: ContextDeps) {
  const storage = deps.storage ?? attachmentStorage()
  const kioskLimits: KioskLimits = { ...DEFAULT_KIOSK_LIMITS, ...deps.kioskLimits }
  return ({
    req,
    res,
    info,
  }: {
    req: HttpRequest
    res: ServerResponse
    info?: { connectionParams: Record<string, string | undefined> | null }
  }): Context => ({
    ...deps,
    clock: deps.clock ?? systemClock,
    storage,
    kioskLimits,
    secrets: deps.secrets ?? null,
    publicUrl: deps.publicUrl ?? null,
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent']?.slice(0, 512) ?? null,
    request: {
      origin: `${req.protocol}://${req.host ?? ''}`,
      header: (name) => {
        const value = req.headers[name.toLowerCase()]
        return Array.isArray(value) ? value[0] : value
      },
      connectionParams: info?.connectionParams ?? null,
    },
    sessionCookie: sessionCookieJar(req, res, req.secure),
  })
}
