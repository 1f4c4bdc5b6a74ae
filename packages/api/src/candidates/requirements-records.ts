import {
  CheckStatus,
  StepKind,
  SubmissionChannel,
  type CheckEvent,
  type RequirementCheckRecord,
} from '@mejabantu/domain'
import type { Queryable } from '@mejabantu/db'
import { correctionColumns, correctionOf } from './correction-columns.ts'

/** A stored check event, as Prisma reads it. */
export interface CheckEventRow {
  from: string
  to: string
  kind: string
  reason: string | null
  evidence: string | null
  receivedAt: Date | null
  channel: string | null
  correctionCause: string | null
  rulingNumber: string | null
  rulingDate: Date | null
  at: Date
  byUserId: string | null
}

/** A check row with its events, oldest first, as `checkWithHistory` loads it. */
export interface CheckRow {
  id: string
  pairId: string
  requirementCode: string
  subject: string
  status: string
  reason: string | null
  evidence: string | null
  researcherId: string | null
  updatedAt: Date
  events: CheckEventRow[]
}

/** Loads a check's events in the order they happened. */
export const checkWithHistory = {
  events: { orderBy: [{ at: 'asc' as const }, { id: 'asc' as const }] },
}

/** A stored event in the domain's terms. */
export const checkEvent = (event: CheckEventRow): CheckEvent => ({
  from: CheckStatus.schema.parse(event.from),
  to: CheckStatus.schema.parse(event.to),
  kind: StepKind.schema.parse(event.kind),
  reason: event.reason,
  evidence: event.evidence,
  receivedAt: event.receivedAt,
  channel: event.channel === null ? null : SubmissionChannel.schema.parse(event.channel),
  correction: correctionOf(event),
  at: event.at,
  byUserId: event.byUserId,
})

/** A domain event as the columns of its row. */
export const checkEventColumns = ({ correction, ...event }: CheckEvent) => ({
  ...event,
  ...correctionColumns(correction),
})

/** A stored check and its history in the domain's terms. */
export function checkRecord({ events, ...row }: CheckRow): RequirementCheckRecord {
  return { ...row, status: CheckStatus.schema.parse(row.status), history: events.map(checkEvent) }
}

/** A check, its pair's office, status and current candidates, and the calendar and zone it is judged by. */
export function findCheckContext(tx: Queryable, ids: string[]) {
  return tx.requirementCheck.findMany({
    where: { id: { in: ids } },
    include: {
      pair: {
        select: {
          id: true,
          officeId: true,
          status: true,
          election: {
            select: {
              id: true,
              name: true,
              kind: true,
              calendar: true,
              catalogVersion: true,
              office: { select: { timeZone: true, regionCode: true, name: true } },
            },
          },
        },
      },
    },
  })
}
