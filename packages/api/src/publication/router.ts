// What the public sees without signing in: each office's published summary and consultation log,
// with personal data scrubbed and small groups suppressed.
import { PublicOfficeSchema } from '@mejabantu/domain'
import { z } from 'zod'
import {
  PublicDailySchema,
  PublicLogInputSchema,
  PublicLogSchema,
  PublicSummaryInputSchema,
  PublicSummaryReplySchema,
} from './schemas.ts'
import { publicDaily, publicLog, publicOffices, publicSummary } from './public.ts'
import { publicProcedure, router } from '../shared/trpc.ts'

/** The anonymised publication: no sign-in, and outputs that only enumerations, days and counts pass. */
export const publicRouter = router({
  offices: publicProcedure.output(z.array(PublicOfficeSchema)).query(({ ctx }) => publicOffices(ctx.db)),

  log: publicProcedure
    .input(PublicLogInputSchema)
    .output(PublicLogSchema)
    .query(({ ctx, input }) => publicLog(ctx.db, input)),

  summary: publicProcedure
    .input(PublicSummaryInputSchema)
    .output(PublicSummaryReplySchema)
    .query(({ ctx, input }) => publicSummary(ctx.db, input)),

  daily: publicProcedure
    .input(PublicSummaryInputSchema)
    .output(PublicDailySchema)
    .query(({ ctx, input }) => publicDaily(ctx.db, input)),
})
