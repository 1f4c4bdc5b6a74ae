import type { Database, Transaction } from '@mejabantu/db'
import { estimatedWaitMinutes, VisitStatus, type QueueEntry } from '@mejabantu/domain'
import { z } from 'zod'
import { asPriority, asStatus } from './visits-view.ts'

type Reader = Database['prisma'] | Transaction

/** A visitor's ticket: number, status, and while waiting how many are ahead and the estimated wait. */
export const TicketSchema = z.object({
  visitId: z.uuid(),
  queueNumber: z.string(),
  status: VisitStatus.schema,
  /** Called to the desk and not yet served: the ticket screen tells the visitor to go. */
  called: z.boolean(),
  /** Visitors ahead in calling order (0 = next); null once no longer waiting. */
  position: z.number().int().min(0).nullable(),
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
  checkedInAt: z.date(),
  calledAt: z.date().nullable(),
})
export type Ticket = z.infer<typeof TicketSchema>

/** The visits of an office's service day that are waiting, as the domain's queue rules read them. */
export async function waitingEntries(db: Reader, officeId: string, serviceDay: Date): Promise<QueueEntry[]> {
  const rows = await db.visit.findMany({
    where: { officeId, serviceDay, status: 'menunggu' },
    select: { id: true, status: true, priority: true, queueNumber: true, checkedInAt: true },
  })
  return rows.map((r) => ({ ...r, status: asStatus(r.status), priority: asPriority(r.priority) }))
}

/** Today's service times (called to the desk → checked out) and how many staff served, for the estimate. */
async function serviceHistory(db: Reader, officeId: string, serviceDay: Date) {
  const served = await db.visit.findMany({
    where: { officeId, serviceDay, servedAt: { not: null }, checkedOutAt: { not: null } },
    select: { servedAt: true, checkedOutAt: true, servedById: true },
  })
  return {
    minutes: served.map((v) => (v.checkedOutAt!.getTime() - v.servedAt!.getTime()) / 60_000),
    desks: new Set(served.map((v) => v.servedById)).size,
  }
}

/** The ticket of a visit, its place in the queue computed by the domain's calling order. */
export async function ticketOf(
  db: Reader,
  visit: {
    id: string
    officeId: string
    serviceDay: Date
    status: string
    queueNumber: string
    checkedInAt: Date
    calledAt: Date | null
  },
): Promise<Ticket> {
  const status = asStatus(visit.status)
  const base = {
    visitId: visit.id,
    queueNumber: visit.queueNumber,
    status,
    called: status === 'dipanggil',
    checkedInAt: visit.checkedInAt,
    calledAt: visit.calledAt,
  }
  if (status !== 'menunggu') return { ...base, position: null, estimatedWaitMinutes: null }
  const position = await visitsAhead(db, visit)
  const history = await serviceHistory(db, visit.officeId, visit.serviceDay)
  return {
    ...base,
    position,
    estimatedWaitMinutes: estimatedWaitMinutes(position, history.minutes, history.desks),
  }
}

/**
 * How many waiting visits come before this one in the domain's calling order (`waitingOrder`: priority
 * first, then check-in time, then ticket letter and sequence), counted by the database: a day's queue can
 * hold thousands, and every ticket shown asks. A test holds this count to `waitingOrder` on random queues.
 */
async function visitsAhead(
  db: Reader,
  visit: { id: string; officeId: string; serviceDay: Date; queueNumber: string; checkedInAt: Date },
): Promise<number> {
  const [row] = await db.$queryRaw<{ ahead: bigint }[]>`
    WITH me AS (
      SELECT "priority" IS NOT NULL AS prior, "checkedInAt" AS at, left("queueNumber", 1) AS letter,
             "queueSequence" AS seq
      FROM "Visit" WHERE "id" = ${visit.id}::uuid
    )
    SELECT count(*) AS ahead FROM "Visit" v, me
    WHERE v."officeId" = ${visit.officeId}::uuid AND v."serviceDay" = ${visit.serviceDay}::date
      AND v."status" = 'menunggu' AND v."id" <> ${visit.id}::uuid
      AND ((v."priority" IS NOT NULL) > me.prior
        OR ((v."priority" IS NOT NULL) = me.prior
          AND (v."checkedInAt", left(v."queueNumber", 1), v."queueSequence") < (me.at, me.letter, me.seq)))`
  return Number(row?.ahead ?? 0)
}

/** What `ticketOf` needs of a visit row. */
export const ticketSelect = {
  id: true,
  officeId: true,
  serviceDay: true,
  status: true,
  queueNumber: true,
  checkedInAt: true,
  calledAt: true,
} as const
