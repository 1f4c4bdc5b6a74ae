import { randomUUID } from 'node:crypto'
import type { Transaction } from '@mejabantu/db'
import { refuse } from '../errors.ts'
import { kioskViolations } from './kiosk-violations.ts'

/** What a kiosk may do per minute: enough for a queue at the door, too little to flood or enumerate. */
export const KIOSK_LIMITS = {
  checkIn: { limit: 30, windowMs: 60_000 },
  lookup: { limit: 30, windowMs: 60_000 },
} as const

export type KioskAction = keyof typeof KIOSK_LIMITS

/**
 * Takes one `action` from the device's allowance for the current window, or refuses (429) when it is used
 * up. The counter is a row of the database's throttle table (key `kiosk:<action>:<device>`, the sign-in
 * counters' neighbour), locked for the caller's transaction, so the limit holds across server processes;
 * a transaction that rolls back gives its allowance back.
 */
export async function takeKioskAllowance(
  tx: Transaction,
  deviceId: string,
  action: KioskAction,
  now: Date,
): Promise<void> {
  const { limit, windowMs } = KIOSK_LIMITS[action]
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
