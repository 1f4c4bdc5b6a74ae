import type { Database, Prisma, Transaction } from '@mejabantu/db'
import { emptySummary, localDay, summarise, type ConsultationFact, type TimeZone } from '@mejabantu/domain'
import { factColumns, toFact } from '../consultations/facts.ts'
import { localDayBounds } from '../shared/local-days.ts'
import { dateColumn, dayOfColumn } from '../visits/day.ts'

const EMPTY = JSON.stringify(emptySummary())

/** Creates the office's row for the day if missing, then holds its lock until the transaction ends. */
async function lockDay(tx: Transaction, officeId: string, day: string) {
  await tx.$executeRaw`
    INSERT INTO "DailySummary" ("officeId", "day", "consultations", "visits", "updatedAt")
    VALUES (${officeId}::uuid, ${day}::date, ${EMPTY}::jsonb, 0, now())
    ON CONFLICT ("officeId", "day") DO NOTHING`
  await tx.$queryRaw`
    SELECT 1 FROM "DailySummary" WHERE "officeId" = ${officeId}::uuid AND "day" = ${day}::date FOR UPDATE`
}

/**
 * Recounts the consultation summary of the office's local day on which a sheet happened, inside the
 * transaction that changed the sheet. The day's row is locked first, so concurrent changes recount one
 * after another and each sees the sheets the previous one committed (read committed takes a new snapshot
 * per statement). Recounting a day, rather than adding and subtracting, cannot drift. A duplicate merged
 * into another sheet is counted there, not again: merging recounts the duplicate's day.
 */
export async function recountConsultationDay(
  tx: Transaction,
  office: { id: string; timeZone: TimeZone },
  occurredAt: Date,
): Promise<void> {
  const day = localDay(occurredAt, office.timeZone)
  await lockDay(tx, office.id, day)
  const { start, end } = localDayBounds({ from: day, to: day }, office.timeZone)
  const rows = await tx.consultation.findMany({
    where: { officeId: office.id, occurredAt: { gte: start!, lt: end! }, mergedIntoId: null },
    select: factColumns,
  })
  const summary = summarise(rows.map((row) => toFact(office.id, office.timeZone, row)))
  await tx.dailySummary.update({
    where: { officeId_day: { officeId: office.id, day: dateColumn(day) } },
    data: { consultations: summary as unknown as Prisma.InputJsonValue },
  })
}

/** Counts `count` more guest-book visits on the office's day, in the check-ins' transaction. */
export async function countVisits(
  tx: Transaction,
  officeId: string,
  day: string,
  count: number,
): Promise<void> {
  if (count === 0) return
  await tx.$executeRaw`
    INSERT INTO "DailySummary" ("officeId", "day", "consultations", "visits", "updatedAt")
    VALUES (${officeId}::uuid, ${day}::date, ${EMPTY}::jsonb, ${count}, now())
    ON CONFLICT ("officeId", "day") DO UPDATE
    SET "visits" = "DailySummary"."visits" + ${count}, "updatedAt" = now()`
}

/**
 * Rebuilds every daily summary row of the given offices (all when omitted) from their sheets and guest
 * book (merged duplicates left out, as the live recount leaves them): for data written before summaries
 * existed, or loaded in bulk. Each office is replaced in one
 * transaction; live writes to that office should pause meanwhile.
 */
export async function rebuildDailySummaries(
  db: Database,
  officeIds?: readonly string[],
): Promise<{ offices: number; days: number }> {
  const offices = await db.prisma.office.findMany({
    where: officeIds ? { id: { in: [...officeIds] } } : {},
    select: { id: true, timeZone: true },
  })
  let days = 0
  for (const office of offices) {
    const sheets = await db.prisma.consultation.findMany({
      where: { officeId: office.id, mergedIntoId: null },
      select: factColumns,
    })
    const facts = new Map<string, ConsultationFact[]>()
    for (const fact of sheets.map((row) => toFact(office.id, office.timeZone, row))) {
      const day = facts.get(fact.day)
      if (day) day.push(fact)
      else facts.set(fact.day, [fact])
    }
    const visits = await db.prisma.visit.groupBy({
      by: ['serviceDay'],
      where: { officeId: office.id },
      _count: { _all: true },
    })
    const visitsByDay = new Map(visits.map((v) => [dayOfColumn(v.serviceDay), v._count._all]))
    const allDays = new Set([...facts.keys(), ...visitsByDay.keys()])
    await db.prisma.$transaction([
      db.prisma.dailySummary.deleteMany({ where: { officeId: office.id } }),
      db.prisma.dailySummary.createMany({
        data: [...allDays].map((day) => ({
          officeId: office.id,
          day: dateColumn(day),
          consultations: summarise(facts.get(day) ?? []) as unknown as Prisma.InputJsonValue,
          visits: visitsByDay.get(day) ?? 0,
        })),
      }),
    ])
    days += allDays.size
  }
  return { offices: offices.length, days }
}

/**
 * Fills the summaries once for a database whose sheets predate them (an upgrade): when no summary row
 * exists yet but sheets or visits do. A no-op on every later start.
 */
export async function backfillDailySummaries(
  db: Database,
): Promise<{ offices: number; days: number } | null> {
  if ((await db.prisma.dailySummary.count()) > 0) return null
  const [sheets, visits] = await Promise.all([db.prisma.consultation.count(), db.prisma.visit.count()])
  return sheets + visits > 0 ? rebuildDailySummaries(db) : null
}
