import type { Database } from '@mejabantu/db'
import type { Actor } from './consultation-access.ts'
import { reportPdf } from './report-pdf.ts'
import type { ReportExportInput, ReportFile } from './report-schemas.ts'
import { reportFileName } from './report-text.ts'
import { reportXlsx } from './report-xlsx.ts'
import { draftReport, getReport } from './reports.ts'

const contentTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** A finalised report (as frozen) or a draft of a period (compiled now) as a PDF or XLSX file. */
export async function exportReport(
  db: Database,
  actor: Actor,
  { source, format, locale }: ReportExportInput,
  now: Date,
): Promise<ReportFile> {
  const { content, number } =
    'id' in source
      ? await getReport(db, actor, source.id)
      : { content: await draftReport(db, actor, source, now), number: null }
  const bytes =
    format === 'pdf' ? await reportPdf(content, number, locale) : await reportXlsx(content, number, locale)
  return {
    fileName: reportFileName(content, number, format),
    contentType: contentTypes[format],
    contentBase64: bytes.toString('base64'),
  }
}
