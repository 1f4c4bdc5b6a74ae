import { randomBytes } from 'node:crypto'
import type { Database, Queryable, Transaction } from '@mejabantu/db'
import {
  appointmentCode,
  bookableDays,
  type BookingInputSchema,
  checkSlot,
  freeSlots,
  instantAt,
  type TimeZone,
} from '@mejabantu/domain'
import type { z } from 'zod'
import { writeAudit } from '../shared/audit-writer.ts'
import { ensure, refuse } from '../shared/errors.ts'
import { publicationViolations } from '../publication/violations.ts'
import { cachedTopicCatalog } from '../topics/catalog.ts'
import { appointmentViolations } from './violations.ts'
import type { Booked, Slots } from './schemas.ts'

type Booking = z.output<typeof BookingInputSchema>

const officeSelect = {
  id: true,
  name: true,
  regionCode: true,
  timeZone: true,
  slotMinutes: true,
  slotCapacity: true,
  slotsFrom: true,
  slotsTo: true,
  workingDays: true,
} as const
type SlotOffice = { id: string; name: string; regionCode: string; timeZone: TimeZone } & {
  slotMinutes: number
  slotCapacity: number
  slotsFrom: string
  slotsTo: string
  workingDays: number[]
}

/** The office of a region code, with its slot settings; NOT_FOUND as the public page says it. */
export async function slotOfficeByRegion(db: Queryable, regionCode: string): Promise<SlotOffice> {
  const office = await db.office.findUnique({ where: { regionCode }, select: officeSelect })
  if (!office) refuse('NOT_FOUND', publicationViolations.officeNotFound(regionCode))
  return office
}

export const slotOfficeById = (db: Queryable, id: string): Promise<SlotOffice> =>
  db.office.findUniqueOrThrow({ where: { id }, select: officeSelect })

/** The office's active top-level topics: what a guest may book for. */
async function bookableTopics(db: Database, officeId: string) {
  return (await cachedTopicCatalog(db, officeId))
    .filter((t) => t.parentCode === null && !t.archived)
    .map((t) => ({ code: t.code, label: { id: t.labelId, en: t.labelEn ?? t.labelId } }))
}

/** Live (not cancelled) bookings of the office per slot start, in [from, to). */
async function liveBookings(db: Queryable, officeId: string, from: Date, to: Date) {
  const rows = await db.appointment.groupBy({
    by: ['startsAt'],
    where: { officeId, status: { not: 'batal' }, startsAt: { gte: from, lt: to } },
    _count: { _all: true },
  })
  return new Map(rows.map((r) => [r.startsAt.getTime(), r._count._all]))
}

/** The public form's answer: the days one may book, the chosen day's free slots and the topics. */
export async function appointmentSlots(
  db: Database,
  input: { regionCode: string; day?: string | undefined },
  now: Date,
): Promise<Slots> {
  const office = await slotOfficeByRegion(db.prisma, input.regionCode)
  const days = bookableDays(now, office.timeZone, office.workingDays)
  const day = input.day ?? days[0] ?? null
  const from = day ? instantAt(`${day}T00:00`, office.timeZone) : now
  const booked = await liveBookings(db.prisma, office.id, from, new Date(from.getTime() + 86_400_000))
  return {
    office: {
      name: office.name,
      regionCode: office.regionCode,
      timeZone: office.timeZone,
      slotMinutes: office.slotMinutes,
    },
    days,
    day,
    slots: day ? freeSlots(office, day, booked, now) : [],
    topics: await bookableTopics(db, office.id),
  }
}

// Namespace of the per-office slot lock: two bookings of one slot count its room one after the other.
const SLOT_LOCK = 72_011_010

/** Who books: a guest on the public page (no user) or staff on the phone. */
export interface Booker {
  userId: string | null
  ip: string | null
}

/**
 * Books a slot: the topic must be one the office serves, the pair one of
 * its own, and the slot free (counted under a lock on the office and slot). Audited without the guest's
 * name or phone.
 */
export async function bookSlot(
  db: Database,
  office: SlotOffice,
  booking: Booking,
  booker: Booker,
  now: Date,
): Promise<Booked & { id: string }> {
  // Read before the transaction: the catalogue cache queries outside it.
  if (!(await bookableTopics(db, office.id)).some((t) => t.code === booking.topic))
    refuse('BAD_REQUEST', appointmentViolations.topicUnknown(booking.topic))
  return db.prisma.$transaction((tx) => bookInTransaction(tx, office, booking, booker, now))
}

async function bookInTransaction(
  tx: Transaction,
  office: SlotOffice,
  booking: Booking,
  booker: Booker,
  now: Date,
): Promise<Booked & { id: string }> {
  if (booking.candidatePairId) {
    const pair = await tx.candidatePair.findFirst({
      where: { id: booking.candidatePairId, officeId: office.id },
      select: { id: true },
    })
    if (!pair) refuse('BAD_REQUEST', appointmentViolations.pairUnknown(booking.candidatePairId))
  }
  const startsAt = booking.startsAt
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SLOT_LOCK}::int, hashtext(${`${office.id}@${startsAt.toISOString()}`}))`
  const live = await tx.appointment.count({
    where: { officeId: office.id, startsAt, status: { not: 'batal' } },
  })
  ensure(checkSlot(office, startsAt, live, now), 'CONFLICT')
  const appointment = await tx.appointment.create({
    data: {
      officeId: office.id,
      code: await freshCode(tx),
      startsAt,
      purpose: booking.purpose,
      topic: booking.topic,
      guestName: booking.guestName,
      guestPhone: booking.guestPhone,
      guestEmail: booking.guestEmail ?? null,
      institution: booking.institution ?? null,
      category: booking.category,
      candidatePairId: booking.candidatePairId ?? null,
      createdById: booker.userId,
    },
  })
  await writeAudit(tx, {
    actorId: booker.userId,
    officeId: office.id,
    action: 'appointment.book',
    targetType: 'Appointment',
    targetId: appointment.id,
    after: {
      startsAt: startsAt.toISOString(),
      purpose: booking.purpose,
      topic: booking.topic,
      category: booking.category,
      status: 'dipesan',
    },
    ip: booker.ip,
  })
  return {
    id: appointment.id,
    code: appointment.code,
    startsAt,
    office: { name: office.name, regionCode: office.regionCode, timeZone: office.timeZone },
  }
}

/** A code no booking holds yet; with 32⁸ codes a second draw is already rare. */
async function freshCode(tx: Transaction): Promise<string> {
  for (;;) {
    const code = appointmentCode(randomBytes(8))
    if (!(await tx.appointment.findUnique({ where: { code }, select: { id: true } }))) return code
  }
}
