import { ParticipantSchema, type Attachment, type AttachmentType } from '@mejabantu/domain'
import { z } from 'zod'
import type { AuditSnapshot } from '../shared/audit-writer.ts'
import { listItemFields, type ConsultationListItem, type ConsultationRecord } from './schemas.ts'

const ParticipantsSchema = z.array(ParticipantSchema)

/** A Consultation row as Prisma returns it (every scalar column but the search vector). */
export interface ConsultationRow {
  id: string
  officeId: string
  number: string
  channel: string
  askerName: string
  askerInstitution: string | null
  askerContact: string | null
  stakeholderCategory: string
  topic: string
  subTopic: string | null
  question: string
  participants: unknown
  minutes: string | null
  answer: string | null
  legalBasis: string | null
  status: string
  staffId: string | null
  answeredById: string | null
  referredToOfficeId: string | null
  referralNote: string | null
  referralTeam: string | null
  visitId: string | null
  candidatePairId: string | null
  occurredAt: Date
  firstResponseAt: Date | null
  answeredAt: Date | null
  referredAt: Date | null
  closedAt: Date | null
  createdAt: Date
  updatedAt: Date
  tags: string[]
  mergedIntoId: string | null
  mergedAt: Date | null
}

const optional = <T>(value: T | null) => value ?? undefined

type Classified = Pick<ConsultationRecord, 'channel' | 'stakeholderCategory' | 'topic' | 'status'> & {
  referralTeam: ConsultationRecord['referralTeam']
}

/** A row's classifying columns as the domain's values; the procedure's output schema checks them. */
const classified = (
  row: Record<Exclude<keyof Classified, 'referralTeam'>, string> & { referralTeam: string | null },
): Classified => ({
  referralTeam: row.referralTeam as Classified['referralTeam'],
  channel: row.channel as Classified['channel'],
  stakeholderCategory: row.stakeholderCategory as Classified['stakeholderCategory'],
  topic: row.topic as Classified['topic'],
  status: row.status as Classified['status'],
})

/**
 * The domain's sheet from a row: empty optional input fields become absent, as the input schema has them.
 * Enumerations are checked by the procedure's output schema.
 */
export function toConsultationRecord(row: ConsultationRow): ConsultationRecord {
  // The rating link's secret never leaves with the sheet, whatever the output schema keeps.
  const { ratingToken: _secret, ...sheet } = row as ConsultationRow & { ratingToken?: unknown }
  return {
    ...sheet,
    ...classified(row),
    askerInstitution: optional(row.askerInstitution),
    askerContact: optional(row.askerContact),
    minutes: optional(row.minutes),
    visitId: optional(row.visitId),
    candidatePairId: optional(row.candidatePairId),
    participants: ParticipantsSchema.parse(row.participants),
  }
}

/** The editable and lifecycle fields of a sheet for an audit snapshot (participants as JSON text). */
export function consultationSnapshot(row: Partial<ConsultationRow>): AuditSnapshot {
  const snapshot: AuditSnapshot = {}
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue
    if (value instanceof Date) snapshot[key] = value.toISOString()
    else if (key === 'participants') snapshot[key] = JSON.stringify(value)
    else snapshot[key] = value as string | number | boolean | null
  }
  return snapshot
}

/** An Attachment row as procedures describe it. */
export function toAttachment(row: {
  id: string
  consultationId: string
  fileName: string
  contentType: string
  size: number
  sha256: string
  uploadedById: string | null
  createdAt: Date
}): Attachment {
  return {
    id: row.id,
    consultationId: row.consultationId,
    fileName: row.fileName,
    contentType: row.contentType as AttachmentType,
    size: row.size,
    sha256: row.sha256,
    uploadedById: row.uploadedById,
    createdAt: row.createdAt,
  }
}

/** The columns a list line needs; the question is cut to an excerpt. */
export const listItemSelect = {
  ...listItemFields,
  question: true,
  tags: true,
  mergedIntoId: true,
  office: { select: { id: true, name: true, regionCode: true, timeZone: true } },
} as const

const EXCERPT_CHARS = 160

/** The start of a text for a list line, by code point, so an emoji is never cut in half. */
export function excerpt(text: string): string {
  const chars = Array.from(text)
  return chars.length > EXCERPT_CHARS
    ? `${chars
        .slice(0, EXCERPT_CHARS - 1)
        .join('')
        .trimEnd()}…`
    : text
}

/** A list line from a row selected with {@link listItemSelect}. */
export function toListItem(
  row: Pick<ConsultationRow, keyof typeof listItemFields | 'question' | 'tags' | 'mergedIntoId'> & {
    office: ConsultationListItem['office']
  },
  rank: number | null,
): ConsultationListItem {
  const { question, ...line } = row
  return {
    ...line,
    ...classified(row),
    askerInstitution: optional(row.askerInstitution),
    candidatePairId: optional(row.candidatePairId),
    visitId: optional(row.visitId),
    questionExcerpt: excerpt(question),
    rank,
  }
}
