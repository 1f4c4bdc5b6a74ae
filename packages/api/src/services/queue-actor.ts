import type { OfficeScope } from '../tenancy.ts'

/** Who asks for a change, for the audit trail: a user, or nobody for a kiosk or a pairing tablet. */
export interface Actor {
  userId: string | null
  ip: string | null
}

/** A signed-in staff member acting within their office scope. */
export interface StaffActor extends Actor {
  userId: string
  scope: OfficeScope
}

/** The staff actor of a permitted procedure's context. */
export const staffActor = (ctx: {
  session: { user: { id: string } }
  scope: OfficeScope
  ip: string | null
}): StaffActor => ({ userId: ctx.session.user.id, scope: ctx.scope, ip: ctx.ip })
