import { randomUUID } from 'node:crypto'
import type { Transaction } from '@mejabantu/db'

export interface ThrottlePolicy {
  /** Failed attempts allowed per window; the last one of them locks. */
  limit: number
  windowMs: number
  lockoutMs: number
}

const MINUTE = 60_000
/** Per username: a person mistyping a few times is fine, guessing is not. */
export const usernamePolicy: ThrottlePolicy = { limit: 5, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE }
/** Per client address: higher, since a whole office may share one address. */
export const ipPolicy: ThrottlePolicy = { limit: 20, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE }

export interface ThrottleState {
  failures: number
  windowStartedAt: Date
  lockedUntil: Date | null
}

export interface ThrottleKey {
  key: string
  policy: ThrottlePolicy
}

/** The counters a sign-in for `username` from `ip` is held to, in a fixed order (no lock-order deadlocks). */
export function rateLimitKeys(ip: string | null, username: string): ThrottleKey[] {
  return [
    ...(ip ? [{ key: `ip:${ip}`, policy: ipPolicy }] : []),
    { key: `username:${username}`, policy: usernamePolicy },
  ]
}

const isLocked = (s: ThrottleState, now: Date) => s.lockedUntil !== null && s.lockedUntil > now

/**
 * Counts one more attempt before its password is checked, so concurrent guesses cannot outrun the limit;
 * refuses while locked. A window that has passed, or a lock that has ended, starts counting afresh.
 */
export function admitAttempt(
  state: ThrottleState,
  policy: ThrottlePolicy,
  now: Date,
): { admitted: boolean; next: ThrottleState } {
  if (isLocked(state, now)) return { admitted: false, next: state }
  const stale =
    state.lockedUntil !== null || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs
  const current = stale ? { failures: 0, windowStartedAt: now, lockedUntil: null } : state
  if (current.failures >= policy.limit) {
    // Every allowed attempt of this window is already counted and still being checked.
    return { admitted: false, next: { ...current, lockedUntil: new Date(now.getTime() + policy.lockoutMs) } }
  }
  return { admitted: true, next: { ...current, failures: current.failures + 1 } }
}

/** After a wrong password: the attempt that used up the limit locks for the lockout period. */
export function lockIfExhausted(state: ThrottleState, policy: ThrottlePolicy, now: Date): ThrottleState {
  if (state.failures < policy.limit || isLocked(state, now)) return state
  return { ...state, lockedUntil: new Date(now.getTime() + policy.lockoutMs) }
}

/** The latest lock among the states, or null when none is locked at `now`. */
export function latestLock(states: ThrottleState[], now: Date): Date | null {
  const locks = states.filter((s) => isLocked(s, now)).map((s) => s.lockedUntil!.getTime())
  return locks.length ? new Date(Math.max(...locks)) : null
}

/** Reads the keys' counters for update, creating missing ones, so other processes wait for this one. */
async function lockRows(tx: Transaction, keys: ThrottleKey[], now: Date): Promise<ThrottleState[]> {
  const states: ThrottleState[] = []
  for (const { key } of keys) {
    await tx.$executeRaw`
      INSERT INTO "RateLimit" ("id", "key", "failures", "windowStartedAt")
      VALUES (${randomUUID()}::uuid, ${key}, 0, ${now})
      ON CONFLICT ("key") DO NOTHING`
    const [row] = await tx.$queryRaw<ThrottleState[]>`
      SELECT "failures", "windowStartedAt", "lockedUntil" FROM "RateLimit"
      WHERE "key" = ${key} FOR UPDATE`
    states.push(row!)
  }
  return states
}

async function save(tx: Transaction, key: string, state: ThrottleState): Promise<void> {
  await tx.rateLimit.update({ where: { key }, data: state })
}

/** Admits one attempt against every key, or, if any is locked, changes no counter and says until when. */
export async function admitLoginAttempt(
  tx: Transaction,
  keys: ThrottleKey[],
  now: Date,
): Promise<{ lockedUntil: Date | null }> {
  const states = await lockRows(tx, keys, now)
  const decisions = keys.map((k, i) => admitAttempt(states[i]!, k.policy, now))
  const refused = decisions.some((d) => !d.admitted)
  for (const [i, d] of decisions.entries()) {
    if (!refused || !d.admitted) await save(tx, keys[i]!.key, d.next)
  }
  return {
    lockedUntil: refused
      ? latestLock(
          decisions.map((d) => d.next),
          now,
        )
      : null,
  }
}

/** Records a wrong password (already counted on admission): locks exhausted keys; returns any lock. */
export async function recordLoginFailure(
  tx: Transaction,
  keys: ThrottleKey[],
  now: Date,
): Promise<{ lockedUntil: Date | null }> {
  const states = await lockRows(tx, keys, now)
  const next = keys.map((k, i) => lockIfExhausted(states[i]!, k.policy, now))
  for (const [i, state] of next.entries()) await save(tx, keys[i]!.key, state)
  await pruneStale(tx, now)
  return { lockedUntil: latestLock(next, now) }
}

/** A right password: the username starts afresh, and the address gets its admitted attempt back. */
export async function recordLoginSuccess(tx: Transaction, keys: ThrottleKey[]): Promise<void> {
  for (const { key } of keys) {
    if (key.startsWith('username:')) {
      await tx.rateLimit.deleteMany({ where: { key } })
    } else {
      await tx.rateLimit.updateMany({
        where: { key, failures: { gt: 0 } },
        data: { failures: { decrement: 1 } },
      })
    }
  }
}

// Counters whose window and lock have both passed mean nothing; guessing random usernames would
// otherwise grow the table without bound. SKIP LOCKED: rows another sign-in holds are left for later
// rather than waited for, which could deadlock with it.
async function pruneStale(tx: Transaction, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - Math.max(usernamePolicy.windowMs, ipPolicy.windowMs))
  await tx.$executeRaw`
    DELETE FROM "RateLimit" WHERE "id" IN (
      SELECT "id" FROM "RateLimit"
      WHERE "windowStartedAt" < ${cutoff} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      LIMIT 100 FOR UPDATE SKIP LOCKED)`
}
