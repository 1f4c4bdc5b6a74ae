import { z } from 'zod'
import { firstResponseMinutes, type ConsultationState } from './consultation-lifecycle.ts'
import { Channel, ConsultationStatus, StakeholderCategory, Topic, type Consultation } from './consultation.ts'
import { HelpdeskContactsSchema } from './office-settings.ts'
import { OfficeLevel, RegionCodeSchema } from './office.ts'
import { durationStats, type ReportSummary } from './report.ts'
import { localDay, TimeZone } from './time.ts'

/**
 * One line of the public consultation log. Strict and built only from enumerations, a date and a number:
 * there is no field a name, phone, e-mail or free text could travel in (UU PDP).
 */
export const PublicConsultationSchema = z.strictObject({
  day: z.iso.date(),
  channel: Channel.schema,
  topic: Topic.schema,
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

const patterns: readonly [RegExp, string][] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[email]'],
  // NIK (16 digits) before phones, so an ID number is not half-read as one.
  [/(?<![\p{N}])\d{16}(?![\p{N}])/gu, '[NIK]'],
  [/(?:\+?62|\b0)[\s.-]?8\d(?:[\s.-]?\d){6,11}/g, '[telepon]'],
  [/\b(?:https?:\/\/|www\.)\S+/gi, '[tautan]'],
]

/**
 * Free text made safe to quote in a share post: e-mail addresses, NIK, phone numbers, links and the given
 * names (askers, participants, staff) are replaced. Names not given cannot be found, so public pages never
 * show free text at all; this is for staff-edited summaries only.
 */
export function scrubPersonalData(text: string, names: readonly string[] = []): string {
  let scrubbed = patterns.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text)
  const parts = names
    .flatMap((name) => [
      name.trim(),
      ...name
        .trim()
        .split(/\s+/)
        .filter((p) => p.length >= 3),
    ])
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
  for (const part of new Set(parts)) {
    const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    scrubbed = scrubbed.replace(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'giu'), '[nama]')
  }
  return scrubbed
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

/**
 * The published figures of an office over a period: counts by topic, channel, category and status, and
 * how long first responses took. Strict and keyed only by enumerations, like the log itself; staff and
 * days are left out, so no figure points at a person.
 */
export const PublicSummarySchema = z.strictObject({
  consultations: z.number().int().nonnegative(),
  byTopic: tally(Topic.schema),
  byChannel: tally(Channel.schema),
  byCategory: tally(StakeholderCategory.schema),
  byStatus: tally(ConsultationStatus.schema),
  referred: z.number().int().nonnegative(),
  firstResponse: z.strictObject({
    count: z.number().int().nonnegative(),
    meanMinutes: z.number().nonnegative().nullable(),
    medianMinutes: z.number().nonnegative().nullable(),
    p90Minutes: z.number().nonnegative().nullable(),
  }),
})
/** Published figures of one office. */
export type PublicSummary = z.infer<typeof PublicSummarySchema>

/** The part of a report summary that may be published; throws on a key outside the enumerations. */
export function toPublicSummary(summary: ReportSummary): PublicSummary {
  return PublicSummarySchema.parse({
    consultations: summary.consultations,
    byTopic: summary.byTopic,
    byChannel: summary.byChannel,
    byCategory: summary.byCategory,
    byStatus: summary.byStatus,
    referred: summary.referred,
    firstResponse: durationStats(summary.firstResponse),
  })
}
