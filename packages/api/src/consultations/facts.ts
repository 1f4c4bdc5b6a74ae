import {
  firstResponseMinutes,
  localDay,
  resolutionMinutes,
  type ConsultationFact,
  type TimeZone,
} from '@mejabantu/domain'

/** The columns a report counts of a sheet; no personal data. */
export const factColumns = {
  channel: true,
  topic: true,
  stakeholderCategory: true,
  status: true,
  staffId: true,
  occurredAt: true,
  firstResponseAt: true,
  closedAt: true,
  referredAt: true,
} as const

/** A sheet read with {@link factColumns}. */
export interface FactRow {
  channel: string
  topic: string
  stakeholderCategory: string
  status: string
  staffId: string | null
  occurredAt: Date
  firstResponseAt: Date | null
  closedAt: Date | null
  referredAt: Date | null
}

/** A sheet as the domain's report summary counts it, on the office's local day. */
export function toFact(officeId: string, zone: TimeZone, row: FactRow): ConsultationFact {
  return {
    officeId,
    day: localDay(row.occurredAt, zone),
    channel: row.channel,
    topic: row.topic,
    stakeholderCategory: row.stakeholderCategory,
    status: row.status,
    staffId: row.staffId,
    referred: row.referredAt !== null,
    firstResponseMinutes: firstResponseMinutes(row),
    resolutionMinutes: resolutionMinutes(row),
  }
}
