import { z } from 'zod'
import { staffActor } from '../services/queue-actor.ts'
import {
  callNext,
  checkOut,
  noShow,
  queueBoard,
  QueueBoardSchema,
  recall,
  requeue,
} from '../services/queue.ts'
import { serve, ServedSchema } from '../services/queue-serve.ts'
import { VisitViewSchema } from '../services/visits-view.ts'
import { permittedProcedure, router } from '../trpc.ts'

const desk = permittedProcedure('visit.write')
const visit = z.strictObject({ visitId: z.uuid() })

export const queueRouter = router({
  /** The next visitor, priority lane first; null when nobody waits. */
  callNext: desk.output(VisitViewSchema.nullable()).mutation(({ ctx }) => callNext(ctx.db, staffActor(ctx))),

  recall: desk
    .input(visit)
    .output(VisitViewSchema)
    .mutation(({ ctx, input }) => recall(ctx.db, staffActor(ctx), input.visitId)),

  noShow: desk
    .input(visit)
    .output(VisitViewSchema)
    .mutation(({ ctx, input }) => noShow(ctx.db, staffActor(ctx), input.visitId)),

  /** A visitor who missed the call is back: waiting again, same number. */
  requeue: desk
    .input(visit)
    .output(VisitViewSchema)
    .mutation(({ ctx, input }) => requeue(ctx.db, staffActor(ctx), input.visitId)),

  /** At the desk: the visit is being served and its consultation sheet is opened, prefilled. */
  serve: desk
    .input(visit)
    .output(ServedSchema)
    .mutation(({ ctx, input }) => serve(ctx.db, staffActor(ctx), input.visitId)),

  checkOut: desk
    .input(visit)
    .output(VisitViewSchema)
    .mutation(({ ctx, input }) => checkOut(ctx.db, staffActor(ctx), input.visitId)),

  /** The waiting-room screen: called numbers and the next ones, no names. */
  board: permittedProcedure('office.read')
    .input(z.strictObject({ officeId: z.uuid().optional() }).default({}))
    .output(QueueBoardSchema)
    .query(({ ctx, input }) => queueBoard(ctx.db, ctx.scope, input.officeId)),
})
