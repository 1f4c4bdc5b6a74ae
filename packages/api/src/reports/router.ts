// Consultation reports sent up to leadership and higher offices: compiling the period, the daily
// summaries behind it, finalising and signing (pimpinan), sending, and the PDF and XLSX exports.
import { ReportContentSchema, ReportPeriodSchema } from '@mejabantu/domain'
import { actorOf } from '../shared/actor.ts'
import {
  FrozenReportSchema,
  ReportExportInputSchema,
  ReportFileSchema,
  ReportIdSchema,
  ReportListInputSchema,
  ReportPageSchema,
  ReportQuerySchema,
  ReportRecordSchema,
} from './schemas.ts'
import { draftReport, finaliseReport, getReport, listReports, reportInbox, sendReport } from './reports.ts'
import { exportReport } from './export.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

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
