import type { Database } from '@mejabantu/db'
import type { z } from 'zod'
import { admitLoginAttempt, type ThrottlePolicy } from '../auth/login-throttle.ts'
import { refuse } from '../shared/errors.ts'
import { bookSlot, slotOfficeByRegion } from './booking.ts'
import type { Booked, PublicBookInputSchema } from './schemas.ts'
import { appointmentViolations } from './violations.ts'

const MINUTE = 60_000
/**
 * Bookings per client address per hour: a family or an LO team books a few, a script filling every slot
 * is stopped. Counted on the sign-in throttle's table, so the limit holds across server processes.
 */
export const bookingPolicy: ThrottlePolicy = { limit: 10, windowMs: 60 * MINUTE, lockoutMs: 60 * MINUTE }

/** A booking from the public page: rate-limited per address, audited with no actor. */
export async function bookPublicly(
  db: Database,
  input: z.output<typeof PublicBookInputSchema>,
  ip: string | null,
  now: Date,
): Promise<Booked> {
  const { regionCode, ...booking } = input
  const office = await slotOfficeByRegion(db.prisma, regionCode)
  const keys = [{ key: `booking-ip:${ip ?? 'unknown'}`, policy: bookingPolicy }]
  // The allowance is taken in its own transaction, so a refused booking still counts as an attempt.
  const { lockedUntil } = await db.prisma.$transaction((tx) => admitLoginAttempt(tx, keys, now))
  if (lockedUntil) refuse('TOO_MANY_REQUESTS', appointmentViolations.rateLimited(lockedUntil, now))
  // The public answer leaves the id out: the code is all the guest needs.
  const { id: _id, ...booked } = await bookSlot(db, office, booking, { userId: null, ip }, now)
  return booked
}
