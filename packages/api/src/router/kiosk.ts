import { CheckInSchema, PairingCodeSchema, PhoneSchema } from '@mejabantu/domain'
import { z } from 'zod'
import { PairingSchema } from '../services/devices.ts'
import { pairDevice } from '../services/devices-pairing.ts'
import {
  kioskOffice,
  KioskOfficeSchema,
  kioskTicket,
  lookupVisitor,
  ReturningVisitorSchema,
} from '../services/kiosk.ts'
import { TicketSchema } from '../services/queue-position.ts'
import { checkIn } from '../services/visits-check-in.ts'
import { kioskProcedure, publicProcedure, router } from '../trpc.ts'

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
})
