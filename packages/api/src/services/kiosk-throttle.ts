import { randomUUID } from 'node:crypto'
import type { Transaction } from '@mejabantu/db'
import { refuse } from '../errors.ts'
import { kioskViolations } from './kiosk-violations.ts'

/** How many calls of each kind one kiosk may make per minute. */
export interface KioskLimits {
  checkIn: number
  lookup: number
}

/**
 * Enough for a queue at the door and for an offline outbox catching up, too little to flood the guest
 * book or enumerate phone numbers. A server may set its own (`KIOSK_CHECK_INS_PER_MINUTE`, …).
 */
export const DEFAULT_KIOSK_LIMITS: KioskLimits = { checkIn: 60, lookup: 30 }

const WINDOW_MS = 60_000

export type KioskAction = keyof KioskLimits

/**
 * Takes one `action` from the device's allowance for the current window, or refuses (429) when it is used
 * up. The counter is a row of the database's throttle table (key `kiosk:<action>:<device>`, the sign-in
 * counters' neighbour), locked for the caller's transaction, so the limit holds across server processes;
 * a transaction that rolls back gives its allowance back.
 */
export async function takeKioskAllowance(
  tx: Transaction,
  device: { id: string; limits: KioskLimits },
  action: KioskAction,
  now: Date,
): Promise<void> {
  const deviceId = device.id
  const limit = device.limits[action]
  const windowMs = WINDOW_MS
  const key = `kiosk:${action}:${deviceId}`
  await tx.$executeRaw`
    INSERT INTO "RateLimit" ("id", "key", "failures", "windowStartedAt")
    VALUES (${randomUUID()}::uuid, ${key}, 0, ${now})
    ON CONFLICT ("key") DO NOTHING`
  const [row] = await tx.$queryRaw<{ failures: number; windowStartedAt: Date }[]>`
    SELECT "failures", "windowStartedAt" FROM "RateLimit" WHERE "key" = ${key} FOR UPDATE`
  const windowOver = now.getTime() - row!.windowStartedAt.getTime() >= windowMs
  const used = windowOver ? 0 : row!.failures
  const windowStartedAt = windowOver ? now : row!.windowStartedAt
  if (used >= limit) {
    refuse(
      'TOO_MANY_REQUESTS',
      kioskViolations.rateLimited(new Date(windowStartedAt.getTime() + windowMs), now),
    )
  }
  await tx.rateLimit.update({ where: { key }, data: { failures: used + 1, windowStartedAt } })
}
