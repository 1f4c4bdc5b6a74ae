// The guest book and the queue: check-ins from kiosks and desks (group commit), guests, the day's
// visits, calling, serving and requeueing, and each ticket's place and estimated wait.
import { CheckInSchema } from '@mejabantu/domain'
import { TicketSchema } from './queue-position.ts'
import { checkIn } from './check-in.ts'
import { todayVisits, TodayInputSchema, TodaySchema } from './visits.ts'
import { inBuilding, InBuildingInputSchema, InBuildingSchema } from './in-building.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

export const visitsRouter = router({
  today: permittedProcedure('office.read')
    .input(TodayInputSchema)
    .output(TodaySchema)
    .query(({ ctx, input }) => todayVisits(ctx.db, ctx.scope, input)),

  /** Who is in the building now: today's visitors checked in and not yet checked out. */
  inBuilding: permittedProcedure('office.read')
    .input(InBuildingInputSchema)
    .output(InBuildingSchema)
    .query(({ ctx, input }) => inBuilding(ctx.db, ctx.scope, input.officeId)),

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
