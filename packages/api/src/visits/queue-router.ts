import { z } from 'zod'
import { actorOf } from '../shared/actor.ts'
import { callNext, checkOut, noShow, queueBoard, QueueBoardSchema, recall, requeue } from './queue.ts'
import { serve, ServedSchema } from './queue-serve.ts'
import { VisitViewSchema } from './view.ts'
import { DesksSchema, desksOf, setDesk } from './desks.ts'
import { DeskChoiceSchema } from '@mejabantu/domain'
import { permittedProcedure, router } from '../shared/trpc.ts'

const desk = permittedProcedure('visit.write')
const visit = z.strictObject({ visitId: z.uuid() })

export const queueRouter = router({
  /** The next visitor, priority lane first; null when nobody waits. */
  callNext: desk.output(VisitViewSchema.nullable()).mutation(({ ctx }) => callNext(ctx.db, actorOf(ctx))),

  recall: desk
    .input(visit)
    .output(VisitViewSchema)
    .mutation(({ ctx, input }) => recall(ctx.db, actorOf(ctx), input.visitId)),

  noShow: desk
    .input(visit)
    .output(VisitViewSchema)
    .mutation(({ ctx, input }) => noShow(ctx.db, actorOf(ctx), input.visitId)),

  /** A visitor who missed the call is back: waiting again, same number. */
  requeue: desk
    .input(visit)
    .output(VisitViewSchema)
    .mutation(({ ctx, input }) => requeue(ctx.db, actorOf(ctx), input.visitId)),

  /** At the desk: the visit is being served and its consultation sheet is opened, prefilled. */
  serve: desk
    .input(visit)
    .output(ServedSchema)
    .mutation(({ ctx, input }) => serve(ctx.db, actorOf(ctx), input.visitId)),

  checkOut: desk
    .input(visit)
    .output(VisitViewSchema)
    .mutation(({ ctx, input }) => checkOut(ctx.db, actorOf(ctx), input.visitId)),

  /** The desks of the user's office and the one this sign-in serves at. */
  desks: permittedProcedure('office.read')
    .output(DesksSchema)
    .query(({ ctx }) => desksOf(ctx.db, ctx.session)),

  /** Picks the desk this sign-in serves at: the next guest it calls is sent there. */
  setDesk: desk
    .input(DeskChoiceSchema)
    .output(DesksSchema)
    .mutation(({ ctx, input }) => setDesk(ctx.db, ctx.session, input.desk, ctx.ip)),

  /** The waiting-room screen: called numbers and the next ones, no names. */
  board: permittedProcedure('office.read')
    .input(z.strictObject({ officeId: z.uuid().optional() }).default({}))
    .output(QueueBoardSchema)
    .query(({ ctx, input }) => queueBoard(ctx.db, ctx.scope, input.officeId)),
})
