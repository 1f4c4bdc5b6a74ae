// What a sheet or a pair was told and what came in by mail: the messages side of its history.
import type { Database } from '@mejabantu/db'
import { z } from 'zod'
import type { Actor } from '../shared/actor.ts'
import { refuse } from '../shared/errors.ts'
import { ensureReadable } from '../consultations/access.ts'
import { consultationViolations } from '../consultations/violations.ts'

export const MessageEntrySchema = z.object({
  id: z.string(),
  direction: z.enum(['masuk', 'keluar']),
  at: z.date(),
  kind: z.string(),
  channel: z.string(),
  /** The sender of a mail taken in, the recipient of a message sent. */
  party: z.string().nullable(),
  subject: z.string(),
  text: z.string().nullable(),
  /** Outgoing: pending, sent or dead; incoming: sheet, reply or skipped. */
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
})
export type MessageEntry = z.infer<typeof MessageEntrySchema>

const outgoing = (row: {
  id: string
  createdAt: Date
  sentAt: Date | null
  kind: string
  channel: string
  recipient: string
  subject: string
  text: string
  status: string
  attempts: number
  lastError: string | null
}): MessageEntry => ({
  id: row.id,
  direction: 'keluar',
  at: row.sentAt ?? row.createdAt,
  kind: row.kind,
  channel: row.channel,
  party: row.recipient,
  subject: row.subject,
  text: row.text,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
})

const byTime = (a: MessageEntry, b: MessageEntry) => a.at.getTime() - b.at.getTime()

/** The mails of a sheet and the messages sent about it, oldest first. */
export async function sheetMessages(
  db: Database,
  actor: Actor,
  consultationId: string,
): Promise<MessageEntry[]> {
  const sheet = await db.prisma.consultation.findUnique({
    where: { id: consultationId },
    select: { officeId: true, referredToOfficeId: true },
  })
  if (!sheet) refuse('NOT_FOUND', consultationViolations.notFound(consultationId))
  await ensureReadable(db.prisma, actor, sheet)
  const [mails, sent] = await Promise.all([
    db.prisma.inboundMail.findMany({ where: { consultationId } }),
    db.prisma.outboxMessage.findMany({ where: { consultationId } }),
  ])
  return [
    ...mails.map((m): MessageEntry => ({
      id: m.id,
      direction: 'masuk',
      // When the desk took it in: a mail's own Date is the sender's clock, to the second.
      at: m.createdAt,
      kind: m.disposition === 'reply' ? 'mail_reply' : 'mail',
      channel: 'email',
      party: m.fromName ? `${m.fromName} <${m.fromAddress ?? ''}>` : m.fromAddress,
      subject: m.subject,
      text: m.text,
      status: m.disposition,
      attempts: 0,
      lastError: null,
    })),
    ...sent.map(outgoing),
  ].sort(byTime)
}

/** The messages sent to a pair's LO and about it, oldest first. */
export async function pairMessages(db: Database, actor: Actor, pairId: string): Promise<MessageEntry[]> {
  const pair = await db.prisma.candidatePair.findUnique({ where: { id: pairId }, select: { officeId: true } })
  if (!pair) refuse('NOT_FOUND', consultationViolations.candidatePairNotFound(pairId))
  actor.scope.read(pair.officeId)
  const sent = await db.prisma.outboxMessage.findMany({ where: { pairId }, orderBy: { createdAt: 'asc' } })
  return sent.map(outgoing).sort(byTime)
}
