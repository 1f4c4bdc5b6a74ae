import { randomUUID } from 'node:crypto'
import type { Transaction } from '@mejabantu/db'
import {
  answerMessage,
  closingMessage,
  notificationKey,
  ratingLink,
  replySubject,
  sheetSubject,
} from '@mejabantu/domain'
import { enqueue } from './outbox.ts'

/** The mail thread a sheet came by, the office mailbox that answers it and the asker's address. */
async function mailThread(tx: Transaction, sheet: { id: string; officeId: string }) {
  const mails = await tx.inboundMail.findMany({
    where: { consultationId: sheet.id, disposition: { in: ['sheet', 'reply'] } },
    orderBy: { sentAt: 'asc' },
    select: { messageId: true, subject: true, fromAddress: true },
  })
  const first = mails[0]
  const last = mails.at(-1)
  if (!first || !last) return null
  const box = await tx.mailbox.findUnique({ where: { officeId: sheet.officeId } })
  if (!box?.enabled) return null
  const recipient = (
    await tx.consultation.findUniqueOrThrow({ where: { id: sheet.id }, select: { askerContact: true } })
  ).askerContact
  if (!recipient?.includes('@')) return null
  return {
    recipient,
    subject: first.subject,
    signature: box.signature,
    domain: box.address.split('@')[1] ?? 'mejabantu.invalid',
    inReplyTo: last.messageId,
    references: mails.map((m) => m.messageId).filter((id) => !id.startsWith('uid.')),
  }
}

/**
 * Queues the answer of a sheet that came by mail back to the asker, in the thread: In-Reply-To the last
 * mail taken in, References every mail of the sheet, subject tagged with the sheet number so a reply whose
 * client dropped the headers still finds it. Sheets of other channels, or without an office mailbox,
 * queue nothing: the desk answers them where they were asked.
 */
export async function queueAnswerMail(
  tx: Transaction,
  sheet: {
    id: string
    officeId: string
    number: string
    answer: string | null
    legalBasis: string | null
    answeredAt: Date | null
  },
): Promise<void> {
  if (!sheet.answer) return
  const thread = await mailThread(tx, sheet)
  if (!thread) return
  const message = answerMessage({
    number: sheet.number,
    subject: thread.subject,
    answer: sheet.answer,
    legalBasis: sheet.legalBasis,
    signature: thread.signature,
  })
  await enqueue(tx, [
    {
      officeId: sheet.officeId,
      kind: 'consultation_answer',
      recipient: thread.recipient,
      subject: sheetSubject(sheet.number, replySubject(thread.subject)),
      text: message.text,
      idempotencyKey: notificationKey(
        'consultation_answer',
        sheet.id,
        (sheet.answeredAt ?? new Date()).toISOString(),
      ),
      messageId: `${randomUUID()}@${thread.domain}`,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
      consultationId: sheet.id,
    },
  ])
}

/**
 * Queues, in the same thread and under the same kind as the answer, the note that a sheet asked by mail
 * is closed, with the link to rate the service. The link is the path the console serves,
 * `/nilai/<token>`, made absolute under `baseUrl` when the server knows its public address.
 */
export async function queueClosingMail(
  tx: Transaction,
  sheet: { id: string; officeId: string; number: string; closedAt: Date | null; ratingToken: string | null },
  baseUrl: string | null = null,
): Promise<void> {
  if (!sheet.ratingToken) return
  const thread = await mailThread(tx, sheet)
  if (!thread) return
  const message = closingMessage({
    number: sheet.number,
    subject: thread.subject,
    ratingLink: ratingLink(sheet.ratingToken, baseUrl),
    signature: thread.signature,
  })
  await enqueue(tx, [
    {
      officeId: sheet.officeId,
      kind: 'consultation_answer',
      recipient: thread.recipient,
      subject: message.subject,
      text: message.text,
      idempotencyKey: notificationKey(
        'consultation_answer',
        sheet.id,
        'closed',
        (sheet.closedAt ?? new Date()).toISOString(),
      ),
      messageId: `${randomUUID()}@${thread.domain}`,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
      consultationId: sheet.id,
    },
  ])
}
