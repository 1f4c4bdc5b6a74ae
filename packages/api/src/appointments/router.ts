// Appointments: guests book a slot on the public page (or staff on the phone), get a code and its QR,
// and the kiosk checks them in with the booking's data; staff see today's bookings beside the queue.
import { z } from 'zod'
import { TicketSchema } from '../visits/queue-position.ts'
import { actorOf } from '../shared/actor.ts'
import { kioskProcedure, permittedProcedure, publicProcedure, router } from '../shared/trpc.ts'
import { appointmentSlots } from './booking.ts'
import { checkInAppointment, kioskAppointment } from './kiosk-check-in.ts'
import { bookPublicly } from './public-book.ts'
import { bookForCaller, cancelAppointment, todayAppointments } from './service.ts'
import {
  BookedSchema,
  CancelInputSchema,
  KioskAppointmentCheckInSchema,
  KioskAppointmentSchema,
  KioskCodeInputSchema,
  PublicBookInputSchema,
  SlotsInputSchema,
  SlotsSchema,
  StaffBookedSchema,
  StaffBookInputSchema,
  TodayAppointmentsInputSchema,
  TodayAppointmentsSchema,
} from './schemas.ts'

/** Spread into the public router: `public.appointmentSlots`, `public.book`. */
export const publicAppointmentProcedures = {
  appointmentSlots: publicProcedure
    .input(SlotsInputSchema)
    .output(SlotsSchema)
    .query(({ ctx, input }) => appointmentSlots(ctx.db, input, ctx.clock())),

  book: publicProcedure
    .input(PublicBookInputSchema)
    .output(BookedSchema)
    .mutation(({ ctx, input }) => bookPublicly(ctx.db, input, ctx.ip, ctx.clock())),
}

/** Spread into the kiosk router: `kiosk.appointment`, `kiosk.checkInAppointment`. */
export const kioskAppointmentProcedures = {
  // Mutations, so a code travels in the body and never in a URL that proxies may log.
  appointment: kioskProcedure
    .input(KioskCodeInputSchema)
    .output(KioskAppointmentSchema)
    .mutation(({ ctx, input }) => kioskAppointment(ctx.db, ctx.device, input.code, ctx.ip, ctx.clock())),

  checkInAppointment: kioskProcedure
    .input(KioskAppointmentCheckInSchema)
    .output(TicketSchema)
    .mutation(({ ctx, input }) => checkInAppointment(ctx.db, ctx.device, input, ctx.ip, ctx.clock())),
}

export const appointmentsRouter = router({
  /** Staff book a guest who phoned. */
  create: permittedProcedure('visit.write')
    .input(StaffBookInputSchema)
    .output(StaffBookedSchema)
    .mutation(({ ctx, input }) => bookForCaller(ctx.db, actorOf(ctx), input, ctx.clock())),

  today: permittedProcedure('office.read')
    .input(TodayAppointmentsInputSchema)
    .output(TodayAppointmentsSchema)
    .query(({ ctx, input }) => todayAppointments(ctx.db, actorOf(ctx), input.officeId, ctx.clock())),

  cancel: permittedProcedure('visit.write')
    .input(CancelInputSchema)
    .output(z.object({ id: z.uuid(), status: z.literal('batal') }))
    .mutation(({ ctx, input }) => cancelAppointment(ctx.db, actorOf(ctx), input.id, ctx.clock())),
})
