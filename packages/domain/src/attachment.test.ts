import { describe, expect, it } from 'vitest'
import {
  AttachmentFileNameSchema,
  AttachmentType,
  AttachmentUploadSchema,
  checkAttachmentContent,
  checkAttachmentFileName,
  MAX_ATTACHMENT_BYTES,
} from './attachment.ts'

const bytes = (...head: number[]) => new Uint8Array([...head, 1, 2, 3])
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))
const samples: Record<AttachmentType, Uint8Array> = {
  'application/pdf': bytes(...ascii('%PDF-1.7')),
  'image/png': bytes(0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a),
  'image/jpeg': bytes(0xff, 0xd8, 0xff, 0xe0),
  'image/webp': bytes(...ascii('RIFF'), 9, 9, 9, 9, ...ascii('WEBPVP8 ')),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': bytes(...ascii('PK'), 3, 4),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': bytes(...ascii('PK'), 3, 4),
}

describe('attachment content', () => {
  it.each(AttachmentType.values)('accepts a %s that starts as one', (type) => {
    expect(checkAttachmentContent(type, samples[type]).ok).toBe(true)
  })

  it('refuses content that is not the declared type', () => {
    const script = new Uint8Array(ascii('#!/bin/sh\nrm -rf /'))
    const result = checkAttachmentContent('application/pdf', script)
    expect(result.ok || result.violation).toMatchObject({
      rule: 'attachment.contentMismatch',
      params: { contentType: 'application/pdf' },
    })
    expect(checkAttachmentContent('image/png', samples['image/jpeg']).ok).toBe(false)
    expect(checkAttachmentContent('image/webp', bytes(...ascii('RIFF'))).ok).toBe(false)
  })

  it('refuses empty files and files over 10 MB, and takes exactly 10 MB', () => {
    const empty = checkAttachmentContent('application/pdf', new Uint8Array())
    expect(empty.ok || empty.violation.rule).toBe('attachment.empty')
    const limit = new Uint8Array(MAX_ATTACHMENT_BYTES)
    limit.set(samples['application/pdf'])
    expect(checkAttachmentContent('application/pdf', limit).ok).toBe(true)
    const over = new Uint8Array(MAX_ATTACHMENT_BYTES + 1)
    over.set(samples['application/pdf'])
    const tooLarge = checkAttachmentContent('application/pdf', over)
    expect(tooLarge.ok || tooLarge.violation).toMatchObject({
      rule: 'attachment.tooLarge',
      params: { max: String(MAX_ATTACHMENT_BYTES) },
    })
  })
})

describe('attachment upload', () => {
  const upload = {
    consultationId: '0b9f1e0e-4a84-4b39-9c39-1c0e6c3b8a10',
    fileName: 'Berita acara C2.pdf',
    contentType: 'application/pdf',
    contentBase64: 'JVBERi0xLjc=',
  }

  it('takes a plain file name, a known type and base64', () => {
    expect(AttachmentUploadSchema.parse(upload).fileName).toBe('Berita acara C2.pdf')
  })

  it.each(['../../etc/passwd', 'C:\\windows\\x.pdf', 'a\u0000.pdf', 'line\nbreak.pdf', '..', ' '])(
    'refuses the file name %j',
    (fileName) => {
      expect(AttachmentFileNameSchema.safeParse(fileName).success).toBe(false)
    },
  )

  it.each(['foto-ktp\u202Egnp.pdf', 'surat\u2066.pdf', 'a\u202Ab.png', 'x\u2069.docx'])(
    'refuses the bidi control in %j, so no file poses as another type',
    (fileName) => {
      const checked = checkAttachmentFileName(fileName)
      expect(checked.ok || checked.violation.rule).toBe('attachment.fileName.bidi')
      expect(AttachmentUploadSchema.safeParse({ ...upload, fileName }).success).toBe(false)
    },
  )

  it('takes names in any script, right-to-left ones included', () => {
    for (const fileName of ['سند.pdf', 'Surat pernyataan — ĕ.pdf', '候选人.png']) {
      expect(checkAttachmentFileName(fileName)).toEqual({ ok: true, value: fileName })
      expect(AttachmentUploadSchema.safeParse({ ...upload, fileName }).success).toBe(true)
    }
  })

  it('refuses other types, text that is not base64, and base64 beyond the limit', () => {
    expect(AttachmentUploadSchema.safeParse({ ...upload, contentType: 'text/html' }).success).toBe(false)
    expect(AttachmentUploadSchema.safeParse({ ...upload, contentBase64: 'not base64!' }).success).toBe(false)
    const tooLong = 'A'.repeat(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4)
    expect(AttachmentUploadSchema.safeParse({ ...upload, contentBase64: tooLong }).success).toBe(false)
  })
})
