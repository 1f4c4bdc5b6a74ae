import { randomUUID } from 'node:crypto'
import type { Database, Transaction } from '@mejabantu/db'
import {
  checkInTime,
  checkSheetTopic,
  formatQueueNumber,
  laneFor,
  type CheckInSchema,
  type QueueLane,
} from '@mejabantu/domain'
import type { z } from 'zod'
import { ensure, refuse } from '../shared/errors.ts'
import { cachedTopicCatalog } from '../topics/catalog.ts'
import { writeAudits } from '../shared/audit-writer.ts'
import { countVisits } from '../reports/daily-summary.ts'
import type { KioskDeviceContext } from '../kiosk/devices-token.ts'
import { BatchQueue, type Settled } from '../shared/batch-queue.ts'
import { takeKioskAllowances } from '../kiosk/throttle.ts'
import { kioskViolations } from '../kiosk/violations.ts'
import { ticketsOf, ticketSelect, type Ticket } from './queue-position.ts'
import { officeDay } from './day.ts'
import { publishQueueMove } from './queue-events.ts'
import { foundOrCreatedGuests } from './guests.ts'
import { visitViolations } from './violations.ts'

/** A check-in as the domain's schema parsed it. */
export type ParsedCheckIn = z.output<typeof CheckInSchema>

/** Where a check-in comes from: a kiosk device (rate-limited) or a staff member at the console. */
export interface CheckInSource {
  officeId: string
  /** The kiosk that sent it (rate-limited), or null when staff check a guest in. */
  device: KioskDeviceContext | null
  userId: string | null
  ip: string | null
}

interface PendingCheckIn {
  source: CheckInSource
  input: ParsedCheckIn
}

type VisitRow = Awaited<ReturnType<typeof readVisits>>[number]

// Namespace of the per-clientId advisory lock (first-run uses a single-key lock of its own).
const CHECK_IN_LOCK = 72_011_002
// Batches of one office queue behind each other (counter rows, other processes); give a burst time to drain.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 }

const batches = new WeakMap<Database, BatchQueue<PendingCheckIn, Ticket>>()

/**
 * Signs a visitor into the office's guest book and hands out a queue number. Idempotent by `clientId`:
 * a retry or an offline outbox replaying gets the same visit and number, even when copies arrive at
 * once on several server processes (they queue on an advisory lock for that clientId). The number comes
 * from the office's counter for the day and lane, bumped in the same transaction, so concurrent check-ins
 * never share one and a failed check-in leaves no gap. Check-ins of one office that arrive together are
 * written in one transaction (group commit), which is what keeps a crowded morning fast.
 */
export async function checkIn(db: Database, source: CheckInSource, input: ParsedCheckIn): Promise<Ticket> {
  // Archived topics still pass, so an offline tablet's check-in from before the archiving is not lost.
  ensure(checkSheetTopic(await cachedTopicCatalog(db, source.officeId), input.topic))
  let group = batches.get(db)
  if (!group) {
    group = new BatchQueue((_officeId, items) => checkInBatch(db, items))
    batches.set(db, group)
  }
  return group.submit(source.officeId, { source, input })
}

/**
 * One transaction for check-ins of one office. Should it fail as a whole (a deadlock with another
 * process, say), each check-in is tried again alone, so one cannot take the others down with it.
 */
async function checkInBatch(db: Database, items: PendingCheckIn[]): Promise<Settled<Ticket>[]> {
  try {
    return await checkInTogether(db, items)
  } catch (error) {
    if (items.length === 1) return [{ ok: false, error }]
    const alone: Settled<Ticket>[] = []
    for (const item of items) alone.push(...(await checkInBatch(db, [item])))
    return alone
  }
}

async function checkInTogether(db: Database, items: PendingCheckIn[]): Promise<Settled<Ticket>[]> {
  const now = new Date()
  const outcomes = await db.prisma.$transaction(async (tx) => {
    const clientIds = [...new Set(items.map((i) => i.input.clientId))].sort()
    // Sorted, so two processes locking overlapping sets take them in one order and cannot deadlock.
    await tx.$executeRaw`
      SELECT pg_advisory_xact_lock(${CHECK_IN_LOCK}::int, hashtext(id))
      FROM (SELECT unnest(${clientIds}::text[]) AS id ORDER BY 1) AS ids`
    const visits = new Map((await readVisits(tx, clientIds)).map((v) => [v.clientId, v]))
    const results: Settled<VisitRow>[] = []
    const accepted: { index: number; item: PendingCheckIn }[] = []
    const refusals = await refusalsOf(tx, items, visits, now)
    items.forEach((item, index) => {
      const replay = visits.get(item.input.clientId)
      const refusal = refusals[index]
      if (refusal) results[index] = { ok: false, error: refusal }
      else if (replay) results[index] = { ok: true, value: replay }
      else accepted.push({ index, item })
    })
    const created = await createVisits(
      tx,
      accepted.map((a) => a.item),
      now,
    )
    accepted.forEach(({ index, item }) => {
      const visit = created.get(item.input.clientId)!
      results[index] = { ok: true, value: visit }
    })
    return results
  }, TRANSACTION_OPTIONS)
  const visits = outcomes.flatMap((o) => (o.ok ? [o.value] : []))
  if (visits.length > 0) await publishQueueMove(db, visits[0]!.officeId)
  const tickets = new Map((await ticketsOf(db.prisma, visits)).map((t) => [t.visitId, t]))
  return outcomes.map((o) => (o.ok ? { ok: true, value: tickets.get(o.value.id)! } : o))
}

const readVisits = (tx: Transaction, clientIds: string[]) =>
  tx.visit.findMany({ where: { clientId: { in: clientIds } }, select: { ...ticketSelect, clientId: true } })

/**
 * Why each check-in is refused, or undefined: a clientId another office used, a consent text the office
 * does not have, or a kiosk over its allowance (taken in arrival order, so the first ones go through).
 * Copies of a clientId after its first share that first one's fate.
 */
async function refusalsOf(
  tx: Transaction,
  items: PendingCheckIn[],
  visits: Map<string, VisitRow>,
  now: Date,
): Promise<(Error | undefined)[]> {
  const refusals: (Error | undefined)[] = []
  const fresh = new Map<string, number>()
  const versions = [...new Set(items.map((i) => i.input.consentVersion))]
  const consents = await tx.consentText.findMany({
    where: { version: { in: versions } },
    select: { version: true, officeId: true },
  })
  const wanted = new Map<string, { device: KioskDeviceContext; count: number }>()
  items.forEach(({ source, input }, index) => {
    const stored = visits.get(input.clientId)
    const first = fresh.get(input.clientId)
    if (stored && stored.officeId !== source.officeId) {
      refusals[index] = violation('CONFLICT', visitViolations.clientIdTaken(input.clientId))
    } else if (!stored && first === undefined) {
      fresh.set(input.clientId, index)
      // Version names are per office: only the office's own or a default version counts.
      const consent = consents.find(
        (c) => c.version === input.consentVersion && (c.officeId === null || c.officeId === source.officeId),
      )
      if (!consent) {
        refusals[index] = violation('BAD_REQUEST', visitViolations.consentUnknown(input.consentVersion))
      } else if (source.device) {
        const ask = wanted.get(source.device.id) ?? { device: source.device, count: 0 }
        ask.count += 1
        wanted.set(source.device.id, ask)
      }
    }
  })
  if (wanted.size > 0) {
    const allowances = await takeKioskAllowances(tx, [...wanted.values()], 'checkIn', now)
    const used = new Map<string, number>()
    items.forEach(({ source, input }, index) => {
      if (!source.device || refusals[index] || fresh.get(input.clientId) !== index) return
      const allowance = allowances.get(source.device.id)!
      const taken = (used.get(source.device.id) ?? 0) + 1
      used.set(source.device.id, taken)
      if (taken > allowance.granted) {
        refusals[index] = violation('TOO_MANY_REQUESTS', kioskViolations.rateLimited(allowance.renewsAt, now))
      }
    })
  }
  // A copy shares its first one's fate: refused with it, or a replay of the visit it creates.
  items.forEach(({ input }, index) => {
    const first = fresh.get(input.clientId)
    if (first !== undefined && first !== index) refusals[index] = refusals[first]
  })
  return refusals
}

function violation(...args: Parameters<typeof refuse>): Error {
  try {
    refuse(...args)
  } catch (error) {
    return error as Error
  }
}

/** The visits of accepted check-ins, numbered in arrival order, counted and audited: by clientId. */
async function createVisits(
  tx: Transaction,
  items: PendingCheckIn[],
  now: Date,
): Promise<Map<string, VisitRow>> {
  const firsts = [...new Map(items.map((i) => [i.input.clientId, i])).values()]
  if (firsts.length === 0) return new Map()
  const officeId = firsts[0]!.source.officeId
  const { office, today } = await officeDay(tx, officeId, now)
  const guests = await foundOrCreatedGuests(
    tx,
    officeId,
    firsts.map((i) => i.input.guest),
  )
  const lanes = firsts.map((i) => laneFor(i.input.priority))
  // Taken last but the writes, so the counter rows stay locked for as short a time as possible.
  const sequences = await nextQueueSequences(tx, officeId, today, lanes)
  const visits = await insertVisits(
    tx,
    firsts.map(({ input, source }, i) => ({
      id: randomUUID(),
      clientId: input.clientId,
      officeId,
      guestId: guests[i]!.id,
      deviceId: source.device?.id ?? null,
      topic: input.topic,
      purpose: input.purpose || null,
      priority: input.priority,
      notifyOnCall: input.notifyOnCall && !!(input.guest.email || input.guest.phone),
      consentVersion: input.consentVersion,
      serviceDay: today,
      queueLane: lanes[i]!,
      queueSequence: sequences[i]!,
      queueNumber: formatQueueNumber(lanes[i]!, sequences[i]!),
      provisionalNumber: input.provisionalNumber ?? null,
      checkedInAt: checkInTime(input.checkedInAt, now, office.timeZone),
    })),
  )
  const byClientId = new Map(visits.map((v) => [v.clientId, v]))
  await countVisits(tx, officeId, today, visits.length)
  // No names or phone numbers in the trail: it outlives the guest book's retention period.
  await writeAudits(
    tx,
    firsts.map(({ input, source }, i) => {
      const visit = byClientId.get(input.clientId)!
      return {
        actorId: source.userId,
        officeId,
        action: 'visit.check_in',
        targetType: 'Visit',
        targetId: visit.id,
        after: {
          officeId,
          guestId: guests[i]!.id,
          guestCreated: guests[i]!.created,
          guestUpdated: guests[i]!.updated,
          deviceId: source.device?.id ?? null,
          queueNumber: visit.queueNumber,
          provisionalNumber: input.provisionalNumber ?? null,
          serviceDay: today,
          status: 'menunggu',
          topic: input.topic,
          priority: input.priority,
          consentVersion: input.consentVersion,
          checkedInAt: visit.checkedInAt.toISOString(),
        },
        ip: source.ip,
      }
    }),
  )
  return byClientId
}

interface NewVisit {
  id: string
  clientId: string
  officeId: string
  guestId: string
  deviceId: string | null
  topic: string
  purpose: string | null
  priority: string | null
  notifyOnCall: boolean
  consentVersion: string
  /** `YYYY-MM-DD`, the office's local day. */
  serviceDay: string
  queueLane: string
  queueSequence: number
  queueNumber: string
  /** The offline tablet's number for this visit, when it was checked in offline. */
  provisionalNumber: string | null
  checkedInAt: Date
}

/**
 * Inserts the batch's visits, waiting, in one statement of arrays: one statement text for any batch size,
 * where the ORM would build a new query for each size.
 */
async function insertVisits(tx: Transaction, visits: NewVisit[]): Promise<VisitRow[]> {
  const column = <K extends keyof NewVisit>(key: K) => visits.map((v) => v[key])
  return tx.$queryRaw<VisitRow[]>`
    INSERT INTO "Visit" ("id", "clientId", "officeId", "guestId", "deviceId", "topic", "purpose", "priority",
      "notifyOnCall", "consentVersion", "serviceDay", "queueLane", "queueSequence", "queueNumber", "status",
      "checkedInAt", "provisionalNumber")
    SELECT id, client_id, office_id, guest_id, device_id, topic, purpose, priority, notify_on_call,
      consent_version, service_day, queue_lane, queue_sequence, queue_number, 'menunggu', checked_in_at,
      provisional_number
    FROM unnest(${column('id')}::uuid[], ${column('clientId')}::uuid[], ${column('officeId')}::uuid[],
      ${column('guestId')}::uuid[], ${column('deviceId')}::uuid[], ${column('topic')}::text[],
      ${column('purpose')}::text[], ${column('priority')}::text[], ${column('notifyOnCall')}::boolean[],
      ${column('consentVersion')}::text[],
      ${column('serviceDay')}::date[], ${column('queueLane')}::text[], ${column('queueSequence')}::int[],
      ${column('queueNumber')}::text[], ${column('checkedInAt')}::timestamptz[],
      ${column('provisionalNumber')}::text[])
      AS v(id, client_id, office_id, guest_id, device_id, topic, purpose, priority, notify_on_call, consent_version,
        service_day, queue_lane, queue_sequence, queue_number, checked_in_at, provisional_number)
    RETURNING "id", "clientId", "officeId", "serviceDay", "status", "queueNumber", "checkedInAt", "calledAt"`
}

/**
 * The next numbers of the office's lanes for the day, one per check-in in order: one atomic upsert per
 * lane (in a fixed lane order) that moves the counter on by as many as the batch needs.
 */
async function nextQueueSequences(
  tx: Transaction,
  officeId: string,
  day: string,
  lanes: QueueLane[],
): Promise<number[]> {
  const next = new Map<QueueLane, number>()
  for (const lane of [...new Set(lanes)].sort()) {
    const count = lanes.filter((l) => l === lane).length
    const [row] = await tx.$queryRaw<{ last: number }[]>`
      INSERT INTO "QueueCounter" ("officeId", "serviceDay", "lane", "last")
      VALUES (${officeId}::uuid, ${day}::date, ${lane}, ${count})
      ON CONFLICT ("officeId", "serviceDay", "lane") DO UPDATE SET "last" = "QueueCounter"."last" + ${count}
      RETURNING "last"`
    next.set(lane, Number(row!.last) - count + 1)
  }
  return lanes.map((lane) => {
    const sequence = next.get(lane)!
    next.set(lane, sequence + 1)
    return sequence
  })
}
