import { randomUUID } from 'node:crypto'
import type { Transaction } from '@mejabantu/db'
import { answerMessage, notificationKey, replySubject, sheetSubject } from '@mejabantu/domain'
import { enqueue } from './outbox.ts'

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
  const mails = await tx.inboundMail.findMany({
    where: { consultationId: sheet.id, disposition: { in: ['sheet', 'reply'] } },
    orderBy: { sentAt: 'asc' },
    select: { messageId: true, subject: true, fromAddress: true },
  })
  const first = mails[0]
  const last = mails.at(-1)
  if (!first || !last) return
  const box = await tx.mailbox.findUnique({ where: { officeId: sheet.officeId } })
  if (!box?.enabled) return
  const recipient = (
    await tx.consultation.findUniqueOrThrow({ where: { id: sheet.id }, select: { askerContact: true } })
  ).askerContact
  if (!recipient?.includes('@')) return
  const message = answerMessage({
    number: sheet.number,
    subject: first.subject,
    answer: sheet.answer,
    legalBasis: sheet.legalBasis,
    signature: box.signature,
  })
  const domain = box.address.split('@')[1] ?? 'mejabantu.invalid'
  await enqueue(tx, [
    {
      officeId: sheet.officeId,
      kind: 'consultation_answer',
      recipient,
      subject: sheetSubject(sheet.number, replySubject(first.subject)),
      text: message.text,
      idempotencyKey: notificationKey(
        'consultation_answer',
        sheet.id,
        (sheet.answeredAt ?? new Date()).toISOString(),
      ),
      messageId: `${randomUUID()}@${domain}`,
      inReplyTo: last.messageId,
      references: mails.map((m) => m.messageId).filter((id) => !id.startsWith('uid.')),
      consultationId: sheet.id,
    },
  ])
}
