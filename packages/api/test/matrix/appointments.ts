import { randomInt } from 'node:crypto'
import type { MatrixFragment, MatrixWorld } from './types.ts'

/** A booking at the other office (34.04), made by its staff on the phone, in a free slot days ahead. */
async function otherBooking(world: MatrixWorld) {
  const staff = await world.as('other', 'petugas')
  const { days } = (await staff.query('public.appointmentSlots', { regionCode: '34.04' })).body.result!
    .data as { days: string[] }
  const day = days[randomInt(1, days.length)]!
  const { slots } = (await staff.query('public.appointmentSlots', { regionCode: '34.04', day })).body.result!
    .data as { slots: { startsAt: Date }[] }
  const reply = await staff.mutation('appointments.create', {
    purpose: 'konsultasi',
    topic: 'silon',
    guestName: 'Tamu Matriks',
    guestPhone: `0812${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
    category: 'lo',
    startsAt: slots[randomInt(0, slots.length)]!.startsAt,
  })
  if (reply.status !== 200) throw new Error(`appointments.create failed: ${reply.text}`)
  return reply.body.result!.data as { id: string; code: string }
}

/** Appointments: booking is public, today's list reads the office, the kiosk reads codes of its own office. */
export const fragment: MatrixFragment = {
  'public.appointmentSlots': { audience: 'public' },
  'public.book': { audience: 'public' },
  'appointments.create': { audience: 'visit.write' },
  'appointments.today': {
    audience: 'office.read',
    crossOffice: async (world) => ({ input: { officeId: world.officeId.other }, expect: 'FORBIDDEN' }),
  },
  'appointments.cancel': {
    audience: 'visit.write',
    crossOffice: async (world) => ({ input: { id: (await otherBooking(world)).id }, expect: 'NOT_FOUND' }),
  },
  'kiosk.appointment': {
    audience: 'kiosk',
    crossOffice: async (world) => ({
      input: { code: (await otherBooking(world)).code },
      expect: 'NOT_FOUND',
    }),
  },
  'kiosk.checkInAppointment': {
    audience: 'kiosk',
    crossOffice: async (world) => ({
      input: {
        code: (await otherBooking(world)).code,
        clientId: '00000000-0000-4000-8000-000000000002',
        consentVersion: 'default-2024',
      },
      expect: 'NOT_FOUND',
    }),
  },
}
