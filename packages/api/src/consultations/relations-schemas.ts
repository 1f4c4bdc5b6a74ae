import { ConsultationStatus, RatingVia, TagsSchema, TopicCodeSchema } from '@mejabantu/domain'
import { z } from 'zod'

/** The labels of one sheet, replacing those it had: normalised, without repeats, at most 12. */
export const SetTagsSchema = z.strictObject({ consultationId: z.uuid(), tags: TagsSchema })
/** The labels of one sheet, as given. */
export type SetTags = z.infer<typeof SetTagsSchema>

/** Which office's tags in use (the caller's own by default), optionally only those starting with `prefix`. */
export const TagsQuerySchema = z
  .strictObject({
    officeId: z.uuid().optional(),
    prefix: z.string().trim().max(40).optional(),
  })
  .prefault({})
/** Which office's tags in use. */
export type TagsQuery = z.infer<typeof TagsQuerySchema>

/** A tag in use and on how many sheets (merged duplicates not counted). */
export const TagCountSchema = z.object({ tag: z.string(), count: z.number().int().positive() })
/** A tag in use. */
export type TagCount = z.infer<typeof TagCountSchema>

/** A duplicate to merge into the sheet that keeps the question, with the desk's reason. */
export const MergeInputSchema = z.strictObject({
  duplicateId: z.uuid(),
  keptId: z.uuid(),
  note: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((note) => note || undefined),
})
/** A merge as given. */
export type MergeInput = z.infer<typeof MergeInputSchema>

/** Two sheets to link as related, or to unlink. */
export const LinkInputSchema = z.strictObject({ consultationId: z.uuid(), otherId: z.uuid() })
/** Two sheets to link. */
export type LinkInput = z.infer<typeof LinkInputSchema>

/** A related sheet as a sheet's view lists it. */
export const RelatedSheetSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  topic: TopicCodeSchema,
  status: ConsultationStatus.schema,
  questionExcerpt: z.string(),
})
/** A related sheet. */
export type RelatedSheet = z.infer<typeof RelatedSheetSchema>

/** A duplicate merged into the sheet, as the kept sheet's view lists it: nothing it held is lost. */
export const MergedSheetSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  askerName: z.string(),
  question: z.string(),
  occurredAt: z.date(),
  mergedAt: z.date().nullable(),
})
/** A duplicate merged into the sheet. */
export type MergedSheet = z.infer<typeof MergedSheetSchema>

/** The sheet a merged duplicate is read on. */
export const MergedIntoSchema = z.object({ id: z.uuid(), number: z.string() })

/** The asker's rating of a closed sheet, as staff read it. */
export const SheetRatingSchema = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  via: RatingVia.schema,
  ratedAt: z.date(),
})
/** The asker's rating of a sheet. */
export type SheetRating = z.infer<typeof SheetRatingSchema>
