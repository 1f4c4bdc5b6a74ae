import type { Actor } from '../services/consultation-access.ts'
import {
  erasePerson,
  exportPerson,
  findPeople,
  GuestIdSchema,
  PersonExportSchema,
  PersonMatchSchema,
  PersonQuerySchema,
  RetentionResultSchema,
  runRetentionNow,
} from '../services/privacy.ts'
import type { OfficeScope } from '../tenancy.ts'
import { permittedProcedure, router } from '../trpc.ts'
import { z } from 'zod'

const admin = permittedProcedure('admin.manage')

const actor = (ctx: { session: { user: { id: string } }; scope: OfficeScope; ip: string | null }): Actor => ({
  userId: ctx.session.user.id,
  scope: ctx.scope,
  ip: ctx.ip,
})

/** UU PDP: one person's data found, exported or erased on request, and the retention run, by an admin. */
export const privacyRouter = router({
  find: admin
    .input(PersonQuerySchema)
    .output(z.array(PersonMatchSchema))
    .query(({ ctx, input }) => findPeople(ctx.db, actor(ctx), input.query)),

  // A mutation: an export is an act the audit trail records, in the transaction that reads the data.
  export: admin
    .input(GuestIdSchema)
    .output(PersonExportSchema)
    .mutation(({ ctx, input }) => exportPerson(ctx.db, actor(ctx), input.guestId, ctx.clock())),

  erase: admin
    .input(GuestIdSchema)
    .output(z.object({ erased: z.literal(true) }))
    .mutation(({ ctx, input }) => erasePerson(ctx.db, actor(ctx), input.guestId, ctx.clock())),

  runRetention: admin
    .output(RetentionResultSchema)
    .mutation(({ ctx }) => runRetentionNow(ctx.db, actor(ctx), ctx.clock())),
})
