import { z } from 'zod'
import { firstResponseMinutes, type ConsultationState } from './consultation-lifecycle.ts'
import { Channel, ConsultationStatus, StakeholderCategory, Topic, type Consultation } from './consultation.ts'
import { localDay, type TimeZone } from './time.ts'

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
