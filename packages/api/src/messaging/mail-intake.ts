// One mail from the office's mailbox into the help desk: a new sheet of channel e-mail, a reply joining
// its sheet, or skipped (auto-replies, bounces) — once per Message-ID, in one transaction with the UID.
import { randomUUID } from 'node:crypto'
import type { Transaction } from '@mejabantu/db'
import {
  applyConsultationAction,
  type ConsultationStatus,
  askerFromMail,
  classifyMail,
  normaliseMessageId,
  questionFromText,
  sheetNumberInSubject,
  threadReferences,
  type InboundMailHeaders,
  type TimeZone,
} from '@mejabantu/domain'
import { convert } from 'html-to-text'
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser'
import { keepArrivedFile } from '../consultations/attachments.ts'
import { insertConsultation } from '../consultations/consultations.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { recountConsultationDay } from '../reports/daily-summary.ts'
import type { AttachmentStorage } from '../shared/storage/configured.ts'

/** Where a mail came from: the mailbox row and the UID it has there. */
export interface MailSource {
  mailbox: { id: string; officeId: string; address: string }
  office: { id: string; regionCode: string; timeZone: TimeZone }
  uidValidity: bigint
  uid: number
  raw: Buffer
}

export type IntakeOutcome = 'sheet' | 'reply' | 'skipped' | 'duplicate'

const firstAddress = (value: AddressObject | AddressObject[] | undefined) => {
  const entry = (Array.isArray(value) ? value[0] : value)?.value[0]
  return entry?.address ? { name: entry.name || undefined, address: entry.address } : null
}

// A header as written (unfolded), not as mailparser structures it: it files List-Id under `list` and makes
// Return-Path an address object, and the rules read the text.
const header = (mail: ParsedMail, name: string): string | null => {
  const line = mail.headerLines.find((h) => h.key === name)?.line
  return line === undefined
    ? null
    : line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim()
}

// HTML-only mail becomes plain text: markup, scripts and styles dropped, links kept as text.
const htmlText = (html: string) =>
  convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  })

/** The headers the domain's intake rules read, from a parsed mail. */
export function intakeHeaders(mail: ParsedMail): InboundMailHeaders {
  const references = mail.references === undefined ? [] : [mail.references].flat()
  return {
    from: firstAddress(mail.from),
    replyTo: firstAddress(mail.replyTo),
    subject: mail.subject ?? '',
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references,
    autoSubmitted: header(mail, 'auto-submitted'),
    precedence: header(mail, 'precedence'),
    contentType: header(mail, 'content-type'),
    returnPath: header(mail, 'return-path'),
    xAutoResponseSuppress: header(mail, 'x-auto-response-suppress'),
    xAutoreply: header(mail, 'x-autoreply') ?? header(mail, 'x-autorespond'),
    listId: header(mail, 'list-id'),
    xFailedRecipients: header(mail, 'x-failed-recipients'),
  }
}

/**
 * Takes one mail in, inside the caller's transaction (which also advances the mailbox's UID, so a crash
 * either keeps both or neither). The raw message is stored first; a rolled-back mail leaves only bytes
 * no row names, which a later run writes again under a new key.
 */
export async function takeInMail(
  tx: Transaction,
  storage: AttachmentStorage,
  source: MailSource,
): Promise<IntakeOutcome> {
  const mail = await simpleParser(source.raw, { skipImageLinks: true })
  const headers = intakeHeaders(mail)
  const messageId =
    normaliseMessageId(headers.messageId) ?? `uid.${source.uidValidity}.${source.uid}@${source.mailbox.id}`
  const seen = await tx.inboundMail.findUnique({
    where: { officeId_messageId: { officeId: source.office.id, messageId } },
    select: { id: true },
  })
  if (seen) return 'duplicate'

  const id = randomUUID()
  const rawStorageKey = `mail/${source.office.id}/${id}.eml`
  await storage.put(rawStorageKey, new Uint8Array(source.raw), 'message/rfc822')
  const text = questionFromText(mail.text ?? (mail.html ? htmlText(mail.html) : ''))
  const base = {
    id,
    officeId: source.office.id,
    messageId,
    uidValidity: source.uidValidity,
    uid: source.uid,
    fromAddress: headers.from?.address ?? null,
    fromName: headers.from?.name ?? null,
    subject: headers.subject.slice(0, 998),
    text: text || null,
    sentAt: mail.date ?? new Date(),
    rawStorageKey,
  }
  const disposition = classifyMail(headers, [source.mailbox.address])
  if (disposition.kind === 'skip') {
    await tx.inboundMail.create({ data: { ...base, disposition: 'skipped', skipReason: disposition.reason } })
    return 'skipped'
  }

  // A reply to a closed sheet starts a new one: the closed record stays as it was signed off.
  const thread = await sheetOfThread(tx, source.office.id, headers)
  if (thread && thread.status !== 'selesai') {
    await tx.inboundMail.create({ data: { ...base, disposition: 'reply', consultationId: thread.id } })
    await attachFiles(tx, storage, thread.id, mail)
    const reopened = applyConsultationAction(
      { ...thread, status: thread.status as ConsultationStatus },
      { type: 'reply' },
      new Date(),
    )
    if (reopened.ok) {
      await tx.consultation.update({ where: { id: thread.id }, data: { status: reopened.value.status } })
      await recountConsultationDay(tx, source.office, thread.occurredAt)
    }
    await writeAudit(tx, {
      actorId: null,
      officeId: source.office.id,
      action: 'consultation.mailReply',
      targetType: 'Consultation',
      targetId: thread.id,
      before: { status: thread.status },
      after: { messageId, status: reopened.ok ? reopened.value.status : thread.status },
      ip: null,
    })
    return 'reply'
  }

  const asker = askerFromMail(headers)
  if (!asker) {
    await tx.inboundMail.create({ data: { ...base, disposition: 'skipped', skipReason: 'no_sender' } })
    return 'skipped'
  }
  const pair = await tx.candidatePair.findFirst({
    where: { officeId: source.office.id, loEmail: { equals: asker.contact, mode: 'insensitive' } },
    select: { id: true },
  })
  const question =
    [headers.subject.trim(), text].filter(Boolean).join('\n\n').slice(0, 10_000) || '(tanpa isi)'
  const sheet = await insertConsultation(
    tx,
    source.office,
    {
      channel: 'email',
      askerName: asker.name,
      askerContact: asker.contact,
      stakeholderCategory: pair ? 'lo' : 'lainnya',
      topic: 'lainnya',
      question,
      participants: [],
      occurredAt: base.sentAt > new Date() ? new Date() : base.sentAt,
      ...(pair && { candidatePairId: pair.id }),
    },
    { userId: null, ip: null },
  )
  await tx.inboundMail.create({ data: { ...base, disposition: 'sheet', consultationId: sheet.id } })
  await attachFiles(tx, storage, sheet.id, mail)
  return 'sheet'
}

const threadSelect = {
  id: true,
  status: true,
  occurredAt: true,
  firstResponseAt: true,
  answeredAt: true,
  referredAt: true,
  closedAt: true,
  referredToOfficeId: true,
  mergedIntoId: true,
} as const

const threadRow = (tx: Transaction, id: string) =>
  tx.consultation.findUnique({ where: { id }, select: threadSelect })

/**
 * The sheet a reply belongs to. A merged duplicate is read and answered on the sheet it was merged into,
 * so its thread continues there (following a kept sheet that was itself merged later).
 */
async function sheetOfThread(tx: Transaction, officeId: string, headers: InboundMailHeaders) {
  let sheet = await threadSheet(tx, officeId, headers)
  for (let hops = 0; sheet?.mergedIntoId && hops < 10; hops++) sheet = await threadRow(tx, sheet.mergedIntoId)
  return sheet
}

/** The sheet a reply answers: by the Message-IDs it answers (ours or the asker's), else by the tag. */
async function threadSheet(tx: Transaction, officeId: string, headers: InboundMailHeaders) {
  const references = threadReferences(headers)
  if (references.length > 0) {
    const inbound = await tx.inboundMail.findFirst({
      where: { officeId, messageId: { in: references }, consultationId: { not: null } },
      select: { consultationId: true },
    })
    const outbound =
      inbound ??
      (await tx.outboxMessage.findFirst({
        where: { officeId, messageId: { in: references }, consultationId: { not: null } },
        select: { consultationId: true },
      }))
    if (outbound?.consultationId) return threadRow(tx, outbound.consultationId)
  }
  const number = sheetNumberInSubject(headers.subject)
  return number ? tx.consultation.findFirst({ where: { officeId, number }, select: threadSelect }) : null
}

// Files of the kinds a sheet accepts are kept as its attachments; the rest stay in the raw message only.
async function attachFiles(
  tx: Transaction,
  storage: AttachmentStorage,
  consultationId: string,
  mail: ParsedMail,
) {
  for (const file of mail.attachments) {
    await keepArrivedFile(tx, storage, {
      consultationId,
      fileName: file.filename ?? '',
      contentType: file.contentType,
      bytes: new Uint8Array(file.content),
      uploadedById: null,
    })
  }
}
