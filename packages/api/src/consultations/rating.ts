import type { Transaction } from '@mejabantu/db'
import {
  checkRatable,
  RATING_DAYS,
  type ConsultationStatus,
  type RatingInput,
  type RatingVia,
} from '@mejabantu/domain'
import { z } from 'zod'
import { writeAudit } from '../shared/audit-writer.ts'
import { ensure, refuse } from '../shared/errors.ts'
import { consultationViolations as violations } from './violations.ts'

/** A rating as saved, for the asker's thank-you screen. */
export const SavedRatingSchema = z.strictObject({
  number: z.string(),
  score: z.number().int().min(1).max(5),
  ratedAt: z.date(),
})
/** A rating as saved. */
export type SavedRating = z.infer<typeof SavedRatingSchema>

/** What the asker may be told of a sheet they rate: never who asked it or what. */
export const ratableSelect = {
  id: true,
  officeId: true,
  number: true,
  topic: true,
  status: true,
  closedAt: true,
  mergedIntoId: true,
  rating: { select: { consultationId: true } },
} as const

/** A sheet read with {@link ratableSelect}. */
export interface RatableRow {
  id: string
  officeId: string
  number: string
  topic: string
  status: string
  closedAt: Date | null
  mergedIntoId: string | null
  rating: { consultationId: string } | null
}

/** The domain's verdict on rating the sheet now. */
export const ratable = (sheet: RatableRow, now: Date) =>
  checkRatable(
    {
      number: sheet.number,
      status: sheet.status as ConsultationStatus,
      closedAt: sheet.closedAt,
      mergedIntoId: sheet.mergedIntoId,
      rated: sheet.rating !== null,
    },
    now,
  )

/** The earliest closing a sheet rated now may have had. */
export const ratableSince = (now: Date) => new Date(now.getTime() - RATING_DAYS * 86_400_000)

/** Who gave a rating: the closing link from some address, or a kiosk device. */
export interface RatedBy {
  via: RatingVia
  ip: string | null
  deviceId?: string
}

/**
 * Saves the asker's rating of a sheet once, in the caller's transaction: the sheet's row is locked, then
 * the domain's checkRatable decides (closed, not merged away, not rated yet, within RATING_DAYS; refused
 * as CONFLICT otherwise). Audited without the comment, which is the asker's own words.
 */
export async function saveRating(
  tx: Transaction,
  consultationId: string,
  input: RatingInput,
  by: RatedBy,
  now: Date,
): Promise<SavedRating> {
  await tx.$queryRaw`SELECT "id" FROM "Consultation" WHERE "id" = ${consultationId}::uuid FOR UPDATE`
  const sheet = await tx.consultation.findUnique({ where: { id: consultationId }, select: ratableSelect })
  if (!sheet) refuse('NOT_FOUND', violations.notFound(consultationId))
  ensure(ratable(sheet, now), 'CONFLICT')
  const saved = await tx.consultationRating.create({
    data: {
      consultationId,
      score: input.score,
      comment: input.comment ?? null,
      via: by.via,
      ratedAt: now,
    },
  })
  await writeAudit(tx, {
    actorId: null,
    officeId: sheet.officeId,
    action: 'consultation.rate',
    targetType: 'Consultation',
    targetId: consultationId,
    after: {
      score: saved.score,
      via: saved.via,
      commented: saved.comment !== null,
      ...(by.deviceId ? { deviceId: by.deviceId } : {}),
    },
    ip: by.ip,
  })
  return { number: sheet.number, score: saved.score, ratedAt: saved.ratedAt }
}
