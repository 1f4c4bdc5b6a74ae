import type { Database } from '@mejabantu/db'
import { instantAt, localDay, type TimeZone } from '@mejabantu/domain'
import { writeAudit } from '../shared/audit-writer.ts'
import { dateColumn, dayOfColumn } from './day.ts'

// Namespace of the per-office-and-day advisory lock, so two server processes never run one day twice.
const AUTO_CHECKOUT_LOCK = 72_011_006

/** One office's service day whose visitors were checked out by the end-of-day run. */
export interface AutoCheckOut {
  officeId: string
  serviceDay: string
  visits: number
}

/** The last instant of a service day in the office's zone: the guest book's check-out time. */
export function endOfServiceDay(day: string, zone: TimeZone): Date {
  const next = new Date(dateColumn(day).getTime() + 86_400_000)
  return new Date(instantAt(`${dayOfColumn(next)}T00:00`, zone).getTime() - 1)
}

/**
 * Checks out every visit of an earlier service day still in the guest book without a check-out: at the
 * end of that day in the office's zone, as `otomatis`, one system audit event per office and day. Today's
 * visitors are left alone, whatever the hour. Idempotent and safe on several processes: each office and
 * day runs under an advisory lock and only touches visits still open, so a second run finds nothing.
 */
export async function autoCheckOut(db: Database, now: Date): Promise<AutoCheckOut[]> {
  // The easternmost zone's date is the latest "today" anywhere; each office is then held to its own.
  const latestToday = localDay(now, 'WIT')
  const open = await db.prisma.visit.groupBy({
    by: ['officeId', 'serviceDay'],
    where: { checkedOutAt: null, serviceDay: { lt: dateColumn(latestToday) } },
    orderBy: [{ officeId: 'asc' }, { serviceDay: 'asc' }],
  })
  if (open.length === 0) return []
  const offices = await db.prisma.office.findMany({
    where: { id: { in: [...new Set(open.map((o) => o.officeId))] } },
    select: { id: true, timeZone: true },
  })
  const zoneOf = new Map(offices.map((o) => [o.id, o.timeZone]))
  const done: AutoCheckOut[] = []
  for (const { officeId, serviceDay } of open) {
    const zone = zoneOf.get(officeId)!
    const day = dayOfColumn(serviceDay)
    if (day >= localDay(now, zone)) continue
    const visits = await checkOutDay(db, officeId, day, zone)
    if (visits > 0) done.push({ officeId, serviceDay: day, visits })
  }
  return done
}

async function checkOutDay(db: Database, officeId: string, day: string, zone: TimeZone): Promise<number> {
  const checkedOutAt = endOfServiceDay(day, zone)
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      SELECT pg_advisory_xact_lock(${AUTO_CHECKOUT_LOCK}::int, hashtext(${`${officeId}/${day}`}))`
    const { count } = await tx.visit.updateMany({
      where: { officeId, serviceDay: dateColumn(day), checkedOutAt: null },
      data: { checkedOutAt, checkOutKind: 'otomatis' },
    })
    if (count === 0) return 0
    await writeAudit(tx, {
      actorId: null,
      officeId,
      action: 'visit.auto_check_out',
      targetType: 'Office',
      targetId: officeId,
      after: { serviceDay: day, visits: count, checkedOutAt: checkedOutAt.toISOString() },
      ip: null,
    })
    return count
  })
}
