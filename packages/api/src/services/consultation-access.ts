import type { Database, Transaction } from '@mejabantu/db'
import { referralChain } from '@mejabantu/domain'
import type { OfficeScope } from '../tenancy.ts'

/** Who is acting: the signed-in user, the offices they reach, and where the request came from. */
export interface Actor {
  userId: string
  scope: OfficeScope
  ip: string | null
}

/** The actor of a procedure guarded by a permission: the session's user, its scope and address. */
export const actorOf = (ctx: {
  session: { user: { id: string } }
  scope: OfficeScope
  ip: string | null
}): Actor => ({ userId: ctx.session.user.id, scope: ctx.scope, ip: ctx.ip })

type Client = Database['prisma'] | Transaction

/** The fields access is decided on. */
export interface ConsultationPlace {
  officeId: string
  referredToOfficeId: string | null
}

/**
 * Refuses (FORBIDDEN `tenancy.office`) unless the actor may read the consultation: its office is in their
 * scope, or their office handled its referral on the way up (and so still follows it).
 */
export async function ensureReadable(db: Client, actor: Actor, place: ConsultationPlace): Promise<void> {
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
