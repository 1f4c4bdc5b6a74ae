import { CheckInSchema } from '@mejabantu/domain'
import { TicketSchema } from '../services/queue-position.ts'
import { checkIn } from '../services/visits-check-in.ts'
import { todayVisits, TodayInputSchema, TodaySchema } from '../services/visits.ts'
import { permittedProcedure, router } from '../trpc.ts'

export const visitsRouter = router({
  today: permittedProcedure('office.read')
    .input(TodayInputSchema)
    .output(TodaySchema)
    .query(({ ctx, input }) => todayVisits(ctx.db, ctx.scope, input)),

  /** Staff sign a visitor in from the console: the kiosk's check-in, without a device. */
  checkIn: permittedProcedure('visit.write')
    .input(CheckInSchema)
    .output(TicketSchema)
    .mutation(({ ctx, input }) =>
      checkIn(
        ctx.db,
        { officeId: ctx.scope.write(), device: null, userId: ctx.session.user.id, ip: ctx.ip },
        input,
      ),
    ),
})
