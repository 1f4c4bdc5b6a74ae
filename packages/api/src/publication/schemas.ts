import {
  Channel,
  LabelSchema,
  LegalBasisSchema,
  LocalDateSchema,
  PublicConsultationSchema,
  PublicSummarySchema,
  RegionCodeSchema,
  TopicCodeSchema,
} from '@mejabantu/domain'
import { z } from 'zod'

const period = {
  regionCode: RegionCodeSchema,
  /** First and last day, inclusive, in the office's own time zone. */
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
}
const ordered = (range: { from?: string | undefined; to?: string | undefined }) =>
  !range.from || !range.to || range.from <= range.to
const unordered = { message: '"from" must not be after "to"', path: ['to'] }

/** Which office's public log, over which days, which page. */
export const PublicLogInputSchema = z
  .object({
    ...period,
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(50),
  })
  .refine(ordered, unordered)

/** Which office's published figures, over which days. */
export const PublicSummaryInputSchema = z.object(period).refine(ordered, unordered)

const PublicOfficeRefSchema = z.strictObject({ regionCode: RegionCodeSchema, name: z.string() })

/** One page of the anonymised log; every line passes the domain's strict public schema. */
export const PublicLogSchema = z.strictObject({
  office: PublicOfficeRefSchema,
  items: z.array(PublicConsultationSchema),
  /** The labels of the page's topics, as the office's catalogue names them. */
  topicLabels: z.record(TopicCodeSchema, LabelSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
})

/** An office's published figures. */
export const PublicSummaryReplySchema = z.strictObject({
  office: PublicOfficeRefSchema,
  summary: PublicSummarySchema,
})

/** An office's consultations per day, by channel; only days with consultations are listed. */
export const PublicDailySchema = z.strictObject({
  office: PublicOfficeRefSchema,
  days: z.array(
    z.strictObject({
      day: z.iso.date(),
      consultations: z.number().int().positive(),
      byChannel: z.partialRecord(Channel.schema, z.number().int().nonnegative()),
    }),
  ),
})

/** Which office's public FAQ. */
export const PublicFaqInputSchema = z.strictObject({ regionCode: RegionCodeSchema })

/** An office's FAQ: its and its superiors' public articles by topic, with only their published fields. */
export const PublicFaqSchema = z.strictObject({
  office: PublicOfficeRefSchema,
  topics: z.array(
    z.strictObject({
      topic: TopicCodeSchema,
      label: LabelSchema,
      articles: z.array(
        z.strictObject({
          titleId: z.string(),
          titleEn: z.string().nullable(),
          bodyId: z.string(),
          bodyEn: z.string().nullable(),
          legalBasis: z.array(LegalBasisSchema),
          updatedAt: z.date(),
          /** The office whose answer it is: this one or one above it. */
          office: PublicOfficeRefSchema,
        }),
      ),
    }),
  ),
})
