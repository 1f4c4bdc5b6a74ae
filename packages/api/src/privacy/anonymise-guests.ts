import type { Transaction } from '@mejabantu/db'
import { anonymisedGuestFields, anonymisedVisitFields, type ErasedPerson } from '@mejabantu/domain'
import { eraseEverywhere, NO_COPIES, type ErasedCopies } from './erase-everywhere.ts'
import { eraseAppointmentsOf } from './erase-appointments.ts'

/** How many rows an anonymisation rewrote; the rows themselves all stay. */
export interface AnonymisedCounts extends ErasedCopies {
  guests: number
  visits: number
  /** Bookings (janji temu) that were theirs, or whose slot is past the cutoff. */
  appointments: number
}

/** Nothing anonymised. */
export const NONE_ANONYMISED: AnonymisedCounts = { guests: 0, visits: 0, appointments: 0, ...NO_COPIES }

/** Adds two runs' counts. */
export const addCounts = (a: AnonymisedCounts, b: AnonymisedCounts): AnonymisedCounts => {
  const sum = { ...a }
  for (const key of Object.keys(sum) as (keyof AnonymisedCounts)[]) sum[key] += b[key]
  return sum
}

/**
 * Removes the personal data of guests in the domain's anonymised form, keeping every visit and sheet so
 * counts and reports stay as they were: the guest-book line, their visits' purpose text, and every copy
 * elsewhere in the office (`eraseEverywhere`: sheets of every channel, attachments' names, LO contacts,
 * handover lists) and their bookings. With `lastSeenBefore`, a guest who checked in since (a returning
 * visitor racing the run) is skipped. Stored files to remove after commit are added to `discarded`.
 */
export async function anonymiseGuests(
  tx: Transaction,
  guestIds: string[],
  now: Date,
  discarded: string[],
  lastSeenBefore?: Date,
): Promise<AnonymisedCounts> {
  if (guestIds.length === 0) return NONE_ANONYMISED
  const due = await tx.guest.findMany({
    where: {
      id: { in: guestIds },
      anonymisedAt: null,
      ...(lastSeenBefore && { visits: { none: { checkedInAt: { gte: lastSeenBefore } } } }),
    },
    select: { id: true, officeId: true, name: true, phone: true, email: true },
  })
  if (due.length === 0) return NONE_ANONYMISED
  const ids = due.map((guest) => guest.id)
  const { count: guests } = await tx.guest.updateMany({
    where: { id: { in: ids }, anonymisedAt: null },
    data: anonymisedGuestFields(now),
  })
  const visits = await tx.visit.findMany({ where: { guestId: { in: ids } }, select: { id: true } })
  await tx.visit.updateMany({ where: { guestId: { in: ids } }, data: anonymisedVisitFields })

  let counts: AnonymisedCounts = { ...NONE_ANONYMISED, guests, visits: visits.length }
  const visitIds = visits.map((v) => v.id)
  for (const officeId of new Set(due.map((guest) => guest.officeId))) {
    const people: ErasedPerson[] = due
      .filter((guest) => guest.officeId === officeId)
      .map(({ name, phone, email }) => ({ name, phone, email }))
    const copies = await eraseEverywhere(tx, officeId, people, visitIds, discarded)
    const appointments = await eraseAppointmentsOf(tx, officeId, people, visitIds)
    counts = addCounts(counts, { ...NONE_ANONYMISED, ...copies, appointments })
  }
  return counts
}
