import { ReferralTeam, TopicCodeSchema, TopicInputSchema } from '@mejabantu/domain'
import { z } from 'zod'

/** A topic as the console lists it: the catalogue's fields, who owns it and whether this office edits it. */
export const TopicRecordSchema = z.object({
  code: TopicCodeSchema,
  parentCode: TopicCodeSchema.nullable(),
  labelId: z.string(),
  labelEn: z.string().nullable(),
  referralTeam: ReferralTeam.schema.nullable(),
  officeId: z.uuid().nullable(),
  /** The owning office's name; null for a national topic. */
  ownerName: z.string().nullable(),
  sortOrder: z.number().int(),
  archived: z.boolean(),
  editable: z.boolean(),
})
/** A topic as listed. */
export type TopicRecord = z.infer<typeof TopicRecordSchema>

/** The catalogue an office reads; archived topics only when asked (the admin screen). */
export const TopicListInputSchema = z
  .strictObject({ includeArchived: z.boolean().default(false) })
  .prefault({})

/** A new topic or sub-topic of the actor's office. */
export const CreateTopicSchema = TopicInputSchema

/** An edit of a topic's labels, referral team or place in the list; its code never changes. */
export const UpdateTopicSchema = z
  .strictObject({
    code: TopicCodeSchema,
    labelId: TopicInputSchema.shape.labelId.optional(),
    labelEn: TopicInputSchema.shape.labelId.nullable().optional(),
    referralTeam: ReferralTeam.schema.nullable().optional(),
    sortOrder: TopicInputSchema.shape.sortOrder,
  })
  .refine((patch) => Object.values(patch).filter((v) => v !== undefined).length > 1, {
    message: 'Nothing to change',
  })
/** An edit of a topic. */
export type UpdateTopic = z.infer<typeof UpdateTopicSchema>

/** One topic, by code. */
export const TopicCodeInputSchema = z.strictObject({ code: TopicCodeSchema })
