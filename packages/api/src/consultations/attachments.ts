import { createHash, randomUUID } from 'node:crypto'
import type { Database, Transaction } from '@mejabantu/db'
import {
  AttachmentType,
  checkAttachmentContent,
  MAX_ATTACHMENT_BYTES,
  type Attachment,
  type AttachmentUpload,
} from '@mejabantu/domain'
import { ensure, refuse } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { ensureReadable } from './access.ts'
import type { Actor } from '../shared/actor.ts'
import { consultationViolations as violations } from './violations.ts'
import { toAttachment } from './view.ts'
import type { AttachmentStorage } from '../shared/storage/configured.ts'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/**
 * Stores a file on a sheet that is not closed, for its own office or the office it is referred to. The
 * bytes go to storage first under a key made here, then the row and its audit event in one transaction;
 * if that fails the bytes are removed again.
 */
export async function attachFile(
  db: Database,
  storage: AttachmentStorage,
  actor: Actor,
  upload: AttachmentUpload,
): Promise<Attachment> {
  const bytes = new Uint8Array(Buffer.from(upload.contentBase64, 'base64'))
  ensure(checkAttachmentContent(upload.contentType, bytes))
  const consultation = await db.prisma.consultation.findUnique({
    where: { id: upload.consultationId },
    select: { id: true, number: true, officeId: true, referredToOfficeId: true, status: true },
  })
  if (!consultation) refuse('NOT_FOUND', violations.notFound(upload.consultationId))
  await ensureReadable(db.prisma, actor, consultation)
  actor.scope.write(
    consultation.referredToOfficeId === actor.scope.officeId ? actor.scope.officeId : consultation.officeId,
  )
  if (consultation.status === 'selesai') refuse('CONFLICT', violations.closed(consultation.number))

  const id = randomUUID()
  const storageKey = `consultations/${consultation.id}/${id}`
  const digest = sha256(bytes)
  await storage.put(storageKey, bytes, upload.contentType)
  try {
    return await db.prisma.$transaction(async (tx) => {
      // Closing may have happened while the bytes were uploading.
      const still = await tx.consultation.count({
        where: { id: consultation.id, status: { not: 'selesai' } },
      })
      if (still === 0) refuse('CONFLICT', violations.closed(consultation.number))
      const row = await tx.attachment.create({
        data: {
          id,
          consultationId: consultation.id,
          fileName: upload.fileName,
          contentType: upload.contentType,
          size: bytes.length,
          sha256: digest,
          storageKey,
          uploadedById: actor.userId,
        },
      })
      await writeAudit(tx, {
        actorId: actor.userId,
        action: 'consultation.attach',
        targetType: 'Consultation',
        targetId: consultation.id,
        after: {
          attachmentId: id,
          fileName: row.fileName,
          contentType: row.contentType,
          size: row.size,
          sha256: digest,
        },
        ip: actor.ip,
      })
      return toAttachment(row)
    })
  } catch (error) {
    await storage.delete(storageKey).catch(() => {})
    throw error
  }
}

/** A file that came with a mail or a chat export, to keep on a sheet if it is of a kind sheets accept. */
export interface ArrivedFile {
  consultationId: string
  fileName: string
  contentType: string
  bytes: Uint8Array
  /** Null for files the system took in by itself (a mail). */
  uploadedById: string | null
}

/**
 * Keeps an arrived file as an attachment inside the caller's transaction, when its type, size and content
 * are ones an upload would be accepted with; anything else is passed over (it stays in what it came in).
 * Returns the storage key written, for the caller to remove should the transaction fail, or null.
 */
export async function keepArrivedFile(
  tx: Transaction,
  storage: AttachmentStorage,
  file: ArrivedFile,
): Promise<string | null> {
  const type = AttachmentType.schema.safeParse(file.contentType)
  const { bytes } = file
  if (!type.success || bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) return null
  if (!checkAttachmentContent(type.data, bytes).ok) return null
  const id = randomUUID()
  const storageKey = `consultations/${file.consultationId}/${id}`
  await storage.put(storageKey, bytes, type.data)
  await tx.attachment.create({
    data: {
      id,
      consultationId: file.consultationId,
      fileName: file.fileName.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200) || `lampiran-${id.slice(0, 8)}`,
      contentType: type.data,
      size: bytes.length,
      sha256: sha256(bytes),
      storageKey,
      uploadedById: file.uploadedById,
    },
  })
  return storageKey
}

/** The attachments of a sheet the actor may read, oldest first. */
export async function listAttachments(
  db: Database,
  actor: Actor,
  consultationId: string,
): Promise<Attachment[]> {
  const consultation = await db.prisma.consultation.findUnique({
    where: { id: consultationId },
    select: { officeId: true, referredToOfficeId: true },
  })
  if (!consultation) refuse('NOT_FOUND', violations.notFound(consultationId))
  await ensureReadable(db.prisma, actor, consultation)
  const rows = await db.prisma.attachment.findMany({
    where: { consultationId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  return rows.map(toAttachment)
}

/** An attachment's bytes, checked against the sha256 recorded at upload. */
export async function readAttachment(
  db: Database,
  storage: AttachmentStorage,
  actor: Actor,
  id: string,
): Promise<Attachment & { contentBase64: string }> {
  const row = await db.prisma.attachment.findUnique({
    where: { id },
    include: { consultation: { select: { officeId: true, referredToOfficeId: true } } },
  })
  if (!row) refuse('NOT_FOUND', violations.attachmentNotFound(id))
  await ensureReadable(db.prisma, actor, row.consultation)
  const bytes = await storage.get(row.storageKey)
  if (!bytes || sha256(bytes) !== row.sha256) {
    refuse('INTERNAL_SERVER_ERROR', violations.attachmentUnavailable(id))
  }
  return { ...toAttachment(row), contentBase64: Buffer.from(bytes).toString('base64') }
}
