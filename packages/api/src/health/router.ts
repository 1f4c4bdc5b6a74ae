// Liveness and readiness: the database kind, whether it answers, and pending migrations.
// Public, unauthenticated, cheap.
import { HealthSchema } from '@mejabantu/domain'
import { readHealth } from './health.ts'
import { publicProcedure } from '../shared/trpc.ts'

export const healthProcedure = publicProcedure
  .output(HealthSchema)
  .query(({ ctx }) => readHealth(ctx.db, ctx.version))
