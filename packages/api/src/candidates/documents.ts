import { ReceiptContentSchema, type Locale } from '@mejabantu/domain'
import { z } from 'zod'
import { refuse } from '../shared/errors.ts'
import type { Acting } from '../offices/acting.ts'
import type { ReportFile } from '../reports/schemas.ts'
import { beritaAcaraPdf, receiptPdf } from './document-pdf.ts'
import { beritaAcaraOf, handoverRecord } from './requirements-handover.ts'
import { candidateViolations } from './violations.ts'

/** Which issued document to print: a handover's berita acara or a submission's tanda terima. */
export const DocumentInputSchema = z.strictObject({
  kind: z.enum(['beritaAcara', 'tandaTerima']),
  id: z.uuid(),
  locale: z.enum(['id', 'en']).default('id'),
})
/** Which document to print. */
export type DocumentInput = z.infer<typeof DocumentInputSchema>

const StoredReceiptSchema = ReceiptContentSchema.extend({ receivedAt: z.coerce.date() })
const fileName = (prefix: string, number: string, locale: Locale) =>
  `${prefix}-${number.replaceAll('/', '-')}${locale === 'en' ? '-en' : ''}.pdf`
const pdfFile = (name: string, bytes: Buffer): ReportFile => ({
  fileName: name,
  contentType: 'application/pdf',
  contentBase64: bytes.toString('base64'),
})

async function beritaAcaraFile(acting: Acting, id: string, locale: Locale): Promise<ReportFile> {
  const row = await acting.db.prisma.handover.findUnique({
    where: { id },
    include: { pair: { select: { officeId: true } } },
  })
  if (!row?.content) refuse('NOT_FOUND', candidateViolations.handoverNotFound(id))
  acting.scope.read(row.pair.officeId)
  const signer = row.signedById
    ? await acting.db.prisma.user.findUnique({ where: { id: row.signedById }, select: { displayName: true } })
    : null
  const handover = handoverRecord(row)
  const content = beritaAcaraOf(row.content)
  const signedOff = row.signedAt ? { at: row.signedAt, name: signer?.displayName ?? null } : null
  return pdfFile(
    fileName('berita-acara', content.number, locale),
    await beritaAcaraPdf(content, handover.attendees, signedOff, locale),
  )
}

async function receiptFile(acting: Acting, id: string, locale: Locale): Promise<ReportFile> {
  const row = await acting.db.prisma.submission.findUnique({ where: { id } })
  if (!row) refuse('NOT_FOUND', candidateViolations.submissionNotFound(id))
  acting.scope.read(row.officeId)
  const content = StoredReceiptSchema.parse(row.content)
  return pdfFile(fileName('tanda-terima', content.number, locale), await receiptPdf(content, locale))
}

/** An issued document as a PDF file, for anyone who reads the pair's office. */
export function documentFile(acting: Acting, input: DocumentInput): Promise<ReportFile> {
  return input.kind === 'beritaAcara'
    ? beritaAcaraFile(acting, input.id, input.locale)
    : receiptFile(acting, input.id, input.locale)
}
