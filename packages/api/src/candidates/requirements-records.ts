import { CheckStatus, type CheckEvent, type RequirementCheckRecord } from '@mejabantu/domain'
import type { Transaction } from '@mejabantu/db'

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
  events: {
    from: string
    to: string
    reason: string | null
    evidence: string | null
    at: Date
    byUserId: string
  }[]
}

/** Loads a check's events in the order they happened. */
export const checkWithHistory = {
  events: { orderBy: [{ at: 'asc' as const }, { id: 'asc' as const }] },
}

/** A stored event in the domain's terms. */
export const checkEvent = (event: CheckRow['events'][number]): CheckEvent => ({
  ...event,
  from: CheckStatus.schema.parse(event.from),
  to: CheckStatus.schema.parse(event.to),
})

/** A stored check and its history in the domain's terms. */
export function checkRecord({ events, ...row }: CheckRow): RequirementCheckRecord {
  return { ...row, status: CheckStatus.schema.parse(row.status), history: events.map(checkEvent) }
}

/** A check, its pair's office, and the calendar and zone its steps are judged by. */
export function findCheckContext(tx: Transaction, ids: string[]) {
  return tx.requirementCheck.findMany({
    where: { id: { in: ids } },
    include: {
      pair: {
        select: {
          officeId: true,
          election: { select: { calendar: true, office: { select: { timeZone: true } } } },
        },
      },
    },
  })
}
