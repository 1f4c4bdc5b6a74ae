import { can, readsAreAudited, type Permission } from '@mejabantu/domain'
import { initTRPC } from '@trpc/server'
import superjson from 'superjson'
import type { Context } from './context.ts'
import { formatError } from './error-format.ts'
import { refuse } from './errors.ts'
import { guardInput, inputTransformer } from './input-guard.ts'
import { auditRead } from '../audit/read-audit.ts'
import { ensureSameOrigin } from './request-guards.ts'
import { authViolations } from '../auth/violations.ts'
import { authenticateDevice, bearerToken } from '../kiosk/devices-token.ts'
import { kioskViolations } from '../kiosk/violations.ts'
import { csrfTokenMatches, findSession, touchSession } from '../auth/sessions.ts'
import { officeScope } from './tenancy.ts'

/** Procedure metadata: who may call it, for the generated API docs. */
export interface ProcedureMeta {
  audience: 'public' | 'kiosk' | 'display' | 'session' | Permission
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Dates and other non-JSON values cross the wire intact, so the domain's schemas type both ends; an
    // input superjson cannot read is refused as malformed.
    transformer: { input: inputTransformer, output: superjson },
    // Clients get a rule, its parameters and an id/en message; never a stack trace or SQL.
    errorFormatter: formatError,
  })

export const router = t.router
export const createCallerFactory = t.createCallerFactory

// The one place text enters: every procedure's raw input is checked and normalised here, before its
// schema, a service or the database sees it.
const guardedInput = t.middleware(async ({ getRawInput, next }) => {
  const input = guardInput(await getRawInput())
  return next({ getRawInput: async () => input })
})

const sameOriginMutations = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation') ensureSameOrigin(ctx.request)
  return next()
})

/** Anyone may call it; a mutation must still come from our own pages. */
export const publicProcedure = t.procedure
  .use(guardedInput)
  .use(sameOriginMutations)
  .meta({ audience: 'public' })

/**
 * A paired kiosk device: `Authorization: Bearer <device token>`, not revoked; `ctx.device` says which one
 * and its office. Sessions play no part (a signed-in user cannot call these), and kiosk mutations need no
 * CSRF token, since nothing ambient authenticates them, but still go through the same-origin check.
 */
export const kioskProcedure = publicProcedure.meta({ audience: 'kiosk' }).use(async ({ ctx, next }) => {
  const device = await pairedDevice(ctx.db, bearerToken(ctx.request.header('authorization')), 'kiosk')
  return next({ ctx: { device: { ...device, limits: ctx.kioskLimits } } })
})

/** The unrevoked device a token names, refused unless it is of `kind`. */
async function pairedDevice(db: Context['db'], token: string | null, kind: 'kiosk' | 'display') {
  if (!token) refuse('UNAUTHORIZED', kioskViolations.unpaired())
  const device = await authenticateDevice(db, token, new Date())
  if (device === 'revoked') refuse('UNAUTHORIZED', kioskViolations.revoked())
  if (!device) refuse('UNAUTHORIZED', kioskViolations.unpaired())
  if (device.kind !== kind) refuse('FORBIDDEN', kioskViolations.wrongKind(kind))
  return device
}

/**
 * A paired waiting-room display: like a kiosk, but only a device of kind `display`, and read-only. Its
 * token comes as `Authorization: Bearer`, or, for an SSE subscription (EventSource sends no headers),
 * as the `token` connection parameter. Nothing it reads is audited: a board shows no personal data.
 */
export const displayProcedure = publicProcedure.meta({ audience: 'display' }).use(async ({ ctx, next }) => {
  const token =
    bearerToken(ctx.request.header('authorization')) ?? ctx.request.connectionParams?.token ?? null
  const device = await pairedDevice(ctx.db, token, 'display')
  // The token stays with the call: a long-lived stream checks it again to notice a revocation.
  return next({ ctx: { device, deviceToken: token! } })
})

/**
 * A live session from the cookie (sliding its idle expiry); a mutation must also echo the session's CSRF
 * token in `x-csrf-token`, checked before anything is written.
 */
const signedIn = t.middleware(async ({ ctx, type, next }) => {
  const token = ctx.sessionCookie.token
  if (!token) refuse('UNAUTHORIZED', authViolations.unauthenticated())
  const now = new Date()
  const found = await findSession(ctx.db, token, now)
  if (!found) {
    ctx.sessionCookie.clear()
    refuse('UNAUTHORIZED', authViolations.sessionExpired())
  }
  if (type === 'mutation' && !csrfTokenMatches(token, ctx.request.header('x-csrf-token'))) {
    refuse('FORBIDDEN', authViolations.csrfInvalid())
  }
  return next({ ctx: { session: await touchSession(ctx.db, found, now) } })
})

/** Signed in, even with a one-time password still to change: only for me, changePassword and logout. */
export const sessionProcedure = publicProcedure.use(signedIn).meta({ audience: 'session' })

/** Signed in with a password of the user's own choosing. */
export const authedProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (ctx.session.user.mustChangePassword) refuse('FORBIDDEN', authViolations.passwordChangeRequired())
  return next()
})

/**
 * Signed in, the user's role holds `permission`, and `ctx.scope` says which offices they may read and
 * write. An observer's (pengawas) successful reads are themselves audited, naming the record read.
 */
export function permittedProcedure(permission: Permission) {
  return authedProcedure
    .meta({ audience: permission })
    .use(async ({ ctx, type, path, getRawInput, next }) => {
      const { user } = ctx.session
      if (!can(user.role, permission)) refuse('FORBIDDEN', authViolations.forbidden(permission))
      const result = await next({ ctx: { scope: await officeScope(ctx.db, user) } })
      if (result.ok && type === 'query' && readsAreAudited(user.role)) {
        const input = await getRawInput()
        await auditRead(ctx.db, { userId: user.id, path, input, ip: ctx.ip, now: new Date() })
      }
      return result
    })
}
