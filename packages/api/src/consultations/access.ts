import type { Queryable } from '@mejabantu/db'
import { referralChain } from '@mejabantu/domain'
import type { Actor } from '../shared/actor.ts'

/** The fields access is decided on. */
export interface ConsultationPlace {
  officeId: string
  referredToOfficeId: string | null
}

/**
 * Refuses (FORBIDDEN `tenancy.office`) unless the actor may read the consultation: its office is in their
 * scope, or their office handled its referral on the way up (and so still follows it).
 */
export async function ensureReadable(db: Queryable, actor: Actor, place: ConsultationPlace): Promise<void> {
  const { scope } = actor
  if (scope.readable.has(place.officeId)) return
  if (place.referredToOfficeId) {
    const offices = await db.office.findMany({ select: { id: true, parentId: true } })
    if (referralChain(offices, place.officeId, place.referredToOfficeId).includes(scope.officeId)) return
  }
  scope.read(place.officeId)
}

/** The office that acts on the consultation now: the one it is referred to while referred, else its own. */
export function holderOf(consultation: ConsultationPlace & { status: string }): string {
  return consultation.status === 'dirujuk' && consultation.referredToOfficeId
    ? consultation.referredToOfficeId
    : consultation.officeId
}
