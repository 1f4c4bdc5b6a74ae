import type { Database } from '@mejabantu/db'
import type { OfficeScope } from '../shared/tenancy.ts'
import type { SessionUser } from '../auth/sessions.ts'

/** Who acts, in which offices, from where and at what time: what every staff service needs. */
export interface Acting {
  db: Database
  scope: OfficeScope
  user: SessionUser
  ip: string | null
  /** Read once per request from the context clock, so one request judges by one instant. */
  now: Date
}

/** The acting context of a permitted procedure. */
export function acting(ctx: {
  db: Database
  scope: OfficeScope
  session: { user: SessionUser }
  ip: string | null
  clock: () => Date
}): Acting {
  return { db: ctx.db, scope: ctx.scope, user: ctx.session.user, ip: ctx.ip, now: ctx.clock() }
}

/** True when Prisma refused a write for breaking a unique constraint (a race the check before it lost). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002'
}
