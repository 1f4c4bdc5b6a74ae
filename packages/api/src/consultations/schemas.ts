import {
  AnswerInputSchema,
  AttachmentSchema,
  Channel,
  ConsultationInputSchema,
  ConsultationSchema,
  ConsultationStatus,
  LocalDateSchema,
  normaliseTag,
  ParticipantSchema,
  ReferralInputSchema,
  ReferralTeam,
  RegionCodeSchema,
  StakeholderCategory,
  TimeZone,
  TopicCodeSchema,
} from '@mejabantu/domain'
import { z } from 'zod'
import {
  MergedIntoSchema,
  MergedSheetSchema,
  RelatedSheetSchema,
  SheetRatingSchema,
} from './relations-schemas.ts'

/** A stored sheet as procedures return it: the domain's sheet plus who answered and when it changed. */
export const ConsultationRecordSchema = ConsultationSchema.extend({
  answeredById: z.uuid().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** Staff's labels, lower case. */
  tags: z.array(z.string()),
  /** Set once the sheet was merged into another as its duplicate: read and counted there. */
  mergedIntoId: z.uuid().nullable(),
  mergedAt: z.date().nullable(),
})
/** A stored sheet as procedures return it. */
export type ConsultationRecord = z.infer<typeof ConsultationRecordSchema>

/** One sheet, by id. */
export const ConsultationIdSchema = z.object({ id: z.uuid() })
/** An answer to one sheet, naming the knowledge-base articles inserted into it (recorded as used). */
export const AnswerConsultationSchema = AnswerInputSchema.extend({
  id: z.uuid(),
  articleIds: z.array(z.uuid()).max(10).optional(),
})
/** A referral of one sheet to the parent office. */
export const ReferConsultationSchema = ReferralInputSchema.extend({ id: z.uuid() })

const fields = ConsultationInputSchema.shape
/** Typo fixes on an open sheet: only the fields given change; `null` clears an optional one. */
export const UpdateConsultationSchema = z
  .object({
    id: z.uuid(),
    askerName: fields.askerName.optional(),
    askerInstitution: fields.askerInstitution.unwrap().nullable().optional(),
    askerContact: fields.askerContact.unwrap().nullable().optional(),
    question: fields.question.optional(),
    /** Staff correcting what the sheet is about; a new topic drops the old one's sub-topic. */
    topic: fields.topic.optional(),
    subTopic: fields.subTopic.unwrap().nullable().optional(),
    participants: z.array(ParticipantSchema).max(500).optional(),
    minutes: fields.minutes.unwrap().nullable().optional(),
  })
  .refine((patch) => Object.values(patch).filter((v) => v !== undefined).length > 1, {
    message: 'Nothing to change',
  })
/** Typo fixes on an open sheet. */
export type UpdateConsultation = z.infer<typeof UpdateConsultationSchema>

const paging = {
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
}
const dayRange = {
  /** First and last day, inclusive, in the office's own time zone. */
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
}
const orderedDays = (range: { from?: string | undefined; to?: string | undefined }) =>
  !range.from || !range.to || range.from <= range.to
const unorderedDays = { message: '"from" must not be after "to"', path: ['to'] }

/** Filters, search and paging of the consultation list; every field optional, none unknown. */
export const ConsultationListInputSchema = z
  .strictObject({
    /** An office within the caller's scope; their own when not given. */
    officeId: z.uuid().optional(),
    channel: Channel.schema.optional(),
    topic: TopicCodeSchema.optional(),
    stakeholderCategory: StakeholderCategory.schema.optional(),
    status: ConsultationStatus.schema.optional(),
    ...dayRange,
    staffId: z.uuid().optional(),
    candidatePairId: z.uuid().optional(),
    /** Web-search syntax: words, "a phrase", -excluded, or. */
    q: z.string().trim().max(200).optional(),
    /** Sheets carrying this tag (normalised as tags are stored). */
    tag: z.string().max(60).transform(normaliseTag).optional(),
    /** Duplicates merged into another sheet: hidden by default, listed with the rest, or listed alone. */
    merged: z.enum(['hide', 'include', 'only']).optional(),
    ...paging,
  })
  .refine(orderedDays, unorderedDays)
  .prefault({})
/** Filters, search and paging of the consultation list. */
export type ConsultationListInput = z.infer<typeof ConsultationListInputSchema>

/** Referrals waiting for an answer at an office (the caller's own by default). */
export const InboxInputSchema = z
  .strictObject({
    officeId: z.uuid().optional(),
    /** The SILON team reads the referrals meant for it; the policy line the others. */
    team: ReferralTeam.schema.optional(),
    ...paging,
  })
  .prefault({})
/** Paging of the referral inbox. */
export type InboxInput = z.infer<typeof InboxInputSchema>

/** An office as a consultation names it. */
export const OfficeRefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  regionCode: RegionCodeSchema,
  timeZone: TimeZone.schema,
})

/** A person as a consultation names them (staff who recorded, answered or changed it). */
export const UserRefSchema = z.object({ id: z.uuid(), displayName: z.string() })

/** The sheet fields a list line shows, as a Zod pick mask and a Prisma select alike. */
export const listItemFields = {
  id: true,
  number: true,
  channel: true,
  askerName: true,
  askerInstitution: true,
  stakeholderCategory: true,
  topic: true,
  subTopic: true,
  status: true,
  occurredAt: true,
  staffId: true,
  referredToOfficeId: true,
  referralNote: true,
  referralTeam: true,
  referredAt: true,
  candidatePairId: true,
  visitId: true,
} as const

/** One line of the consultation list or the referral inbox. */
export const ConsultationListItemSchema = ConsultationSchema.pick(listItemFields).extend({
  office: OfficeRefSchema,
  /** The start of the question, for the list. */
  questionExcerpt: z.string(),
  /** Relevance to `q` (higher first); null without a search. */
  rank: z.number().nullable(),
  tags: z.array(z.string()),
  mergedIntoId: z.uuid().nullable(),
})
/** One line of the consultation list. */
export type ConsultationListItem = z.infer<typeof ConsultationListItemSchema>

/** One page of consultations with the total that match. */
export const ConsultationPageSchema = z.object({
  items: z.array(ConsultationListItemSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
})
/** One page of consultations. */
export type ConsultationPage = z.infer<typeof ConsultationPageSchema>

/** One change in a sheet's history, from the audit trail. */
export const HistoryEntrySchema = z.object({
  action: z.string(),
  occurredAt: z.date(),
  actor: UserRefSchema.nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
})

/** A whole sheet: its fields, offices and people, links, attachments and history. */
export const ConsultationDetailSchema = z.object({
  consultation: ConsultationRecordSchema,
  office: OfficeRefSchema,
  referredToOffice: OfficeRefSchema.nullable(),
  staff: UserRefSchema.nullable(),
  answeredBy: UserRefSchema.nullable(),
  visit: z
    .object({ id: z.uuid(), queueNumber: z.string(), checkedInAt: z.date(), status: z.string() })
    .nullable(),
  candidatePair: z
    .object({
      id: z.uuid(),
      ballotNumber: z.number().int().nullable(),
      pathway: z.string(),
      candidates: z.array(z.object({ role: z.string(), fullName: z.string() })),
    })
    .nullable(),
  attachments: z.array(AttachmentSchema),
  history: z.array(HistoryEntrySchema),
  /** The sheet this duplicate was merged into ("digabung ke LK-…"); null unless merged. */
  mergedInto: MergedIntoSchema.nullable(),
  /** Duplicates merged into this sheet, oldest first, with their asker and question. */
  merged: z.array(MergedSheetSchema),
  /** Sheets linked to this one as related. */
  related: z.array(RelatedSheetSchema),
  /** The asker's rating once given. */
  rating: SheetRatingSchema.nullable(),
})
/** A whole sheet. */
export type ConsultationDetail = z.infer<typeof ConsultationDetailSchema>

/** One attachment, by id. */
export const AttachmentIdSchema = z.object({ id: z.uuid() })

/** A downloaded attachment: its description and its bytes as base64. */
export const AttachmentContentSchema = AttachmentSchema.extend({ contentBase64: z.base64() })
