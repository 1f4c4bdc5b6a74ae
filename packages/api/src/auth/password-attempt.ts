import type { Database } from '@mejabantu/db'
import type { RuleViolation } from '@mejabantu/domain'
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server'
import { refuse } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { authViolations } from './violations.ts'
import { admitLoginAttempt, recordLoginFailure, type ThrottleKey } from './login-throttle.ts'

export interface PasswordAttempt {
  keys: ThrottleKey[]
  /** Audit action stem: `<action>.refused` while locked, `<action>.failed` for a wrong password. */
  action: string
  actorId: string | null
  target: { type: string; id: string }
  /** The account name typed, for the audit (absent where no account is named, as in kiosk pairing). */
  username?: string
  ip: string | null
  now: Date
  /** The argon2id check; runs outside any transaction, since it takes a noticeable moment. */
  verify: () => Promise<boolean>
  wrong: { code: TRPC_ERROR_CODE_KEY; violation: RuleViolation }
  /** The refusal while locked; a sign-in's by default. */
  locked?: (retryAt: Date, now: Date) => RuleViolation
}

/**
 * Checks a password under the sign-in limits: refuses while locked, otherwise counts the attempt before
 * checking (so parallel guesses cannot exceed the limit) and records a wrong one. Both outcomes are
 * audited in the transaction that updates the counters. Returns only when the password is right; the
 * caller resets the counters (`recordLoginSuccess`) in the transaction of its own change.
 */
export async function checkPasswordAttempt(db: Database, attempt: PasswordAttempt): Promise<void> {
  const { keys, now } = attempt
  const locked = attempt.locked ?? authViolations.locked
  const audit = (outcome: 'refused' | 'failed', lockedUntil: Date | null) => ({
    actorId: attempt.actorId,
    action: `${attempt.action}.${outcome}`,
    targetType: attempt.target.type,
    targetId: attempt.target.id,
    after: {
      ...(attempt.username !== undefined && { username: attempt.username }),
      lockedUntil: lockedUntil?.toISOString() ?? null,
    },
    ip: attempt.ip,
  })

  const lockedBefore = await db.prisma.$transaction(async (tx) => {
    const { lockedUntil } = await admitLoginAttempt(tx, keys, now)
    if (lockedUntil) await writeAudit(tx, audit('refused', lockedUntil))
    return lockedUntil
  })
  if (lockedBefore) refuse('TOO_MANY_REQUESTS', locked(lockedBefore, now))

  if (await attempt.verify()) return

  const lockedNow = await db.prisma.$transaction(async (tx) => {
    const { lockedUntil } = await recordLoginFailure(tx, keys, now)
    await writeAudit(tx, audit('failed', lockedUntil))
    return lockedUntil
  })
  if (lockedNow) refuse('TOO_MANY_REQUESTS', locked(lockedNow, now))
  refuse(attempt.wrong.code, attempt.wrong.violation)
}
