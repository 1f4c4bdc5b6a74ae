import { submissionKind, type CheckEvent, type ReceiptContent } from '@mejabantu/domain'
import type { Prisma, Transaction } from '@mejabantu/db'
import { writeAudit } from '../shared/audit-writer.ts'
import { queueReceiptNotice } from '../messaging/pair-notices.ts'
import type { Acting } from '../offices/acting.ts'
import { catalogOf } from './elections-records.ts'
import { nextDocumentNumber } from './document-numbers.ts'
import { documentPair } from './document-pair.ts'
import { currentCandidates } from './records.ts'
import type { LoadedCheck } from './requirements.ts'

type Judged = { check: LoadedCheck; event: CheckEvent }

/**
 * Issues a tanda terima for the hand-ins among judged steps, one per pair, kind, time and channel, and
 * says which submission each document's step belongs to.
 */
export async function issueReceipts(
  tx: Transaction,
  acting: Acting,
  judged: readonly Judged[],
): Promise<Map<string, string>> {
  const groups = new Map<string, Judged[]>()
  for (const entry of judged) {
    const { event, check } = entry
    if (event.kind !== 'penyerahan') continue
    const kind = submissionKind(event.to, check.generation > 1)
    const key = [check.pair.id, kind, event.receivedAt!.toISOString(), event.channel].join('|')
    groups.set(key, [...(groups.get(key) ?? []), entry])
  }
  const submissionOf = new Map<string, string>()
  for (const group of groups.values()) {
    const id = await issueReceipt(tx, acting, group)
    for (const { check } of group) submissionOf.set(check.id, id)
  }
  return submissionOf
}

async function issueReceipt(tx: Transaction, acting: Acting, group: readonly Judged[]): Promise<string> {
  const [{ check, event }] = group as [Judged, ...Judged[]]
  const { election } = check.pair
  const office = { id: check.pair.officeId, ...election.office }
  const pair = await tx.candidatePair.findUniqueOrThrow({
    where: { id: check.pair.id },
    include: { candidates: currentCandidates },
  })
  const items = new Map(catalogOf(election).items.map((i) => [i.code, i]))
  const number = await nextDocumentNumber(tx, office, 'TT', acting.now)
  const kind = submissionKind(event.to, check.generation > 1)
  const content: ReceiptContent = {
    number,
    kind,
    office: { name: office.name, regionCode: office.regionCode, timeZone: office.timeZone },
    election: { name: election.name, kind: election.kind as ReceiptContent['election']['kind'] },
    pair: documentPair(pair),
    receivedAt: event.receivedAt!,
    channel: event.channel!,
    receivedBy: acting.user.displayName,
    items: group.map(({ check: c }) => ({
      requirementCode: c.requirementCode,
      name: items.get(c.requirementCode)?.name ?? c.requirementCode,
      kind: items.get(c.requirementCode)?.kind ?? 'syarat_calon',
      subject: c.subject,
    })),
  }
  const created = await tx.submission.create({
    data: {
      pairId: pair.id,
      officeId: office.id,
      number,
      kind,
      channel: content.channel,
      receivedAt: content.receivedAt,
      receivedById: acting.user.id,
      content: {
        ...content,
        receivedAt: content.receivedAt.toISOString(),
      } as unknown as Prisma.InputJsonValue,
    },
  })
  await writeAudit(tx, {
    actorId: acting.user.id,
    action: 'pair.submission',
    targetType: 'CandidatePair',
    targetId: pair.id,
    after: {
      submissionId: created.id,
      number,
      kind,
      channel: content.channel,
      receivedAt: content.receivedAt.toISOString(),
      documents: content.items.map((i) => `${i.requirementCode} ${i.subject}`),
    },
    ip: acting.ip,
  })
  await queueReceiptNotice(
    tx,
    { name: office.name, timeZone: office.timeZone },
    { id: created.id, pairId: pair.id, number, receivedAt: content.receivedAt },
    content.items.map((i) => ({ code: i.requirementCode, title: i.name, subject: i.subject })),
  )
  return created.id
}
