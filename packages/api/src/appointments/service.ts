import type { Database } from '@mejabantu/db'
import {
  AppointmentPurpose,
  AppointmentStatus,
  checkAppointmentCancel,
  instantAt,
  maskPhone,
  StakeholderCategory,
} from '@mejabantu/domain'
import type { z } from 'zod'
import type { Actor } from '../shared/actor.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { ensure, refuse } from '../shared/errors.ts'
import { officeDay } from '../visits/day.ts'
import { bookSlot, slotOfficeById } from './booking.ts'
import type { AppointmentView, Booked, StaffBookInputSchema } from './schemas.ts'
import { appointmentViolations } from './violations.ts'

/** Staff book a guest who phoned, for their own office; the booking names them. */
export async function bookForCaller(
  db: Database,
  actor: Actor,
  input: z.output<typeof StaffBookInputSchema>,
  now: Date,
): Promise<Booked & { id: string }> {
  const office = await slotOfficeById(db.prisma, actor.scope.write())
  return bookSlot(db, office, input, actor, now)
}

/** Today's bookings of an office the user reads, by slot, with the ticket of those who came. */
export async function todayAppointments(db: Database, actor: Actor, officeId: string | undefined, now: Date) {
  const { office, today } = await officeDay(db.prisma, actor.scope.read(officeId), now)
  const from = instantAt(`${today}T00:00`, office.timeZone)
  const rows = await db.prisma.appointment.findMany({
    where: { officeId: office.id, startsAt: { gte: from, lt: new Date(from.getTime() + 86_400_000) } },
    orderBy: [{ startsAt: 'asc' }, { createdAt: 'asc' }],
    include: { visit: { select: { queueNumber: true } } },
  })
  const appointments = rows.map((row): AppointmentView => ({
    id: row.id,
    code: row.code,
    startsAt: row.startsAt,
    purpose: AppointmentPurpose.schema.parse(row.purpose),
    topic: row.topic,
    guestName: row.guestName,
    maskedPhone: maskPhone(row.guestPhone),
    category: StakeholderCategory.schema.parse(row.category),
    status: AppointmentStatus.schema.parse(row.status),
    queueNumber: row.visit?.queueNumber ?? null,
    byStaff: row.createdById !== null,
  }))
  return { day: today, timeZone: office.timeZone, appointments }
}

/** Cancels a booking of the user's own office that is still booked; its slot is free again. */
export async function cancelAppointment(db: Database, actor: Actor, id: string, now: Date) {
  return db.prisma.$transaction(async (tx) => {
    const found = await tx.appointment.findFirst({ where: { id, officeId: actor.scope.write() } })
    if (!found) refuse('NOT_FOUND', appointmentViolations.notFound())
    ensure(
      checkAppointmentCancel({
        status: AppointmentStatus.schema.parse(found.status),
        startsAt: found.startsAt,
      }),
      'CONFLICT',
    )
    const { count } = await tx.appointment.updateMany({
      where: { id, status: 'dipesan' },
      data: { status: 'batal', cancelledAt: now },
    })
    if (count === 0) refuse('CONFLICT', appointmentViolations.notFound())
    await writeAudit(tx, {
      actorId: actor.userId,
      officeId: found.officeId,
      action: 'appointment.cancel',
      targetType: 'Appointment',
      targetId: id,
      before: { status: found.status },
      after: { status: 'batal' },
      ip: actor.ip,
    })
    return { id, status: 'batal' as const }
  })
}
