// The audit trail as staff read it: events of the offices a user may read, filtered and paged, and the
// record kept of reads of personal data. Every area writes its events through shared/audit-writer.ts.
import { AuditPageSchema, AuditQuerySchema, readAuditTrail } from './trail.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

export const auditRouter = router({
  list: permittedProcedure('audit.read')
    .input(AuditQuerySchema.default({ page: 1, pageSize: 50 }))
    .output(AuditPageSchema)
    .query(({ ctx, input }) => readAuditTrail(ctx.db, ctx.scope, input)),
})
