import type { Database } from '@mejabantu/db'
import { can, Permission } from '@mejabantu/domain'
import { ensure } from '../shared/errors.ts'
import type { SessionView } from '@mejabantu/domain'
import { writeAudit } from '../shared/audit-writer.ts'
import { authViolations } from './violations.ts'
import { rateLimitKeys, recordLoginSuccess } from './login-throttle.ts'
import { checkPasswordAttempt } from './password-attempt.ts'
import { checkNewPassword } from '@mejabantu/domain'
import { hashPassword, verifyAgainstNobody, verifyPassword } from './passwords.ts'
import {
  createSession,
  csrfTokenOf,
  revokeOtherSessions,
  sessionIdOf,
  sessionUserSelect,
  type ActiveSession,
} from './sessions.ts'

export interface Client {
  ip: string | null
  userAgent: string | null
}

/**
 * Signs in with a username and password and opens a session. Unknown usernames and wrong passwords
 * fail alike, in message and in time; both count towards the per-username and per-address limits.
 * `previousToken`, the session cookie the browser still had, is ended.
 */
export async function login(
  db: Database,
  input: { username: string; password: string },
  client: Client,
  previousToken: string | null,
  now = new Date(),
): Promise<ActiveSession> {
  const user = await db.prisma.user.findUnique({
    where: { username: input.username },
    select: { ...sessionUserSelect, passwordHash: true, deactivatedAt: true },
  })
  // A deactivated account fails exactly like a wrong password: the refusal tells nothing about it.
  const usable = user && !user.deactivatedAt ? user : null
  const keys = rateLimitKeys(client.ip, input.username)
  await checkPasswordAttempt(db, {
    keys,
    action: 'auth.login',
    actorId: null,
    target: user ? { type: 'User', id: user.id } : { type: 'Username', id: input.username },
    username: input.username,
    ip: client.ip,
    now,
    verify: () =>
      usable ? verifyPassword(usable.passwordHash, input.password) : verifyAgainstNobody(input.password),
    wrong: { code: 'UNAUTHORIZED', violation: authViolations.invalidCredentials() },
  })
  // checkPasswordAttempt returns only for a right password, which an unknown username never has.
  const { passwordHash: _hash, deactivatedAt: _deactivated, ...sessionUser } = usable!

  return db.prisma.$transaction(async (tx) => {
    await recordLoginSuccess(tx, keys)
    if (previousToken) await tx.session.deleteMany({ where: { id: sessionIdOf(previousToken) } })
    // Expired sessions are only dead rows; sign-ins are frequent enough to sweep them.
    await tx.session.deleteMany({ where: { expiresAt: { lte: now } } })
    const session = await createSession(tx, sessionUser, client, now)
    await writeAudit(tx, {
      actorId: sessionUser.id,
      action: 'auth.login',
      targetType: 'User',
      targetId: sessionUser.id,
      after: { expiresAt: session.expiresAt.toISOString(), userAgent: client.userAgent },
      ip: client.ip,
    })
    return session
  })
}

/** Ends the session; its cookie no longer opens anything, even if a copy survives somewhere. */
export async function logout(db: Database, session: ActiveSession, client: Client): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: session.id } })
    await writeAudit(tx, {
      actorId: session.user.id,
      action: 'auth.logout',
      targetType: 'User',
      targetId: session.user.id,
      ip: client.ip,
    })
  })
}

/**
 * Replaces the password after checking the current one (under the sign-in limits: a stolen session must
 * not become a way to guess it), clears `mustChangePassword`, and ends every other session of the user.
 */
export async function changePassword(
  db: Database,
  session: ActiveSession,
  input: { currentPassword: string; newPassword: string },
  client: Client,
  now = new Date(),
): Promise<ActiveSession> {
  const { user } = session
  const newPassword = ensure(checkNewPassword({ username: user.username, ...input }))
  const { passwordHash } = await db.prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { passwordHash: true },
  })
  const keys = rateLimitKeys(client.ip, user.username)
  await checkPasswordAttempt(db, {
    keys,
    action: 'auth.password_change',
    actorId: user.id,
    target: { type: 'User', id: user.id },
    username: user.username,
    ip: client.ip,
    now,
    verify: () => verifyPassword(passwordHash, input.currentPassword),
    wrong: { code: 'BAD_REQUEST', violation: authViolations.currentPasswordWrong() },
  })
  const newHash = await hashPassword(newPassword)

  return db.prisma.$transaction(async (tx) => {
    await recordLoginSuccess(tx, keys)
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: newHash, mustChangePassword: false },
    })
    const revoked = await revokeOtherSessions(tx, user.id, session.id)
    await writeAudit(tx, {
      actorId: user.id,
      action: 'auth.password_change',
      targetType: 'User',
      targetId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false, otherSessionsEnded: revoked },
      ip: client.ip,
    })
    return { ...session, user: { ...user, mustChangePassword: false } }
  })
}

/** What `auth.me` (and sign-in, and a password change) tell the browser about its session. */
export function describeSession(session: ActiveSession): SessionView {
  const { user } = session
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName },
    office: user.office,
    role: user.role,
    permissions: Permission.values.filter((permission) => can(user.role, permission)),
    mustChangePassword: user.mustChangePassword,
    csrfToken: csrfTokenOf(session.token),
    expiresAt: session.expiresAt.toISOString(),
  }
}
