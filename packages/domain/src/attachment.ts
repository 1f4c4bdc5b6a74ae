import { z } from 'zod'
import { labelledEnum } from './labels.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import { hasBidiControl } from './safe-text.ts'

/** The file types a consultation may carry: scans, photos and the office formats SILON users send. */
export const AttachmentType = labelledEnum({
  'application/pdf': { id: 'PDF', en: 'PDF' },
  'image/png': { id: 'Gambar PNG', en: 'PNG image' },
  'image/jpeg': { id: 'Gambar JPEG', en: 'JPEG image' },
  'image/webp': { id: 'Gambar WebP', en: 'WebP image' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    id: 'Dokumen Word (.docx)',
    en: 'Word document (.docx)',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    id: 'Lembar kerja Excel (.xlsx)',
    en: 'Excel workbook (.xlsx)',
  },
})
/** An accepted attachment content type. */
export type AttachmentType = z.infer<typeof AttachmentType.schema>

/** The largest attachment, in bytes (10 MB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

/** A file name as shown and offered on download: no folders, no control characters. */
export const AttachmentFileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^/\\\p{Cc}]+$/u)
  .refine((name) => name !== '.' && name !== '..')

/**
 * Whether a new file may carry this name: no bidirectional embedding, override or isolate, which would
 * show `foto-ktp\u202Egnp.pdf` as `foto-ktpfdp.png`, a PDF posing as a photo.
 */
export function checkAttachmentFileName(name: string): RuleResult<string> {
  if (!hasBidiControl(name)) return allow(name)
  return deny({
    rule: 'attachment.fileName.bidi',
    params: {},
    message: {
      id: 'Nama berkas memuat karakter yang membalik urutan tampilannya.',
      en: 'The file name contains characters that reverse how it is displayed.',
    },
  })
}

/** The name of a file being uploaded: a valid file name that {@link checkAttachmentFileName} allows. */
export const AttachmentUploadFileNameSchema = AttachmentFileNameSchema.superRefine((name, ctx) => {
  const checked = checkAttachmentFileName(name)
  if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.violation.message.en })
})

/** An upload: the file as base64 inside the request, at most {@link MAX_ATTACHMENT_BYTES} once decoded. */
export const AttachmentUploadSchema = z.object({
  consultationId: z.uuid(),
  fileName: AttachmentUploadFileNameSchema,
  contentType: AttachmentType.schema,
  contentBase64: z.base64().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4),
})
/** An upload as sent. */
export type AttachmentUpload = z.infer<typeof AttachmentUploadSchema>

/** A stored attachment's description; the bytes are fetched separately. */
export const AttachmentSchema = z.object({
  id: z.uuid(),
  consultationId: z.uuid(),
  fileName: AttachmentFileNameSchema,
  contentType: AttachmentType.schema,
  size: z.number().int().positive().max(MAX_ATTACHMENT_BYTES),
  /** Hex sha256 of the bytes, checked again on download. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedById: z.uuid().nullable(),
  createdAt: z.date(),
})
/** A stored attachment. */
export type Attachment = z.infer<typeof AttachmentSchema>

const ZIP = [0x50, 0x4b, 0x03, 0x04]
// The first bytes each type starts with; `null` is a byte that may be anything (the RIFF size).
const signatures: Record<AttachmentType, readonly (readonly (number | null)[])[]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/webp': [[0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50]],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [ZIP],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [ZIP],
}

const startsWith = (bytes: Uint8Array, signature: readonly (number | null)[]) =>
  bytes.length >= signature.length && signature.every((b, i) => b === null || bytes[i] === b)

/**
 * Whether the bytes may be stored as the declared type: not empty, at most 10 MB, and starting the way
 * that type does, so a renamed executable or script is not passed off as a PDF or a photo.
 */
export function checkAttachmentContent(contentType: AttachmentType, bytes: Uint8Array): RuleResult<true> {
  if (bytes.length === 0) {
    return deny({
      rule: 'attachment.empty',
      params: {},
      message: { id: 'Berkas kosong.', en: 'The file is empty.' },
    })
  }
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    return deny({
      rule: 'attachment.tooLarge',
      params: { size: String(bytes.length), max: String(MAX_ATTACHMENT_BYTES) },
      message: {
        id: 'Berkas melebihi batas 10 MB.',
        en: 'The file exceeds the 10 MB limit.',
      },
    })
  }
  if (!signatures[contentType].some((signature) => startsWith(bytes, signature))) {
    return deny({
      rule: 'attachment.contentMismatch',
      params: { contentType },
      message: {
        id: `Isi berkas bukan ${AttachmentType.label(contentType)}.`,
        en: `The file's content is not a ${AttachmentType.label(contentType, 'en')}.`,
      },
    })
  }
  return allow(true)
}
