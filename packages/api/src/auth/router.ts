// Sign-in and sessions: passwords (argon2id), the login throttle, session cookies, password changes
// and the session view (`auth.me`) the console starts from.
import { z } from 'zod'
import { ChangePasswordInputSchema, LoginInputSchema, SessionViewSchema } from '@mejabantu/domain'
import { changePassword, describeSession, login, logout } from './auth.ts'
import { SESSION_MAX_MS } from './sessions.ts'
import { publicProcedure, router, sessionProcedure } from '../shared/trpc.ts'

const client = (ctx: { ip: string | null; userAgent: string | null }) => ({
  ip: ctx.ip,
  userAgent: ctx.userAgent,
})

export const authRouter = router({
  login: publicProcedure
    .input(LoginInputSchema)
    .output(SessionViewSchema)
    .mutation(async ({ ctx, input }) => {
      const session = await login(ctx.db, input, client(ctx), ctx.sessionCookie.token)
      ctx.sessionCookie.set(session.token, SESSION_MAX_MS / 1000)
      return describeSession(session)
    }),

  logout: sessionProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await logout(ctx.db, ctx.session, client(ctx))
    ctx.sessionCookie.clear()
    return { ok: true as const }
  }),

  me: sessionProcedure.output(SessionViewSchema).query(({ ctx }) => describeSession(ctx.session)),

  changePassword: sessionProcedure
    .input(ChangePasswordInputSchema)
    .output(SessionViewSchema)
    .mutation(async ({ ctx, input }) =>
      describeSession(await changePassword(ctx.db, ctx.session, input, client(ctx))),
    ),
})
