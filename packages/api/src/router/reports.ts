import { ReportContentSchema, ReportPeriodSchema } from '@mejabantu/domain'
import { actorOf } from '../services/consultation-access.ts'
import {
  FrozenReportSchema,
  ReportExportInputSchema,
  ReportFileSchema,
  ReportIdSchema,
  ReportListInputSchema,
  ReportPageSchema,
  ReportQuerySchema,
  ReportRecordSchema,
} from '../services/report-schemas.ts'
import {
  draftReport,
  finaliseReport,
  getReport,
  listReports,
  reportInbox,
  sendReport,
} from '../services/reports.ts'
import { exportReport } from '../services/reports-export.ts'
import { permittedProcedure, router } from '../trpc.ts'

const read = permittedProcedure('office.read')
const sign = permittedProcedure('report.sign')

/** Laporan hasil konsultasi: compiled from daily summaries, rolled up the tree, frozen and sent up. */
export const reportsRouter = router({
  draft: read
    .input(ReportQuerySchema)
    .output(ReportContentSchema)
    .query(({ ctx, input }) => draftReport(ctx.db, actorOf(ctx), input, ctx.clock())),

  finalise: sign
    .input(ReportPeriodSchema)
    .output(ReportRecordSchema)
    .mutation(({ ctx, input }) => finaliseReport(ctx.db, actorOf(ctx), input, ctx.clock())),

  send: sign
    .input(ReportIdSchema)
    .output(ReportRecordSchema)
    .mutation(({ ctx, input }) => sendReport(ctx.db, actorOf(ctx), input.id, ctx.clock())),

  list: read
    .input(ReportListInputSchema)
    .output(ReportPageSchema)
    .query(({ ctx, input }) => listReports(ctx.db, actorOf(ctx), input)),

  inbox: read
    .input(ReportListInputSchema.omit({ officeId: true }))
    .output(ReportPageSchema)
    .query(({ ctx, input }) => reportInbox(ctx.db, actorOf(ctx), input)),

  get: read
    .input(ReportIdSchema)
    .output(FrozenReportSchema)
    .query(({ ctx, input }) => getReport(ctx.db, actorOf(ctx), input.id)),

  export: read
    .input(ReportExportInputSchema)
    .output(ReportFileSchema)
    .query(({ ctx, input }) => exportReport(ctx.db, actorOf(ctx), input, ctx.clock())),
})
