import { randomUUID } from 'node:crypto'
import type { Database, Transaction } from '@mejabantu/db'
import {
  checkInTime,
  formatQueueNumber,
  laneFor,
  mergeReturningGuest,
  type CheckInSchema,
  type GuestInput,
  type QueueLane,
} from '@mejabantu/domain'
import type { z } from 'zod'
import { refuse } from '../errors.ts'
import { writeAudit } from './audit.ts'
import { consentVersionExists } from './consent.ts'
import { countVisit } from './daily-summary.ts'
import type { KioskDeviceContext } from './devices-token.ts'
import { takeKioskAllowance } from './kiosk-throttle.ts'
import { ticketOf, ticketSelect, type Ticket } from './queue-position.ts'
import { dateColumn, officeDay } from './visits-day.ts'
import { visitViolations } from './visits-violations.ts'

/** A check-in as the domain's schema parsed it. */
export type ParsedCheckIn = z.output<typeof CheckInSchema>

/** Where a check-in comes from: a kiosk device (rate-limited) or a staff member at the console. */
export interface CheckInSource {
  officeId: string
  /** The kiosk that sent it (rate-limited), or null when staff check a guest in. */
  device: KioskDeviceContext | null
  userId: string | null
  ip: string | null
}

// Namespace of the per-clientId advisory lock (first-run uses a single-key lock of its own).
const CHECK_IN_LOCK = 72_011_002
// Check-ins of one clientId queue behind each other on the lock; give a burst of retries time to drain.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 }

/**
 * Signs a visitor into the office's guest book and hands out a queue number. Idempotent by `clientId`:
 * a retry or an offline outbox replaying gets the same visit and number, even when copies arrive at
 * once on several server processes (they queue on an advisory lock for that clientId). The number comes
 * from the office's counter for the day and lane, bumped in the same transaction, so concurrent check-ins
 * never share one and a failed check-in leaves no gap.
 */
export async function checkIn(
  db: Database,
  source: CheckInSource,
  input: ParsedCheckIn,
  now = new Date(),
): Promise<Ticket> {
  const replay = await db.prisma.visit.findUnique({
    where: { clientId: input.clientId },
    select: ticketSelect,
  })
  if (replay) return ticketOf(db.prisma, sameOffice(replay, source, input.clientId))

  const visit = await db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHECK_IN_LOCK}::int, hashtext(${input.clientId}))`
    const existing = await tx.visit.findUnique({ where: { clientId: input.clientId }, select: ticketSelect })
    if (existing) return sameOffice(existing, source, input.clientId)
    if (!(await consentVersionExists(tx, source.officeId, input.consentVersion))) {
      refuse('BAD_REQUEST', visitViolations.consentUnknown(input.consentVersion))
    }
    if (source.device) await takeKioskAllowance(tx, source.device, 'checkIn', now)
    return createVisit(tx, source, input, now)
  }, TRANSACTION_OPTIONS)
  return ticketOf(db.prisma, visit)
}

function sameOffice<T extends { officeId: string }>(visit: T, source: CheckInSource, clientId: string): T {
  if (visit.officeId !== source.officeId) refuse('CONFLICT', visitViolations.clientIdTaken(clientId))
  return visit
}

async function createVisit(tx: Transaction, source: CheckInSource, input: ParsedCheckIn, now: Date) {
  const { office, today } = await officeDay(tx, source.officeId, now)
  const serviceDay = dateColumn(today)
  const guest = await foundOrCreatedGuest(tx, source.officeId, input.guest)
  const lane = laneFor(input.priority)
  // Taken last, so the counter row stays locked for as short a time as possible.
  const sequence = await nextQueueSequence(tx, source.officeId, today, lane)
  const visit = await tx.visit.create({
    data: {
      clientId: input.clientId,
      officeId: source.officeId,
      guestId: guest.id,
      deviceId: source.device?.id ?? null,
      topic: input.topic,
      purpose: input.purpose || null,
      priority: input.priority,
      consentVersion: input.consentVersion,
      serviceDay,
      queueLane: lane,
      queueSequence: sequence,
      queueNumber: formatQueueNumber(lane, sequence),
      status: 'menunggu',
      checkedInAt: checkInTime(input.checkedInAt, now, office.timeZone),
    },
    select: ticketSelect,
  })
  await countVisit(tx, source.officeId, today)
  // No names or phone numbers in the trail: it outlives the guest book's retention period.
  await writeAudit(tx, {
    actorId: source.userId,
    action: 'visit.check_in',
    targetType: 'Visit',
    targetId: visit.id,
    after: {
      officeId: source.officeId,
      guestId: guest.id,
      guestCreated: guest.created,
      guestUpdated: guest.updated,
      deviceId: source.device?.id ?? null,
      queueNumber: visit.queueNumber,
      serviceDay: today,
      status: 'menunggu',
      topic: input.topic,
      priority: input.priority,
      consentVersion: input.consentVersion,
      checkedInAt: visit.checkedInAt.toISOString(),
    },
    ip: source.ip,
  })
  return visit
}

/**
 * The office's guest with this phone, created if new (an insert that yields on conflict, so two first
 * visits of one number at once make one guest), otherwise updated with what the visitor entered now.
 */
async function foundOrCreatedGuest(
  tx: Transaction,
  officeId: string,
  input: GuestInput,
): Promise<{ id: string; created: boolean; updated: boolean }> {
  const [inserted] = await tx.guest.createManyAndReturn({
    data: [
      {
        id: randomUUID(),
        officeId,
        name: input.name,
        institution: input.institution ?? null,
        phone: input.phone,
        email: input.email ?? null,
        category: input.category,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  })
  if (inserted) return { id: inserted.id, created: true, updated: false }
  const stored = await tx.guest.findUniqueOrThrow({
    where: { officeId_phone: { officeId, phone: input.phone } },
    select: { id: true, name: true, institution: true, email: true, category: true },
  })
  const merged = mergeReturningGuest(stored, input)
  const changed = (Object.keys(merged) as (keyof typeof merged)[]).some((k) => merged[k] !== stored[k])
  if (changed) await tx.guest.update({ where: { id: stored.id }, data: merged })
  return { id: stored.id, created: false, updated: changed }
}

/** The next number of the office's lane for the day: one atomic upsert under the counter's row lock. */
async function nextQueueSequence(
  tx: Transaction,
  officeId: string,
  day: string,
  lane: QueueLane,
): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "QueueCounter" ("officeId", "serviceDay", "lane", "last")
    VALUES (${officeId}::uuid, ${day}::date, ${lane}, 1)
    ON CONFLICT ("officeId", "serviceDay", "lane") DO UPDATE SET "last" = "QueueCounter"."last" + 1
    RETURNING "last"`
  return Number(row!.last)
}
