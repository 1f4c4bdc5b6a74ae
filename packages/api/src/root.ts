import { authRouter } from './router/auth.ts'
import { healthProcedure } from './router/health.ts'
import { router } from './trpc.ts'

export const appRouter = router({
  health: healthProcedure,
  auth: authRouter,
})

/** The only thing the browser apps import from the server side: a type. */
export type AppRouter = typeof appRouter
