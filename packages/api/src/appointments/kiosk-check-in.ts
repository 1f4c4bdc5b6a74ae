import type { Database } from '@mejabantu/db'
import {
  AppointmentPurpose,
  AppointmentStatus,
  checkAppointmentCheckIn,
  CheckInSchema,
  localDateTime,
  maskName,
  type TimeZone,
} from '@mejabantu/domain'
import type { KioskDeviceContext } from '../kiosk/devices-token.ts'
import { takeKioskAllowance } from '../kiosk/throttle.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { ensure, refuse } from '../shared/errors.ts'
import { checkIn } from '../visits/check-in.ts'
import type { Ticket } from '../visits/queue-position.ts'
import type { KioskAppointment } from './schemas.ts'
import { appointmentViolations } from './violations.ts'

type AppointmentRow = NonNullable<Awaited<ReturnType<Database['prisma']['appointment']['findFirst']>>>

/**
 * The booking of a code at the tablet's office, under the device's look-up allowance (codes cannot be
 * enumerated); another office's code is not found, like a wrong one. Audited without the code's owner.
 */
async function bookingOfCode(
  db: Database,
  device: KioskDeviceContext,
  code: string,
  ip: string | null,
  now: Date,
) {
  return db.prisma.$transaction(async (tx) => {
    await takeKioskAllowance(tx, device, 'lookup', now)
    const found = await tx.appointment.findFirst({
      where: { code, officeId: device.officeId },
      include: { office: { select: { timeZone: true } } },
    })
    await writeAudit(tx, {
      actorId: null,
      officeId: device.officeId,
      action: 'kiosk.appointment_lookup',
      targetType: 'KioskDevice',
      targetId: device.id,
      after: { found: found !== null, appointmentId: found?.id ?? null },
      ip,
    })
    if (!found) refuse('NOT_FOUND', appointmentViolations.notFound())
    return found
  })
}

const stateOf = (row: AppointmentRow) => ({
  status: AppointmentStatus.schema.parse(row.status),
  startsAt: row.startsAt,
})

/** What the lobby screen shows of a code: masked name and slot, once the booking can check in today. */
export async function kioskAppointment(
  db: Database,
  device: KioskDeviceContext,
  code: string,
  ip: string | null,
  now: Date,
): Promise<KioskAppointment> {
  const row = await bookingOfCode(db, device, code, ip, now)
  ensure(checkAppointmentCheckIn(stateOf(row), now, row.office.timeZone as TimeZone), 'CONFLICT')
  return {
    code: row.code,
    maskedName: maskName(row.guestName),
    startsAt: row.startsAt,
    time: localDateTime(row.startsAt, row.office.timeZone as TimeZone).slice(11),
    timeZone: row.office.timeZone as TimeZone,
    topic: row.topic,
    purpose: AppointmentPurpose.schema.parse(row.purpose),
  }
}

/**
 * Checks the booked guest in with the booking's own data, through the one check-in path (numbering, the
 * guest book, audit), then marks the booking hadir with its visit. The booking is claimed first, so two
 * tablets scanning one code cannot both make a visit; a failed check-in gives the claim back. A retry with
 * the same clientId returns the same ticket.
 */
export async function checkInAppointment(
  db: Database,
  device: KioskDeviceContext,
  input: { code: string; clientId: string; consentVersion: string },
  ip: string | null,
  now: Date,
): Promise<Ticket> {
  const row = await bookingOfCode(db, device, input.code, ip, now)
  const checkInInput = CheckInSchema.parse({
    clientId: input.clientId,
    guest: {
      name: row.guestName,
      phone: row.guestPhone,
      category: row.category,
      ...(row.guestEmail && { email: row.guestEmail }),
      ...(row.institution && { institution: row.institution }),
    },
    topic: row.topic,
    purpose: `Janji temu: ${AppointmentPurpose.label(AppointmentPurpose.schema.parse(row.purpose))}`,
    consentVersion: input.consentVersion,
  })
  const source = { officeId: device.officeId, device, userId: null, ip }
  if (row.status === 'hadir' && row.visitId) {
    const visit = await db.prisma.visit.findUnique({ where: { id: row.visitId }, select: { clientId: true } })
    // The same tablet retrying: the check-in replays its visit.
    if (visit?.clientId === input.clientId) return checkIn(db, source, checkInInput)
  }
  ensure(checkAppointmentCheckIn(stateOf(row), now, row.office.timeZone as TimeZone), 'CONFLICT')
  const claimed = await db.prisma.appointment.updateMany({
    where: { id: row.id, status: 'dipesan' },
    data: { status: 'hadir' },
  })
  if (claimed.count === 0)
    ensure(
      checkAppointmentCheckIn({ ...stateOf(row), status: 'hadir' }, now, row.office.timeZone as TimeZone),
      'CONFLICT',
    )
  let ticket: Ticket
  try {
    ticket = await checkIn(db, source, checkInInput)
  } catch (error) {
    await db.prisma.appointment.updateMany({
      where: { id: row.id, visitId: null },
      data: { status: 'dipesan' },
    })
    throw error
  }
  await db.prisma.$transaction(async (tx) => {
    await tx.appointment.update({ where: { id: row.id }, data: { visitId: ticket.visitId } })
    await writeAudit(tx, {
      actorId: null,
      officeId: device.officeId,
      action: 'appointment.check_in',
      targetType: 'Appointment',
      targetId: row.id,
      before: { status: 'dipesan' },
      after: { status: 'hadir', visitId: ticket.visitId, deviceId: device.id },
      ip,
    })
  })
  return ticket
}
