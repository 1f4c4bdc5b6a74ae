import { ReportContentSchema, ReportPeriodSchema } from '@mejabantu/domain'
import { z } from 'zod'

/** A report to compile: an office in the caller's scope (their own when not given) and a period. */
export const ReportQuerySchema = z.strictObject({
  ...ReportPeriodSchema.shape,
  officeId: z.uuid().optional(),
})
/** A report to compile. */
export type ReportQuery = z.infer<typeof ReportQuerySchema>

/** One finalised report, by id. */
export const ReportIdSchema = z.strictObject({ id: z.uuid() })

/** A finalised report as lists show it, without its content. */
export const ReportRecordSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  office: z.object({ id: z.uuid(), name: z.string(), regionCode: z.string() }),
  period: ReportPeriodSchema,
  consultations: z.number().int().nonnegative(),
  finalisedAt: z.date(),
  finalisedBy: z.string(),
  sentTo: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  sentAt: z.date().nullable(),
})
/** A finalised report as lists show it. */
export type ReportRecord = z.infer<typeof ReportRecordSchema>

/** A finalised report with its frozen content. */
export const FrozenReportSchema = ReportRecordSchema.extend({ content: ReportContentSchema })
/** A finalised report with its frozen content. */
export type FrozenReport = z.infer<typeof FrozenReportSchema>

/** Which offices' finalised reports to list: an office's own, or those sent to the caller's office. */
export const ReportListInputSchema = z.strictObject({
  officeId: z.uuid().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
})

/** A page of finalised reports. */
export const ReportPageSchema = z.object({
  items: z.array(ReportRecordSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

/** A file to download: a finalised report by id, or a draft of a period; in Indonesian or English. */
export const ReportExportInputSchema = z.strictObject({
  source: z.union([ReportIdSchema, ReportQuerySchema]),
  format: z.enum(['pdf', 'xlsx']),
  locale: z.enum(['id', 'en']).default('id'),
})
/** A report file to download. */
export type ReportExportInput = z.infer<typeof ReportExportInputSchema>

/** A generated file, base64 on the wire like attachments. */
export const ReportFileSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  contentBase64: z.base64(),
})
/** A generated file. */
export type ReportFile = z.infer<typeof ReportFileSchema>
/** A page of finalised reports. */
export type ReportPage = z.infer<typeof ReportPageSchema>
