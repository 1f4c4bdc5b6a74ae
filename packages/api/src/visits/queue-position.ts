import type { Queryable } from '@mejabantu/db'
import { estimatedWaitMinutes, VisitStatus, type QueueEntry } from '@mejabantu/domain'
import { z } from 'zod'
import { asPriority, asStatus } from './view.ts'

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
export async function waitingEntries(
  db: Queryable,
  officeId: string,
  serviceDay: Date,
): Promise<QueueEntry[]> {
  const rows = await db.visit.findMany({
    where: { officeId, serviceDay, status: 'menunggu' },
    select: { id: true, status: true, priority: true, queueNumber: true, queuedAt: true },
  })
  return rows.map((r) => ({ ...r, status: asStatus(r.status), priority: asPriority(r.priority) }))
}

/** Today's service times (called to the desk → checked out) and how many staff served, for the estimate. */
async function serviceHistory(db: Queryable, officeId: string, serviceDay: Date) {
  const served = await db.visit.findMany({
    where: { officeId, serviceDay, servedAt: { not: null }, checkedOutAt: { not: null } },
    select: { servedAt: true, checkedOutAt: true, servedById: true },
  })
  return {
    minutes: served.map((v) => (v.checkedOutAt!.getTime() - v.servedAt!.getTime()) / 60_000),
    desks: new Set(served.map((v) => v.servedById)).size,
  }
}

/** A visit as tickets are made from it. */
type TicketVisit = {
  id: string
  officeId: string
  serviceDay: Date
  status: string
  queueNumber: string
  checkedInAt: Date
  calledAt: Date | null
}

/** The ticket of a visit, its place in the queue computed by the domain's calling order. */
export async function ticketOf(db: Queryable, visit: TicketVisit): Promise<Ticket> {
  return (await ticketsOf(db, [visit]))[0]!
}

/** The tickets of several visits, in their order: two queries per office and day, however many visits. */
export async function ticketsOf(db: Queryable, visits: readonly TicketVisit[]): Promise<Ticket[]> {
  const queues = new Map<string, { officeId: string; serviceDay: Date; ids: string[] }>()
  for (const visit of visits) {
    if (asStatus(visit.status) !== 'menunggu') continue
    const key = `${visit.officeId}|${visit.serviceDay.toISOString()}`
    const queue = queues.get(key) ?? { officeId: visit.officeId, serviceDay: visit.serviceDay, ids: [] }
    queue.ids.push(visit.id)
    queues.set(key, queue)
  }
  const places = new Map<string, { position: number; estimatedWaitMinutes: number }>()
  for (const queue of queues.values()) {
    const [positions, history] = await Promise.all([
      positionsInQueue(db, queue.officeId, queue.serviceDay, queue.ids),
      serviceHistory(db, queue.officeId, queue.serviceDay),
    ])
    for (const [id, position] of positions) {
      places.set(id, {
        position,
        estimatedWaitMinutes: estimatedWaitMinutes(position, history.minutes, history.desks),
      })
    }
  }
  return visits.map((visit) => {
    const status = asStatus(visit.status)
    const place = status === 'menunggu' ? places.get(visit.id) : undefined
    return {
      visitId: visit.id,
      queueNumber: visit.queueNumber,
      status,
      called: status === 'dipanggil',
      checkedInAt: visit.checkedInAt,
      calledAt: visit.calledAt,
      position: place?.position ?? null,
      estimatedWaitMinutes: place?.estimatedWaitMinutes ?? null,
    }
  })
}

// Up to this many tickets of a queue, each counts the visits ahead (cheap for one); beyond it, one ranking
// of the whole waiting queue is cheaper than that many counts.
const COUNT_EACH_UP_TO = 8

/**
 * Where the given waiting visits stand in the domain's calling order (`waitingOrder`: priority first,
 * then arrival at the server, then ticket letter and sequence; 0 = next), worked out by the database: a day's
 * queue can hold thousands, and every ticket shown asks. A test holds both ways to `waitingOrder` on
 * random queues.
 */
async function positionsInQueue(
  db: Queryable,
  officeId: string,
  serviceDay: Date,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const rows = await (ids.length <= COUNT_EACH_UP_TO
    ? db.$queryRaw<{ id: string; position: bigint }[]>`
      SELECT me."id", (
        SELECT count(*) FROM "Visit" v
        WHERE v."officeId" = me."officeId" AND v."serviceDay" = me."serviceDay" AND v."status" = 'menunggu'
          AND ((v."priority" IS NOT NULL) > (me."priority" IS NOT NULL)
            OR ((v."priority" IS NOT NULL) = (me."priority" IS NOT NULL)
              AND (v."queuedAt", left(v."queueNumber", 1), v."queueSequence")
                < (me."queuedAt", left(me."queueNumber", 1), me."queueSequence")))
      ) AS "position"
      FROM "Visit" me
      WHERE me."id" = ANY(${ids}::uuid[]) AND me."status" = 'menunggu'`
    : db.$queryRaw<{ id: string; position: bigint }[]>`
      SELECT "id", "position" FROM (
        SELECT "id", row_number() OVER (
          ORDER BY "priority" IS NOT NULL DESC, "queuedAt", left("queueNumber", 1), "queueSequence"
        ) - 1 AS "position"
        FROM "Visit"
        WHERE "officeId" = ${officeId}::uuid AND "serviceDay" = ${serviceDay}::date AND "status" = 'menunggu'
      ) AS queue
      WHERE "id" = ANY(${ids}::uuid[])`)
  return new Map(rows.map((r) => [r.id, Number(r.position)]))
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
