import { randomBytes } from 'node:crypto'
import type { Queryable } from '@mejabantu/db'
import { refuse } from '../shared/errors.ts'
import { consultationViolations as violations } from './violations.ts'

/** The secret of a closed sheet's rating link: 24 random bytes, URL-safe. */
export const newRatingToken = () => randomBytes(24).toString('base64url')

/** Refuses (CONFLICT `consultation.merged`) to act on a duplicate merged into another sheet. */
export async function ensureNotMerged(
  db: Queryable,
  sheet: { number: string; mergedIntoId: string | null },
): Promise<void> {
  if (!sheet.mergedIntoId) return
  const kept = await db.consultation.findUnique({
    where: { id: sheet.mergedIntoId },
    select: { number: true },
  })
  refuse('CONFLICT', violations.merged(sheet.number, kept?.number ?? '—'))
}
