// A WhatsApp export of the office's LO group into sheets: the threads it proposes, then the ones staff
// confirm, each once per office however often the same (or a longer) export is imported again.
import { randomUUID } from 'node:crypto'
import type { Database, Transaction } from '@mejabantu/db'
import {
  parseChatExport,
  proposeThreads,
  type StakeholderCategory,
  type ThreadProposal,
  type TimeZone,
  type TopicCode,
} from '@mejabantu/domain'
import { strFromU8, unzipSync } from 'fflate'
import { keepArrivedFile } from '../consultations/attachments.ts'
import { insertConsultation } from '../consultations/consultations.ts'
import type { Actor } from '../shared/actor.ts'
import { ensure, refuse } from '../shared/errors.ts'
import { ensureSheetTopic } from '../topics/catalog.ts'
import type { AttachmentStorage } from '../shared/storage/configured.ts'
import { messagingViolations as violations } from './violations.ts'

/** An export as uploaded: the `.txt`, or the `.zip` WhatsApp makes "with media". */
export interface ChatExportFile {
  fileName: string
  contentBase64: string
}

export interface ChatImportPreview {
  threads: (ThreadProposal & { imported: boolean })[]
}

interface Unpacked {
  text: string
  media: Map<string, Uint8Array>
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

// The chat is `_chat.txt` (iOS) or `WhatsApp Chat with … .txt` (Android) inside the zip; media beside it.
function unpack(file: ChatExportFile): Unpacked {
  const bytes = new Uint8Array(Buffer.from(file.contentBase64, 'base64'))
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) return { text: strFromU8(bytes), media: new Map() }
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes, { filter: (f) => f.originalSize <= 64 * 1024 * 1024 })
  } catch {
    refuse('BAD_REQUEST', violations.chatImportEmpty())
  }
  const names = Object.keys(entries).filter((n) => !n.startsWith('__MACOSX/'))
  const chat =
    names.find((n) => /(^|\/)_chat\.txt$/.test(n)) ?? names.find((n) => n.toLowerCase().endsWith('.txt'))
  if (!chat) refuse('BAD_REQUEST', violations.chatImportEmpty())
  const media = new Map(names.filter((n) => n !== chat).map((n) => [n.split('/').at(-1)!, entries[n]!]))
  return { text: strFromU8(entries[chat]!), media }
}

async function threadsOf(db: Database, officeId: string, file: ChatExportFile) {
  const office = await db.prisma.office.findUniqueOrThrow({
    where: { id: officeId },
    select: { id: true, regionCode: true, timeZone: true },
  })
  const zone = office.timeZone as TimeZone
  const { text, media } = unpack(file)
  const chat = ensure(parseChatExport(text.replace(/^\uFEFF/, ''), zone))
  const staff = await db.prisma.user.findMany({ where: { officeId }, select: { displayName: true } })
  const threads = proposeThreads(chat, { zone, staffNames: staff.map((s) => s.displayName) })
  return { office: { ...office, timeZone: zone }, threads, media }
}

/** The threads an export proposes, each saying whether it was already imported. */
export async function previewChatImport(
  db: Database,
  actor: Actor,
  file: ChatExportFile,
): Promise<ChatImportPreview> {
  const officeId = actor.scope.write()
  const { threads } = await threadsOf(db, officeId, file)
  const done = await db.prisma.importedThread.findMany({
    where: { officeId, key: { in: threads.map((t) => t.key) } },
    select: { key: true },
  })
  const imported = new Set(done.map((d) => d.key))
  return { threads: threads.map((t) => ({ ...t, imported: imported.has(t.key) })) }
}

export interface ChatImportChoice extends ChatExportFile {
  keys: string[]
  stakeholderCategory: StakeholderCategory
  topic: TopicCode
  candidatePairId?: string | undefined
}

/**
 * Makes a sheet of channel "grup pesan" of each chosen thread not yet imported: asker, participants,
 * question and minutes quoting the messages, the media the export holds as attachments. Returns the
 * numbers of the sheets made; a thread imported before (by anyone) makes none.
 */
export async function confirmChatImport(
  db: Database,
  storage: AttachmentStorage,
  actor: Actor,
  choice: ChatImportChoice,
): Promise<{ created: string[]; skipped: number }> {
  const officeId = actor.scope.write()
  const { office, threads, media } = await threadsOf(db, officeId, choice)
  await ensureSheetTopic(db.prisma, officeId, choice.topic)
  const chosen = choice.keys.map((key) => {
    const thread = threads.find((t) => t.key === key)
    if (!thread) refuse('BAD_REQUEST', violations.chatImportUnknownThread(key))
    return thread
  })
  if (choice.candidatePairId) {
    const pair = await db.prisma.candidatePair.count({ where: { id: choice.candidatePairId, officeId } })
    if (pair === 0) refuse('NOT_FOUND', violations.chatImportUnknownThread(choice.candidatePairId))
  }
  const created: string[] = []
  let skipped = 0
  for (const thread of chosen) {
    const stored: string[] = []
    try {
      const number = await db.prisma.$transaction(async (tx) => {
        const claim = await tx.$queryRaw<{ key: string }[]>`
          INSERT INTO "ImportedThread" ("officeId", "key", "consultationId")
          VALUES (${officeId}::uuid, ${thread.key}, ${randomUUID()}::uuid)
          ON CONFLICT DO NOTHING RETURNING "key"`
        if (claim.length === 0) return null
        const sheet = await insertConsultation(
          tx,
          office,
          {
            channel: 'grup_pesan',
            askerName: thread.asker.slice(0, 120),
            stakeholderCategory: choice.stakeholderCategory,
            topic: choice.topic,
            question: thread.question || '(tanpa isi)',
            participants: thread.participants.slice(0, 500).map((p) => ({ name: p.name.slice(0, 120) })),
            minutes: thread.minutes || undefined,
            occurredAt: thread.startedAt,
            ...(choice.candidatePairId && { candidatePairId: choice.candidatePairId }),
          },
          actor,
        )
        await tx.importedThread.update({
          where: { officeId_key: { officeId, key: thread.key } },
          data: { consultationId: sheet.id },
        })
        await attachMedia(tx, storage, actor, sheet.id, thread, media, stored)
        return sheet.number
      })
      if (number) created.push(number)
      else skipped += 1
    } catch (error) {
      await Promise.all(stored.map((key) => storage.delete(key).catch(() => {})))
      throw error
    }
  }
  return { created, skipped }
}

const typeByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

async function attachMedia(
  tx: Transaction,
  storage: AttachmentStorage,
  actor: Actor,
  consultationId: string,
  thread: ThreadProposal,
  media: Map<string, Uint8Array>,
  stored: string[],
) {
  for (const name of thread.attachments) {
    const bytes = media.get(name)
    if (!bytes) continue
    const contentType = typeByExtension[name.split('.').at(-1)?.toLowerCase() ?? ''] ?? ''
    const key = await keepArrivedFile(tx, storage, {
      consultationId,
      fileName: name,
      contentType,
      bytes,
      uploadedById: actor.userId,
    })
    if (key) stored.push(key)
  }
}
