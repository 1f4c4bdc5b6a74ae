// Messages to a pair's LO about its documents: the research results with the fixing deadline, and the
// tanda terima of each hand-in. Queued in the transaction that records them, so neither goes out for a
// step that was rolled back.
import { createHash } from 'node:crypto'
import type { Transaction } from '@mejabantu/db'
import {
  findWindow,
  notificationKey,
  receiptMessage,
  researchResultMessage,
  type CheckEvent,
  type OutgoingMessage,
  type NotificationKind,
  type StageCalendar,
  type TimeZone,
} from '@mejabantu/domain'
import { enqueue } from './outbox.ts'

/** A pair as its notices name it, with where they reach its LO. */
export interface NoticePair {
  id: string
  officeId: string
  label: string
  loEmail: string | null
  loPhone: string | null
}

/** "Paslon nomor urut 2 (Budi – Ani)" or, before the draw, the candidates' names. */
export function pairLabel(pair: {
  ballotNumber: number | null
  candidates: { role: string; fullName: string }[]
}) {
  const names = [...pair.candidates]
    .sort((a, b) => (a.role === 'kepala' ? -1 : b.role === 'kepala' ? 1 : 0))
    .map((c) => c.fullName)
    .join(' – ')
  return pair.ballotNumber ? `Paslon nomor urut ${pair.ballotNumber} (${names})` : `Bakal paslon ${names}`
}

/** Queues one message to every contact of the LO (e-mail, and the gateway for the phone). */
export function queueToLo(
  tx: Transaction,
  pair: NoticePair,
  kind: NotificationKind,
  message: OutgoingMessage,
  ...keyParts: string[]
) {
  const recipients = [pair.loEmail, pair.loPhone].filter((r): r is string => !!r)
  return enqueue(
    tx,
    recipients.map((recipient) => ({
      officeId: pair.officeId,
      kind,
      recipient,
      subject: message.subject,
      text: message.text,
      idempotencyKey: notificationKey(kind, pair.id, recipient, ...keyParts),
      pairId: pair.id,
    })),
  )
}

/** The columns a notice needs of a pair: where its LO is reached, and its current candidates' names. */
export const noticePairSelect = {
  id: true,
  officeId: true,
  ballotNumber: true,
  loEmail: true,
  loPhone: true,
  candidates: { where: { replacedAt: null }, select: { role: true, fullName: true } },
} as const

async function noticePair(tx: Transaction, pairId: string): Promise<NoticePair> {
  const pair = await tx.candidatePair.findUniqueOrThrow({ where: { id: pairId }, select: noticePairSelect })
  return { ...pair, label: pairLabel(pair) }
}

interface ResearchedCheck {
  pairId: string
  requirementCode: string
  title: string
  subject: string
  event: CheckEvent
}

/**
 * Tells each pair's LO the results of a research batch (MS, BMS, TMS), BMS first with the perbaikan
 * window in the office's zone. One message per pair and batch instant.
 */
export async function queueResearchNotices(
  tx: Transaction,
  office: { name: string; timeZone: TimeZone },
  calendar: StageCalendar,
  checks: readonly ResearchedCheck[],
): Promise<void> {
  const results = checks.filter(
    (c) =>
      c.event.kind !== 'penyerahan' && (c.event.to === 'MS' || c.event.to === 'BMS' || c.event.to === 'TMS'),
  )
  const pairs = [...new Set(results.map((c) => c.pairId))]
  const window = findWindow(calendar, 'perbaikan', office.timeZone)
  for (const pairId of pairs) {
    const pair = await noticePair(tx, pairId)
    const items = results
      .filter((c) => c.pairId === pairId)
      .map((c) => ({
        code: c.requirementCode,
        title: c.title,
        subject: c.subject,
        status: c.event.to as 'MS' | 'BMS' | 'TMS',
      }))
    const message = researchResultMessage({
      officeName: office.name,
      pairLabel: pair.label,
      items,
      fixWindow: window && { opensAt: window.opensAt, lastMinute: window.lastMinute },
      zone: office.timeZone,
    })
    const at = results.find((c) => c.pairId === pairId)!.event.at.toISOString()
    const batch = createHash('sha256')
      .update(items.map((i) => `${i.code}.${i.subject}.${i.status}`).join(','))
      .digest('hex')
      .slice(0, 16)
    await queueToLo(tx, pair, 'research_result', message, at, batch)
  }
}

/** Sends the LO the tanda terima of a hand-in, once per submission. */
export async function queueReceiptNotice(
  tx: Transaction,
  office: { name: string; timeZone: TimeZone },
  submission: { id: string; pairId: string; number: string; receivedAt: Date },
  items: { code: string; title: string; subject: string }[],
): Promise<void> {
  const pair = await noticePair(tx, submission.pairId)
  const message = receiptMessage({
    officeName: office.name,
    pairLabel: pair.label,
    number: submission.number,
    receivedAt: submission.receivedAt,
    items,
    zone: office.timeZone,
  })
  await queueToLo(tx, pair, 'submission_receipt', message, submission.id)
}
