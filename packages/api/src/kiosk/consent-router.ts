import { ConsentTextSchema } from '@mejabantu/domain'
import { z } from 'zod'
import { addConsentText, ConsentListSchema, ConsentVersionSchema, listConsentTexts } from './consent.ts'
import { actorOf } from '../shared/actor.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

const admin = permittedProcedure('admin.manage')

export const consentRouter = router({
  list: admin
    .input(z.strictObject({ officeId: z.uuid().optional() }).default({}))
    .output(ConsentListSchema)
    .query(({ ctx, input }) => listConsentTexts(ctx.db, ctx.scope, input.officeId)),

  /** Versions are only ever added: a visitor's consent keeps meaning what they read. */
  add: admin
    .input(ConsentTextSchema)
    .output(ConsentVersionSchema)
    .mutation(({ ctx, input }) => addConsentText(ctx.db, ctx.scope, input, actorOf(ctx))),
})
