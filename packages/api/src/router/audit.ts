import { AuditPageSchema, AuditQuerySchema, readAuditTrail } from '../services/audit-trail.ts'
import { permittedProcedure, router } from '../trpc.ts'

export const auditRouter = router({
  list: permittedProcedure('audit.read')
    .input(AuditQuerySchema.default({ page: 1, pageSize: 50 }))
    .output(AuditPageSchema)
    .query(({ ctx, input }) => readAuditTrail(ctx.db, ctx.scope, input)),
})
