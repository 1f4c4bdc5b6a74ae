import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Database, Transaction } from '@mejabantu/db'
import type { OfficeLevel, Role, TimeZone } from '@mejabantu/domain'

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60_000
/** …and at the latest this long after sign-in (also the cookie's Max-Age). */
export const SESSION_MAX_MS = 12 * 60 * 60_000
// Sliding the expiry is a write; once a minute is precise enough and spares the database.
const TOUCH_INTERVAL_MS = 60_000

export const newSessionToken = () => randomBytes(32).toString('base64url')
/** What the database keeps instead of the token. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex')
/** The session's CSRF token: derived from the cookie token, so it is bound to it and stored nowhere. */
export const csrfTokenOf = (token: string) =>
  createHmac('sha256', token).update('mejabantu:csrf').digest('base64url')

export function csrfTokenMatches(token: string, presented: string | undefined): boolean {
  const expected = Buffer.from(csrfTokenOf(token))
  const given = Buffer.from(presented ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export function slidExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS))
}

/** The user as a session carries it: enough for access checks and for `auth.me`. */
export interface SessionUser {
  id: string
  username: string
  displayName: string
  role: Role
  mustChangePassword: boolean
  office: { id: string; name: string; level: OfficeLevel; regionCode: string; timeZone: TimeZone }
}

export const sessionUserSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  mustChangePassword: true,
  office: { select: { id: true, name: true, level: true, regionCode: true, timeZone: true } },
} as const

export interface ActiveSession {
  id: string
  token: string
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
  /** The desk picked for this sign-in ("Meja 2"), or null before one is picked. */
  desk?: string | null
  user: SessionUser
}

export async function createSession(
  tx: Transaction,
  user: SessionUser,
  client: { ip: string | null; userAgent: string | null },
  now: Date,
): Promise<ActiveSession> {
  const token = newSessionToken()
  const session = await tx.session.create({
    data: {
      id: sessionIdOf(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: slidExpiry(now, now),
      ip: client.ip,
      userAgent: client.userAgent,
    },
  })
  return { ...session, token, user }
}

/** The live session a cookie token names, or null when there is none or it has expired. Reads only. */
export async function findSession(db: Database, token: string, now: Date): Promise<ActiveSession | null> {
  const row = await db.prisma.session.findUnique({
    where: { id: sessionIdOf(token) },
    include: { user: { select: sessionUserSelect } },
  })
  if (!row || row.expiresAt <= now) return null
  return { ...row, token }
}

/** Slides the idle expiry forward (never past the absolute limit), at most once a minute. */
export async function touchSession(db: Database, session: ActiveSession, now: Date): Promise<ActiveSession> {
  if (now.getTime() - session.lastSeenAt.getTime() < TOUCH_INTERVAL_MS) return session
  const expiresAt = slidExpiry(session.createdAt, now)
  // Guarded by expiresAt so a session revoked or expired meanwhile is not brought back.
  await db.prisma.session.updateMany({
    where: { id: session.id, expiresAt: { gt: now } },
    data: { lastSeenAt: now, expiresAt },
  })
  return { ...session, lastSeenAt: now, expiresAt }
}

/** Ends every session of the user except `keepId`; returns how many ended. */
export async function revokeOtherSessions(tx: Transaction, userId: string, keepId: string): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId, id: { not: keepId } } })
  return count
}
