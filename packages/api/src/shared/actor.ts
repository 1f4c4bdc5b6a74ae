import type { OfficeScope } from './tenancy.ts'

/** Who acts in a staff procedure: the signed-in user, the offices they reach, and where the request came from. */
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
