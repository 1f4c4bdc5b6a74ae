import { z } from 'zod'
import { firstResponseMinutes, type ConsultationState } from './consultation-lifecycle.ts'
import { Channel, ConsultationStatus, StakeholderCategory, type Consultation } from './consultation.ts'
import { LabelSchema, type Label } from './labels.ts'
import { TopicCodeSchema } from './topic.ts'
import { HelpdeskContactsSchema } from './office-settings.ts'
import { OfficeLevel, RegionCodeSchema } from './office.ts'
import { MIN_PUBLIC_GROUP, suppressSmallCells } from './publication-groups.ts'
import { durationSpread, durationStats, type ReportSummary } from './report.ts'
import { localDay, TimeZone } from './time.ts'

/**
 * One line of the public consultation log. Strict and built only from enumerations, a date and a number:
 * there is no field a name, phone, e-mail or free text could travel in (UU PDP). A category the day's
 * figures would not show (fewer than {@link MIN_PUBLIC_GROUP} that day) reads "lainnya".
 */
export const PublicConsultationSchema = z.strictObject({
  day: z.iso.date(),
  channel: Channel.schema,
  topic: TopicCodeSchema,
  stakeholderCategory: StakeholderCategory.schema,
  status: ConsultationStatus.schema,
  minutesToFirstResponse: z.number().int().nonnegative().nullable(),
})
/** One public log line. */
export type PublicConsultation = z.infer<typeof PublicConsultationSchema>

/**
 * What the public may see of a consultation. The time of day is dropped (only the office's local day
 * remains) so a line cannot be matched to a face in the waiting room.
 */
export function toPublicConsultation(
  consultation: Pick<Consultation, 'channel' | 'topic' | 'stakeholderCategory' | 'status'> &
    Pick<ConsultationState, 'occurredAt' | 'firstResponseAt'>,
  zone: TimeZone,
): PublicConsultation {
  return PublicConsultationSchema.parse({
    day: localDay(consultation.occurredAt, zone),
    channel: consultation.channel,
    topic: consultation.topic,
    stakeholderCategory: consultation.stakeholderCategory,
    status: consultation.status,
    minutesToFirstResponse: firstResponseMinutes(consultation),
  })
}

/**
 * An office as the public page lists it: where it is, when its help desk is open and how to reach it.
 * Contacts are the office's own channels (desk phone, e-mail, group link), never a person's.
 */
export const PublicOfficeSchema = z.strictObject({
  regionCode: RegionCodeSchema,
  name: z.string().min(1),
  level: OfficeLevel.schema,
  timeZone: TimeZone.schema,
  parentRegionCode: RegionCodeSchema.nullable(),
  helpdeskHours: z.string().max(500).nullable(),
  helpdeskContacts: HelpdeskContactsSchema,
})
/** A publicly listed office. */
export type PublicOffice = z.infer<typeof PublicOfficeSchema>

const tally = <K extends z.ZodEnum>(key: K) => z.partialRecord(key, z.number().int().nonnegative())
const categoryTally = tally(StakeholderCategory.schema)

/**
 * The published figures of an office over a period: counts by topic, channel, category and status, and
 * how long first responses took. Strict and keyed only by enumerations, like the log itself; staff and
 * days are left out, so no figure points at a person. Categories describe who asked, so a category
 * counted fewer than {@link MIN_PUBLIC_GROUP} times is left out of `byCategory` and listed in
 * `suppressedCategories`, to be shown as "< 3".
 */
export const PublicSummarySchema = z.strictObject({
  consultations: z.number().int().nonnegative(),
  byTopic: z.record(TopicCodeSchema, z.number().int().nonnegative()),
  /** The labels of the topics counted, as the office's catalogue names them. */
  topicLabels: z.record(TopicCodeSchema, LabelSchema),
  byChannel: tally(Channel.schema),
  byCategory: categoryTally,
  suppressedCategories: z.array(StakeholderCategory.schema),
  byStatus: tally(ConsultationStatus.schema),
  referred: z.number().int().nonnegative(),
  firstResponse: z.strictObject({
    count: z.number().int().nonnegative(),
    meanMinutes: z.number().nonnegative().nullable(),
    medianMinutes: z.number().nonnegative().nullable(),
    p90Minutes: z.number().nonnegative().nullable(),
    /** Where the median lies (the bounds of its bucket): what the public page prints. */
    half: z
      .strictObject({ fromMinutes: z.number().nonnegative(), toMinutes: z.number().nonnegative().nullable() })
      .nullable(),
  }),
})
/** Published figures of one office. */
export type PublicSummary = z.infer<typeof PublicSummarySchema>

/** The part of a report summary that may be published; throws on a key outside the enumerations. */
export function toPublicSummary(
  summary: ReportSummary,
  topicLabels: Record<string, Label>,
  minGroup = MIN_PUBLIC_GROUP,
): PublicSummary {
  const categories = suppressSmallCells(
    categoryTally.parse(summary.byCategory),
    StakeholderCategory.values,
    minGroup,
  )
  return PublicSummarySchema.parse({
    consultations: summary.consultations,
    byTopic: summary.byTopic,
    topicLabels: Object.fromEntries(
      Object.keys(summary.byTopic).map((code) => [code, topicLabels[code] ?? { id: code, en: code }]),
    ),
    byChannel: summary.byChannel,
    byCategory: categories.shown,
    suppressedCategories: categories.suppressed,
    byStatus: summary.byStatus,
    referred: summary.referred,
    firstResponse: {
      ...durationStats(summary.firstResponse),
      half: durationSpread(summary.firstResponse).half,
    },
  })
}
