// What the public sees without signing in: each office's published summary and consultation log,
// with personal data scrubbed and small groups suppressed.
import { PublicOfficeSchema } from '@mejabantu/domain'
import { z } from 'zod'
import {
  PublicDailySchema,
  PublicFaqInputSchema,
  PublicFaqSchema,
  PublicLogInputSchema,
  PublicLogSchema,
  PublicSummaryInputSchema,
  PublicSummaryReplySchema,
} from './schemas.ts'
import { publicDaily, publicLog, publicOffices, publicSummary } from './public.ts'
import {
  PublicRateInputSchema,
  rateByLink,
  RatingFormInputSchema,
  RatingFormSchema,
  ratingForm,
} from './rating.ts'
import { SavedRatingSchema } from '../consultations/rating.ts'
import { publicFaq } from './faq.ts'
import { publicAppointmentProcedures } from '../appointments/router.ts'
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

  /** The rating page of a closing message's link: the sheet's number, topic and office, never the asker. */
  ratingForm: publicProcedure
    .input(RatingFormInputSchema)
    .output(RatingFormSchema)
    .query(({ ctx, input }) => ratingForm(ctx.db, input.token, ctx.ip, ctx.clock())),

  rate: publicProcedure
    .input(PublicRateInputSchema)
    .output(SavedRatingSchema)
    .mutation(({ ctx, input }) => rateByLink(ctx.db, input, ctx.ip, ctx.clock())),

  faq: publicProcedure
    .input(PublicFaqInputSchema)
    .output(PublicFaqSchema)
    .query(({ ctx, input }) => publicFaq(ctx.db, input.regionCode)),

  ...publicAppointmentProcedures,
})
