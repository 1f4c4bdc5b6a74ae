import type { OfficeScope } from './tenancy.ts'

/** Who acts in a staff procedure: the signed-in user, the offices they reach, and where the request came from. */
export interface Actor {
  userId: string
  scope: OfficeScope
  ip: string | null
  /** The desk the user serves at this sign-in ("Meja 2"); a call names it. */
  desk?: string | null
}

/** The actor of a procedure guarded by a permission: the session's user, its scope and address. */
export const actorOf = (ctx: {
  session: { user: { id: string }; desk?: string | null }
  scope: OfficeScope
  ip: string | null
}): Actor => ({ userId: ctx.session.user.id, scope: ctx.scope, ip: ctx.ip, desk: ctx.session.desk ?? null })
