import type { Database } from '@mejabantu/db'
import { VisitStatus, waitingOrder } from '@mejabantu/domain'
import { z } from 'zod'
import type { OfficeScope } from '../shared/tenancy.ts'
import { dateColumn, officeDay } from './day.ts'
import { toVisitView, visitViewSelect, VisitViewSchema, type VisitView } from './view.ts'

/** Filters of today's guest book. */
export const TodayInputSchema = z
  .strictObject({
    officeId: z.uuid().optional(),
    status: z.array(VisitStatus.schema).max(VisitStatus.values.length).optional(),
  })
  .default({})
export type TodayInput = z.infer<typeof TodayInputSchema>

export const TodaySchema = z.object({
  serviceDay: z.iso.date(),
  /** Visits of every status today, whatever the filter. */
  counts: z.record(VisitStatus.schema, z.number().int().min(0)),
  visits: z.array(VisitViewSchema),
})
export type Today = z.infer<typeof TodaySchema>

// Who the desk is dealing with first, then who is next, then the day's history.
const sections: readonly VisitStatus[] = ['dipanggil', 'dilayani', 'menunggu', 'tidak_hadir', 'selesai']

/**
 * Today's guest book of an office the user may read: the visits at the desk, the waiting ones in the
 * domain's calling order, then no-shows and finished visits by arrival.
 */
export async function todayVisits(
  db: Database,
  scope: OfficeScope,
  input: TodayInput,
  now = new Date(),
): Promise<Today> {
  const officeId = scope.read(input.officeId)
  const { today } = await officeDay(db.prisma, officeId, now)
  const rows = await db.prisma.visit.findMany({
    where: { officeId, serviceDay: dateColumn(today) },
    select: visitViewSelect,
    orderBy: [{ queuedAt: 'asc' }, { queueNumber: 'asc' }],
  })
  const all = rows.map(toVisitView)
  const counts = Object.fromEntries(
    VisitStatus.values.map((s) => [s, all.filter((v) => v.status === s).length]),
  ) as Record<VisitStatus, number>
  const wanted = new Set(input.status?.length ? input.status : VisitStatus.values)
  const visits: VisitView[] = []
  for (const status of sections) {
    if (!wanted.has(status)) continue
    const ofStatus = all.filter((v) => v.status === status)
    visits.push(...(status === 'menunggu' ? waitingOrder(ofStatus) : ofStatus))
  }
  return { serviceDay: today, counts, visits }
}
