import type { Transaction } from '@mejabantu/db'
import { refuse } from '../shared/errors.ts'
import { kioskViolations } from './violations.ts'

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

/** How much of its allowance a device asks for at once, and how much it got. */
export interface AllowanceRequest {
  device: { id: string; limits: KioskLimits }
  count: number
}
export interface Allowance {
  granted: number
  /** When the window ends and the allowance is full again. */
  renewsAt: Date
}

/**
 * Takes `count` of `action` from each device's allowance for the current window, as much as is left. The
 * counters are rows of the database's throttle table (key `kiosk:<action>:<device>`, the sign-in counters'
 * neighbour), locked for the caller's transaction, so the limit holds across server processes; a
 * transaction that rolls back gives its allowance back. Three statements, however many devices.
 */
export async function takeKioskAllowances(
  tx: Transaction,
  requests: readonly AllowanceRequest[],
  action: KioskAction,
  now: Date,
): Promise<Map<string, Allowance>> {
  const keyOf = (deviceId: string) => `kiosk:${action}:${deviceId}`
  const keys = [...new Set(requests.map((r) => keyOf(r.device.id)))].sort()
  await tx.$executeRaw`
    INSERT INTO "RateLimit" ("id", "key", "failures", "windowStartedAt")
    SELECT gen_random_uuid(), key, 0, ${now} FROM unnest(${keys}::text[]) AS key
    ON CONFLICT ("key") DO NOTHING`
  const rows = await tx.$queryRaw<{ key: string; failures: number; windowStartedAt: Date }[]>`
    SELECT "key", "failures", "windowStartedAt" FROM "RateLimit"
    WHERE "key" = ANY(${keys}::text[]) ORDER BY "key" FOR UPDATE`
  const stored = new Map(rows.map((r) => [r.key, r]))
  const allowances = new Map<string, Allowance>()
  const updates: { key: string; used: number; windowStartedAt: Date }[] = []
  for (const { device, count } of requests) {
    const row = stored.get(keyOf(device.id))!
    const windowOver = now.getTime() - row.windowStartedAt.getTime() >= WINDOW_MS
    const used = windowOver ? 0 : row.failures
    const windowStartedAt = windowOver ? now : row.windowStartedAt
    const granted = Math.max(0, Math.min(count, device.limits[action] - used))
    allowances.set(device.id, { granted, renewsAt: new Date(windowStartedAt.getTime() + WINDOW_MS) })
    updates.push({ key: row.key, used: used + granted, windowStartedAt })
    stored.set(row.key, { ...row, failures: used + granted, windowStartedAt })
  }
  await tx.$executeRaw`
    UPDATE "RateLimit" AS r SET "failures" = u.used, "windowStartedAt" = u.started
    FROM unnest(${updates.map((u) => u.key)}::text[], ${updates.map((u) => u.used)}::int[],
                ${updates.map((u) => u.windowStartedAt)}::timestamptz[]) AS u(key, used, started)
    WHERE r."key" = u.key`
  return allowances
}

/** Takes one `action` from the device's allowance, or refuses (429) when it is used up. */
export async function takeKioskAllowance(
  tx: Transaction,
  device: { id: string; limits: KioskLimits },
  action: KioskAction,
  now: Date,
): Promise<void> {
  const allowance = (await takeKioskAllowances(tx, [{ device, count: 1 }], action, now)).get(device.id)!
  if (allowance.granted === 0)
    refuse('TOO_MANY_REQUESTS', kioskViolations.rateLimited(allowance.renewsAt, now))
}
