import type { Transaction } from '@mejabantu/db'
import {
  anonymisedAppointmentFields,
  ANONYMISED_NAME,
  isPersonOf,
  type ErasedPerson,
} from '@mejabantu/domain'

/** A booking as a person's export shows it. */
export interface AppointmentCopy {
  id: string
  code: string
  startsAt: Date
  purpose: string
  topic: string
  guestName: string
  guestPhone: string
  guestEmail: string | null
  institution: string | null
  status: string
}

const copySelect = {
  id: true,
  code: true,
  startsAt: true,
  purpose: true,
  topic: true,
  guestName: true,
  guestPhone: true,
  guestEmail: true,
  institution: true,
  status: true,
} as const

/**
 * The office's bookings that are the people's: by phone or e-mail (the booking always has a phone, so a
 * namesake with their own number is never taken for them), or made by their visits' check-ins.
 */
export async function appointmentsOf(
  tx: Transaction,
  officeId: string,
  people: readonly ErasedPerson[],
  visitIds: readonly string[],
): Promise<AppointmentCopy[]> {
  const phones = people.flatMap((p) => (p.phone ? [p.phone] : []))
  const emails = people.flatMap((p) => (p.email ? [p.email] : []))
  const rows = await tx.appointment.findMany({
    where: {
      officeId,
      guestName: { not: ANONYMISED_NAME },
      OR: [
        { guestPhone: { in: phones } },
        { guestEmail: { in: emails, mode: 'insensitive' } },
        { visitId: { in: [...visitIds] } },
      ],
    },
    select: { ...copySelect, visitId: true },
    orderBy: { startsAt: 'asc' },
  })
  return rows
    .filter(
      (row) =>
        (row.visitId !== null && visitIds.includes(row.visitId)) ||
        people.some((p) =>
          isPersonOf({ name: row.guestName, contacts: [row.guestPhone, row.guestEmail] }, p),
        ),
    )
    .map(({ visitId: _visitId, ...copy }) => copy)
}

/** Anonymises the people's bookings (name and phone Anonim, e-mail and institution gone); their count. */
export async function eraseAppointmentsOf(
  tx: Transaction,
  officeId: string,
  people: readonly ErasedPerson[],
  visitIds: readonly string[],
): Promise<number> {
  const ids = (await appointmentsOf(tx, officeId, people, visitIds)).map((a) => a.id)
  if (ids.length === 0) return 0
  const { count } = await tx.appointment.updateMany({
    where: { id: { in: ids } },
    data: anonymisedAppointmentFields,
  })
  return count
}

/**
 * Retention: the office's bookings whose slot lies before the cutoff lose their personal fields, whether
 * the guest came or not; slot, topic and status stay for the counts. Their count.
 */
export async function retainOldAppointments(
  tx: Transaction,
  officeId: string,
  cutoff: Date,
): Promise<number> {
  const { count } = await tx.appointment.updateMany({
    where: { officeId, startsAt: { lt: cutoff }, guestName: { not: ANONYMISED_NAME } },
    data: anonymisedAppointmentFields,
  })
  return count
}
