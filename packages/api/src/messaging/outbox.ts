// The outbox: messages queued in the transaction of the event that causes them, delivered after by the
// notifier of their channel, retried on a schedule, never queued twice for one event (idempotency key).
import type { Database, Transaction } from '@mejabantu/db'
import { kindAllowed, nextAttemptAt, type NotificationKind } from '@mejabantu/domain'
import { DeliveryFailure, type Notifier } from './notifier.ts'
import type { SecretBox } from './secret-box.ts'

/** A message to queue; the recipient is an e-mail address or a phone number (E.164). */
export interface QueuedMessage {
  officeId: string
  kind: NotificationKind
  recipient: string
  subject: string
  text: string
  idempotencyKey: string
  messageId?: string
  inReplyTo?: string | null
  references?: string[]
  consultationId?: string | null
  pairId?: string | null
  visitId?: string | null
}

const isEmail = (recipient: string) => recipient.includes('@')

/**
 * Queues messages unless the office turned their kind off; e-mail addresses go by mail, phone numbers to
 * the office's gateway when it has one. Returns how many were queued (a repeated event queues none).
 */
export async function enqueue(tx: Transaction, messages: readonly QueuedMessage[]): Promise<number> {
  if (messages.length === 0) return 0
  const offices = [...new Set(messages.map((m) => m.officeId))]
  const settings = await tx.officeMessaging.findMany({ where: { officeId: { in: offices } } })
  const of = (officeId: string) => settings.find((s) => s.officeId === officeId)
  const rows = messages.flatMap((m) => {
    const office = of(m.officeId)
    if (!kindAllowed(office?.kindsOff ?? [], m.kind)) return []
    const channel = isEmail(m.recipient) ? 'email' : office?.webhookUrl ? 'webhook' : null
    if (!channel) return []
    return [
      {
        officeId: m.officeId,
        kind: m.kind,
        channel,
        recipient: m.recipient,
        subject: m.subject,
        text: m.text,
        idempotencyKey: m.idempotencyKey,
        messageId: m.messageId ?? null,
        inReplyTo: m.inReplyTo ?? null,
        references: m.references ?? [],
        consultationId: m.consultationId ?? null,
        pairId: m.pairId ?? null,
        visitId: m.visitId ?? null,
      },
    ]
  })
  if (rows.length === 0) return 0
  const { count } = await tx.outboxMessage.createMany({ data: rows, skipDuplicates: true })
  return count
}

/** Delivers what is due; the lease keeps a second server process from sending the same message meanwhile. */
export interface OutboxDeps {
  db: Database
  secrets: SecretBox | null
  notifiers: readonly Notifier[]
  /** Only this office's messages (an admin's "send now"); every office's when not given. */
  officeId?: string
}

const LEASE_MS = 5 * 60_000
const BATCH = 20

export async function deliverDueMessages(
  deps: OutboxDeps,
  now = new Date(),
): Promise<{ sent: number; failed: number }> {
  const office = deps.officeId ?? null
  const claimed = await deps.db.prisma.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMessage" SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage" WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now}
        AND (${office}::uuid IS NULL OR "officeId" = ${office}::uuid)
      ORDER BY "nextAttemptAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING "id"`
  let sent = 0
  let failed = 0
  for (const { id } of claimed) {
    const message = await deps.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })
    const notifier = deps.notifiers.find((n) => n.channel === message.channel)
    try {
      if (!notifier) throw new DeliveryFailure(`no provider for ${message.channel}`, 'permanent')
      await notifier.deliver(message, deps.secrets)
      await deps.db.prisma.outboxMessage.update({
        where: { id },
        data: { status: 'sent', sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
      })
      sent += 1
    } catch (error) {
      const failure = error instanceof DeliveryFailure ? error.failure : 'temporary'
      const attempts = message.attempts + 1
      const next = nextAttemptAt(attempts, now, failure)
      await deps.db.prisma.outboxMessage.update({
        where: { id },
        data: {
          attempts,
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          ...(next ? { nextAttemptAt: next } : { status: 'dead' }),
        },
      })
      failed += 1
    }
  }
  return { sent, failed }
}
