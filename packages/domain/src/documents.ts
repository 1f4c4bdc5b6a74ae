import { z } from 'zod'
import { CandidateRole, Pathway } from './candidate.ts'
import { ElectionKind } from './election.ts'
import { CheckStatus, RequirementKind } from './requirement.ts'
import { SubmissionChannel } from './research.ts'
import { labelledEnum } from './labels.ts'
import { TimeZone } from './time.ts'

/** The series of documents the office numbers: berita acara and tanda terima. */
export const DocumentSeries = labelledEnum({
  BA: { id: 'Berita acara', en: 'Official record (berita acara)' },
  TT: { id: 'Tanda terima', en: 'Receipt (tanda terima)' },
})
/** A document series. */
export type DocumentSeries = z.infer<typeof DocumentSeries.schema>

/**
 * An outgoing document's number in KPU's classification for nomination (PL.02.2), e.g.
 * "007/PL.02.2-BA/3402/2024": sequence per office, series and year, the region code without dots.
 */
export function documentNumber(series: DocumentSeries, regionCode: string, year: number, sequence: number) {
  return `${String(sequence).padStart(3, '0')}/PL.02.2-${series}/${regionCode.replaceAll('.', '')}/${year}`
}

/** The pair as a document names it: ballot number, pathway, parties and the two candidates. */
export const DocumentPairSchema = z.object({
  ballotNumber: z.number().int().nullable(),
  pathway: Pathway.schema,
  parties: z.array(z.string()),
  candidates: z.array(z.object({ role: CandidateRole.schema, fullName: z.string() })),
})

/** The office and election a document comes from. */
export const DocumentOriginSchema = z.object({
  office: z.object({ name: z.string(), regionCode: z.string(), timeZone: TimeZone.schema }),
  election: z.object({ name: z.string(), kind: ElectionKind.schema }),
})

/** One document's research result as the berita acara freezes it. */
export const FrozenItemSchema = z.object({
  requirementCode: z.string(),
  name: z.string(),
  kind: RequirementKind.schema,
  subject: z.string(),
  status: CheckStatus.schema,
  reason: z.string().nullable(),
})
/** One frozen item. */
export type FrozenItem = z.infer<typeof FrozenItemSchema>

/**
 * A berita acara hasil penelitian administrasi: every item's status and reason at the handover, frozen.
 * Attendees are read from the handover itself, where erasure of personal data reaches them.
 */
export const BeritaAcaraContentSchema = DocumentOriginSchema.extend({
  number: z.string(),
  pair: DocumentPairSchema,
  heldAt: z.date(),
  place: z.string(),
  items: z.array(FrozenItemSchema),
  frozenAt: z.date(),
})
/** The frozen content of a berita acara. */
export type BeritaAcaraContent = z.infer<typeof BeritaAcaraContentSchema>

/** What a submission is: the registration's documents, a fix, or a replacement candidate's. */
export const SubmissionKind = labelledEnum({
  awal: { id: 'Penyerahan dokumen pendaftaran', en: 'Registration documents' },
  perbaikan: { id: 'Penyerahan dokumen perbaikan', en: 'Fixed documents' },
  pengganti: { id: 'Penyerahan dokumen calon pengganti', en: 'Replacement candidate’s documents' },
})
/** A submission kind. */
export type SubmissionKind = z.infer<typeof SubmissionKind.schema>

/** A tanda terima: the documents the office received from the pair in one submission, frozen. */
export const ReceiptContentSchema = DocumentOriginSchema.extend({
  number: z.string(),
  kind: SubmissionKind.schema,
  pair: DocumentPairSchema,
  receivedAt: z.date(),
  channel: SubmissionChannel.schema,
  receivedBy: z.string(),
  items: z.array(FrozenItemSchema.omit({ status: true, reason: true })),
})
/** The frozen content of a tanda terima. */
export type ReceiptContent = z.infer<typeof ReceiptContentSchema>

/** The kind of a submission from the status its documents move to. */
export function submissionKind(to: CheckStatus, replacement: boolean): SubmissionKind {
  if (to === 'diserahkan_perbaikan') return 'perbaikan'
  return replacement ? 'pengganti' : 'awal'
}
