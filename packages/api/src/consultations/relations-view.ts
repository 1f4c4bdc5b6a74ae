import type { Queryable } from '@mejabantu/db'
import type { ConsultationDetail } from './schemas.ts'
import { relatedSheets } from './links.ts'

/** What a sheet's view shows of its relations: where it was merged, what was merged into it, links, rating. */
export type SheetRelations = Pick<ConsultationDetail, 'mergedInto' | 'merged' | 'related' | 'rating'>

/** The relations of one sheet, for its view. */
export async function sheetRelations(
  db: Queryable,
  sheet: { id: string; mergedIntoId: string | null },
): Promise<SheetRelations> {
  const mergedInto = sheet.mergedIntoId
    ? await db.consultation.findUnique({
        where: { id: sheet.mergedIntoId },
        select: { id: true, number: true },
      })
    : null
  const merged = await db.consultation.findMany({
    where: { mergedIntoId: sheet.id },
    select: { id: true, number: true, askerName: true, question: true, occurredAt: true, mergedAt: true },
    orderBy: [{ mergedAt: 'asc' }, { number: 'asc' }],
  })
  const rating = await db.consultationRating.findUnique({
    where: { consultationId: sheet.id },
    select: { score: true, comment: true, via: true, ratedAt: true },
  })
  return {
    mergedInto,
    merged,
    related: await relatedSheets(db, sheet.id),
    rating: rating && { ...rating, via: rating.via as NonNullable<SheetRelations['rating']>['via'] },
  }
}
