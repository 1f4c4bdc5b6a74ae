import type { Transaction } from '@mejabantu/db'
import { anonymisedAskerFields, anonymisedGuestFields, anonymisedVisitFields } from '@mejabantu/domain'

/** How many rows an anonymisation rewrote; the rows themselves all stay. */
export interface AnonymisedCounts {
  guests: number
  visits: number
  consultations: number
}

/** Nothing anonymised. */
export const NONE_ANONYMISED: AnonymisedCounts = { guests: 0, visits: 0, consultations: 0 }

/** Adds two runs' counts. */
export const addCounts = (a: AnonymisedCounts, b: AnonymisedCounts): AnonymisedCounts => ({
  guests: a.guests + b.guests,
  visits: a.visits + b.visits,
  consultations: a.consultations + b.consultations,
})

/**
 * Removes the personal data of guests in the domain's anonymised form, keeping every visit and sheet so
 * counts and reports stay as they were: their visits lose the purpose text, and sheets opened from those
 * visits lose the asker. With `lastSeenBefore`, a guest who checked in since (a returning visitor racing
 * the run) is skipped.
 */
export async function anonymiseGuests(
  tx: Transaction,
  guestIds: string[],
  now: Date,
  lastSeenBefore?: Date,
): Promise<AnonymisedCounts> {
  if (guestIds.length === 0) return NONE_ANONYMISED
  const { count: guests } = await tx.guest.updateMany({
    where: {
      id: { in: guestIds },
      anonymisedAt: null,
      ...(lastSeenBefore && { visits: { none: { checkedInAt: { gte: lastSeenBefore } } } }),
    },
    data: anonymisedGuestFields(now),
  })
  if (guests === 0) return NONE_ANONYMISED
  const ofAnonymised = { guestId: { in: guestIds }, guest: { anonymisedAt: now } }
  const { count: visits } = await tx.visit.updateMany({ where: ofAnonymised, data: anonymisedVisitFields })
  const { count: consultations } = await tx.consultation.updateMany({
    where: { visit: ofAnonymised },
    data: anonymisedAskerFields,
  })
  return { guests, visits, consultations }
}
