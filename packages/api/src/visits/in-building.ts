import type { Database } from '@mejabantu/db'
import { StakeholderCategory, VisitStatus } from '@mejabantu/domain'
import { z } from 'zod'
import type { OfficeScope } from '../shared/tenancy.ts'
import { dateColumn, officeDay } from './day.ts'
import { asStatus } from './view.ts'

export const InBuildingInputSchema = z.strictObject({ officeId: z.uuid().optional() }).default({})

/** A visitor of today who checked in and has not checked out yet. */
export const InBuildingVisitorSchema = z.object({
  visitId: z.uuid(),
  queueNumber: z.string(),
  provisionalNumber: z.string().nullable(),
  name: z.string(),
  category: StakeholderCategory.schema,
  checkedInAt: z.date(),
  status: VisitStatus.schema,
})

export const InBuildingSchema = z.object({
  serviceDay: z.iso.date(),
  count: z.number().int().min(0),
  visitors: z.array(InBuildingVisitorSchema),
})
export type InBuilding = z.infer<typeof InBuildingSchema>

/**
 * Who is in the building now: today's visitors of an office the user may read without a check-out, first
 * arrivals first. No-shows stay on the list (they may be in the lobby) until checked out.
 */
export async function inBuilding(
  db: Database,
  scope: OfficeScope,
  officeId: string | undefined,
  now = new Date(),
): Promise<InBuilding> {
  const office = scope.read(officeId)
  const { today } = await officeDay(db.prisma, office, now)
  const rows = await db.prisma.visit.findMany({
    where: { officeId: office, serviceDay: dateColumn(today), checkedOutAt: null },
    select: {
      id: true,
      queueNumber: true,
      provisionalNumber: true,
      checkedInAt: true,
      status: true,
      guest: { select: { name: true, category: true } },
    },
    orderBy: [{ checkedInAt: 'asc' }, { queueNumber: 'asc' }],
  })
  const visitors = rows.map((v) => ({
    visitId: v.id,
    queueNumber: v.queueNumber,
    provisionalNumber: v.provisionalNumber,
    name: v.guest.name,
    category: StakeholderCategory.schema.parse(v.guest.category),
    checkedInAt: v.checkedInAt,
    status: asStatus(v.status),
  }))
  return { serviceDay: today, count: visitors.length, visitors }
}
