import type { Database, Transaction } from '@mejabantu/db'
import {
  moveVisit,
  nextToCall,
  recallVisit,
  waitingOrder,
  type RuleResult,
  type VisitStatus,
} from '@mejabantu/domain'
import { z } from 'zod'
import { queueCalledNotice } from '../messaging/visit-notices.ts'
import { ensure, refuse } from '../shared/errors.ts'
import type { OfficeScope } from '../shared/tenancy.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import type { Actor } from '../shared/actor.ts'
import { waitingEntries } from './queue-position.ts'
import { publishQueueMove } from './queue-events.ts'
import { dateColumn, officeDay } from './day.ts'
import { visitViolations } from './violations.ts'
import { asStatus, toVisitView, visitViewSelect, type VisitView } from './view.ts'

/** The domain rule of a move: from the status a visit has, the status it may get (or why not). */
export type Move = (from: VisitStatus) => RuleResult<VisitStatus>
export const moveTo =
  (status: VisitStatus): Move =>
  (from) =>
    moveVisit(from, status)

/** What each move writes besides the status. */
type MoveData = {
  calledAt?: Date | null
  desk?: string | null
  servedAt?: Date
  servedById?: string
  checkedOutAt?: Date
  checkOutKind?: 'staff'
}

const snapshot = (v: { status: string; queueNumber: string; calledAt: Date | null }) => ({
  status: v.status,
  queueNumber: v.queueNumber,
  calledAt: v.calledAt?.toISOString() ?? null,
})

/**
 * Moves a visit of the actor's own office from the status it has as the domain's `move` allows, in the
 * caller's transaction. The update is conditional on the status it read, so of two desks acting on
 * one visit at once only one moves it; the other is refused with the status it found.
 */
export async function moveVisitIn(
  tx: Transaction,
  actor: Actor,
  visitId: string,
  move: Move,
  action: string,
  data: MoveData,
): Promise<VisitView> {
  const found = await tx.visit.findUnique({ where: { id: visitId }, select: visitViewSelect })
  if (!found) refuse('NOT_FOUND', visitViolations.notFound(visitId))
  actor.scope.write(found.officeId)
  const from = asStatus(found.status)
  const status = ensure(move(from), 'CONFLICT')
  const { count } = await tx.visit.updateMany({
    where: { id: visitId, status: from },
    data: { status, ...data },
  })
  // Another desk moved it between our read and our write: judge the move again from where it is now.
  if (count === 0) return moveVisitIn(tx, actor, visitId, move, action, data)
  const moved = await tx.visit.findUniqueOrThrow({ where: { id: visitId }, select: visitViewSelect })
  await writeAudit(tx, {
    actorId: actor.userId,
    action,
    targetType: 'Visit',
    targetId: visitId,
    before: snapshot(found),
    after: snapshot(moved),
    ip: actor.ip,
  })
  return toVisitView(moved)
}

type MoveArgs = Parameters<typeof moveVisitIn> extends [Transaction, ...infer Rest] ? Rest : never

/** One move in its own transaction. */
export async function moveVisitStatus(db: Database, ...move: MoveArgs): Promise<VisitView> {
  const moved = await db.prisma.$transaction((tx) => moveVisitIn(tx, ...move))
  await publishQueueMove(db, moved.officeId)
  return moved
}

/** Calls a called visitor again (`calledAt` moves, so the board shows the number anew). */
export const recall = (db: Database, actor: Actor, visitId: string, now = new Date()) =>
  moveVisitStatus(db, actor, visitId, recallVisit, 'queue.recall', {
    calledAt: now,
    // Recalled from another desk, the guest now goes there; a desk not yet picked keeps the last one.
    ...(actor.desk && { desk: actor.desk }),
  })

export const noShow = (db: Database, actor: Actor, visitId: string) =>
  moveVisitStatus(db, actor, visitId, moveTo('tidak_hadir'), 'queue.no_show', {})

/** A visitor who missed the call rejoins with the same number, at the place their arrival gives them. */
export const requeue = (db: Database, actor: Actor, visitId: string) =>
  moveVisitStatus(db, actor, visitId, moveTo('menunggu'), 'queue.requeue', { calledAt: null })

export const checkOut = (db: Database, actor: Actor, visitId: string, now = new Date()) =>
  moveVisitStatus(db, actor, visitId, moveTo('selesai'), 'queue.check_out', {
    checkedOutAt: now,
    checkOutKind: 'staff',
  })

/**
 * Calls the next visitor of the actor's office today (priority lane first, by the domain's order), or
 * returns null when nobody waits. Desks calling at once each get a different visitor: the call is a
 * conditional update, and a desk that loses the race takes the next in line.
 */
export async function callNext(db: Database, actor: Actor, now = new Date()): Promise<VisitView | null> {
  const officeId = actor.scope.write()
  const { today } = await officeDay(db.prisma, officeId, now)
  const serviceDay = dateColumn(today)
  for (;;) {
    const next = nextToCall(await waitingEntries(db.prisma, officeId, serviceDay))
    if (!next) return null
    const called = await db.prisma.$transaction(async (tx) => {
      const { count } = await tx.visit.updateMany({
        where: { id: next.id, status: 'menunggu' },
        data: { status: ensure(moveVisit('menunggu', 'dipanggil')), calledAt: now, desk: actor.desk ?? null },
      })
      if (count === 0) return null
      const visit = await tx.visit.findUniqueOrThrow({ where: { id: next.id }, select: visitViewSelect })
      await writeAudit(tx, {
        actorId: actor.userId,
        action: 'queue.call',
        targetType: 'Visit',
        targetId: visit.id,
        before: snapshot({ ...visit, status: 'menunggu', calledAt: null }),
        after: snapshot(visit),
        ip: actor.ip,
      })
      await queueCalledNotice(tx, visit.id)
      return toVisitView(visit)
    })
    if (called) {
      await publishQueueMove(db, officeId)
      return called
    }
  }
}

/** The waiting-room screen: numbers only, never names. */
export const QueueBoardSchema = z.object({
  serviceDay: z.iso.date(),
  /** Called and not yet at the desk, most recent call first. */
  called: z.array(z.object({ queueNumber: z.string(), desk: z.string().nullable(), calledAt: z.date() })),
  /** The next numbers in calling order. */
  next: z.array(z.string()),
  waiting: z.number().int().min(0),
})
export type QueueBoard = z.infer<typeof QueueBoardSchema>

const BOARD_NEXT = 5

export const queueBoard = (
  db: Database,
  scope: OfficeScope,
  officeId: string | undefined,
  now = new Date(),
) => officeBoard(db, scope.read(officeId), now)

/** The board of one office, for whoever may read it (staff by scope, a display by its pairing). */
export async function officeBoard(db: Database, office: string, now = new Date()): Promise<QueueBoard> {
  const { today } = await officeDay(db.prisma, office, now)
  const serviceDay = dateColumn(today)
  const called = await db.prisma.visit.findMany({
    where: { officeId: office, serviceDay, status: 'dipanggil' },
    select: { queueNumber: true, desk: true, calledAt: true },
    orderBy: [{ calledAt: 'desc' }, { queueNumber: 'asc' }],
  })
  const waiting = waitingOrder(await waitingEntries(db.prisma, office, serviceDay))
  return {
    serviceDay: today,
    called: called.map((v) => ({ queueNumber: v.queueNumber, desk: v.desk, calledAt: v.calledAt ?? now })),
    next: waiting.slice(0, BOARD_NEXT).map((v) => v.queueNumber),
    waiting: waiting.length,
  }
}
