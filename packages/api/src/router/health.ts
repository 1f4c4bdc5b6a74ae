import { HealthSchema } from '@mejabantu/domain'
import { readHealth } from '../services/health.ts'
import { publicProcedure } from '../trpc.ts'

export const healthProcedure = publicProcedure
  .output(HealthSchema)
  .query(({ ctx }) => readHealth(ctx.db, ctx.version))
