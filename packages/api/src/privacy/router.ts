// Personal data as UU PDP 27/2022 asks: finding and exporting what is held on a person, erasing it
// everywhere, and the retention run that anonymises what has been kept long enough.
import { z } from 'zod'
import { actorOf } from '../shared/actor.ts'
import { erasePerson, exportPerson, findPeople } from './privacy.ts'
import {
  AnonymisedSchema,
  PersonExportSchema,
  PersonMatchSchema,
  PersonQuerySchema,
  PersonRefSchema,
  RetentionRunSchema,
} from './schemas.ts'
import { runRetentionNow } from './retention.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

const admin = permittedProcedure('admin.manage')

/** UU PDP: one person's data found, exported or erased on request, and the retention run, by an admin. */
export const privacyRouter = router({
  // Mutations, like kiosk.lookup, so a phone number or name never sits in a URL or an access log; an
  // export is also an act the audit trail records, in the transaction that reads the data.
  find: admin
    .input(PersonQuerySchema)
    .output(z.array(PersonMatchSchema))
    .mutation(({ ctx, input }) => findPeople(ctx.db, actorOf(ctx), input.query)),

  export: admin
    .input(PersonRefSchema)
    .output(PersonExportSchema)
    .mutation(({ ctx, input }) => exportPerson(ctx.db, actorOf(ctx), input, ctx.clock())),

  erase: admin
    .input(PersonRefSchema)
    .output(AnonymisedSchema)
    .mutation(({ ctx, input }) => erasePerson(ctx.db, ctx.storage, actorOf(ctx), input, ctx.clock())),

  runRetention: admin
    .output(RetentionRunSchema)
    .mutation(({ ctx }) => runRetentionNow(ctx.db, ctx.storage, actorOf(ctx), ctx.clock())),
})
