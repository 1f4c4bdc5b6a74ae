// The lobby tablets: pairing and revoking kiosk devices, their tokens and allowances, the consent
// text they show, and the calls a kiosk makes (the office, the returning-visitor look-up, check-in).
import { CheckInSchema, PairingCodeSchema, PhoneSchema } from '@mejabantu/domain'
import { z } from 'zod'
import { PairingSchema } from './devices.ts'
import { pairDevice } from './devices-pairing.ts'
import {
  kioskOffice,
  KioskOfficeSchema,
  kioskTicket,
  lookupVisitor,
  ReturningVisitorSchema,
} from './kiosk.ts'
import {
  KioskRateInputSchema,
  pendingRatings,
  PendingRatingsInputSchema,
  PendingRatingSchema,
  rateAtKiosk,
} from './rating.ts'
import { SavedRatingSchema } from '../consultations/rating.ts'
import { TicketSchema } from '../visits/queue-position.ts'
import { checkIn } from '../visits/check-in.ts'
import { kioskAppointmentProcedures } from '../appointments/router.ts'
import { kioskProcedure, publicProcedure, router } from '../shared/trpc.ts'

export const kioskRouter = router({
  /** A new tablet exchanges the admin's one-time code for its device token. */
  pair: publicProcedure
    .input(z.strictObject({ code: PairingCodeSchema }))
    .output(PairingSchema)
    .mutation(({ ctx, input }) => pairDevice(ctx.db, input.code, { ip: ctx.ip })),

  office: kioskProcedure.output(KioskOfficeSchema).query(({ ctx }) => kioskOffice(ctx.db, ctx.device)),

  checkIn: kioskProcedure
    .input(CheckInSchema)
    .output(TicketSchema)
    .mutation(({ ctx, input }) =>
      checkIn(ctx.db, { officeId: ctx.device.officeId, device: ctx.device, userId: null, ip: ctx.ip }, input),
    ),

  ticket: kioskProcedure
    .input(z.strictObject({ visitId: z.uuid(), clientId: z.uuid() }))
    .output(TicketSchema)
    .query(({ ctx, input }) => kioskTicket(ctx.db, ctx.device, input)),

  // A mutation, so the phone number travels in the body and never in a URL that proxies may log.
  lookup: kioskProcedure
    .input(z.strictObject({ phone: PhoneSchema }))
    .output(ReturningVisitorSchema)
    .mutation(({ ctx, input }) => lookupVisitor(ctx.db, ctx.device, input.phone, ctx.ip)),

  /** The closed sheets the guest of a check-in this tablet just made may still rate. */
  pendingRatings: kioskProcedure
    .input(PendingRatingsInputSchema)
    .output(z.array(PendingRatingSchema))
    .query(({ ctx, input }) => pendingRatings(ctx.db, ctx.device, input, ctx.clock())),

  rate: kioskProcedure
    .input(KioskRateInputSchema)
    .output(SavedRatingSchema)
    .mutation(({ ctx, input }) => rateAtKiosk(ctx.db, ctx.device, input, ctx.ip, ctx.clock())),

  ...kioskAppointmentProcedures,
})
