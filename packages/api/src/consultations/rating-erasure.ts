import type { Transaction } from '@mejabantu/db'
import { eraseMentions, isNameOf, isPersonOf, withoutName, type ErasedPerson } from '@mejabantu/domain'

/**
 * Whether the people asked a sheet (by visit, name or contact), and whom its text is scrubbed of: someone
 * else who shares the name asked it, so the name stays and only their phone and e-mail go.
 */
export function askedBy(
  sheet: { askerName: string; askerContact: string | null; visitId: string | null },
  people: readonly ErasedPerson[],
  visitIds: readonly string[],
): { asked: boolean; here: readonly ErasedPerson[] } {
  const asker = { name: sheet.askerName, contacts: [sheet.askerContact] }
  const asked = sheet.visitId ? visitIds.includes(sheet.visitId) : people.some((p) => isPersonOf(asker, p))
  const here = asked ? people : people.map((p) => (isNameOf(sheet.askerName, p) ? withoutName(p) : p))
  return { asked, here }
}

/** A rating comment holding the people (on a sheet they asked, or naming them), and how it reads after. */
export interface RatingCopy {
  consultationId: string
  comment: string
  erased: string
}

/**
 * The rating comments of the given sheets (those erasure found, and those whose comment may name the
 * people) that change once the people are erased from them, as the sheet's own text is scrubbed: a sheet
 * they asked loses their name's parts too.
 */
export async function ratingCopies(
  tx: Transaction,
  people: readonly ErasedPerson[],
  visitIds: readonly string[],
  consultationIds: readonly string[],
): Promise<RatingCopy[]> {
  const ratings = await tx.consultationRating.findMany({
    where: { consultationId: { in: [...consultationIds] }, comment: { not: null } },
    select: {
      consultationId: true,
      comment: true,
      consultation: { select: { askerName: true, askerContact: true, visitId: true } },
    },
  })
  return ratings.flatMap(({ consultationId, comment, consultation }) => {
    const { asked, here } = askedBy(consultation, people, visitIds)
    const erased = eraseMentions(comment!, here, { nameParts: asked })
    return erased === comment ? [] : [{ consultationId, comment: comment!, erased }]
  })
}

/** Writes the scrubbed rating comments, in the erasure's transaction. */
export async function eraseRatingCopies(tx: Transaction, copies: readonly RatingCopy[]): Promise<void> {
  for (const copy of copies) {
    await tx.consultationRating.update({
      where: { consultationId: copy.consultationId },
      data: { comment: copy.erased },
    })
  }
}

/** How many sheets an erasure rewrote: a sheet whose only copy was its rating's comment counts too. */
export const sheetsRewritten = (copies: {
  sheets: readonly { sheet: { id: string } }[]
  ratings: readonly RatingCopy[]
}) =>
  new Set([...copies.sheets.map(({ sheet }) => sheet.id), ...copies.ratings.map((r) => r.consultationId)])
    .size
