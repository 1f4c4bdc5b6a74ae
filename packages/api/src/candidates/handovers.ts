import {
  groupChecks,
  type BeritaAcaraContent,
  type ElectionKind,
  type Handover,
  type HandoverInput,
} from '@mejabantu/domain'
import type { Prisma, Transaction } from '@mejabantu/db'
import { writeAudit } from '../shared/audit-writer.ts'
import { refuse } from '../shared/errors.ts'
import type { Acting } from '../offices/acting.ts'
import { nextDocumentNumber } from './document-numbers.ts'
import { documentPair } from './document-pair.ts'
import { catalogOf } from './elections-records.ts'
import { recordPairEvent } from './pair-events.ts'
import { findPair, pairStatusOf } from './records.ts'
import { handoverRecord } from './requirements-handover.ts'
import { candidateViolations } from './violations.ts'

/** Every current document's status and reason, in catalog order: what the berita acara freezes. */
async function frozenItems(tx: Transaction, pair: Awaited<ReturnType<typeof findPair>>) {
  const catalog = catalogOf(pair.election)
  const items = new Map(catalog.items.map((i) => [i.code, i]))
  const checks = await tx.requirementCheck.findMany({
    where: { pairId: pair.id, supersededAt: null },
    select: { requirementCode: true, subject: true, status: true, reason: true },
  })
  const grouped = groupChecks(catalog, checks)
  return [...grouped.syarat_calon, ...grouped.syarat_pencalonan].map((c) => ({
    requirementCode: c.requirementCode,
    name: items.get(c.requirementCode)!.name,
    kind: items.get(c.requirementCode)!.kind,
    subject: c.subject,
    status: c.status as BeritaAcaraContent['items'][number]['status'],
    reason: c.reason,
  }))
}

/**
 * Records the handover of research results to a pair through its LO and issues the berita acara hasil
 * penelitian administrasi: numbered, with every document's status and reason frozen as they stand now.
 * A pair whose registration was accepted moves to "hasil penelitian disampaikan".
 */
export async function recordHandover(acting: Acting, input: HandoverInput): Promise<Handover> {
  const { pairId, ...handover } = input
  return acting.db.prisma.$transaction(async (tx) => {
    const pair = await findPair(tx, pairId)
    acting.scope.write(pair.officeId)
    const { office } = pair.election
    const number = await nextDocumentNumber(tx, { id: pair.officeId, ...office }, 'BA', acting.now)
    const content: BeritaAcaraContent = {
      number,
      office: { name: office.name, regionCode: office.regionCode, timeZone: office.timeZone },
      election: { name: pair.election.name, kind: pair.election.kind as ElectionKind },
      pair: documentPair(pair),
      heldAt: handover.heldAt,
      place: handover.place,
      items: await frozenItems(tx, pair),
      frozenAt: acting.now,
    }
    const created = handoverRecord(
      await tx.handover.create({
        data: {
          pairId,
          heldAt: handover.heldAt,
          place: handover.place,
          attendees: handover.attendees,
          documentRef: handover.documentRef ?? null,
          recordedById: acting.user.id,
          number,
          content: content as unknown as Prisma.InputJsonValue,
        },
      }),
    )
    await writeAudit(tx, {
      actorId: acting.user.id,
      action: 'pair.handover',
      targetType: 'CandidatePair',
      targetId: pairId,
      after: {
        handoverId: created.id,
        number,
        heldAt: created.heldAt.toISOString(),
        place: created.place,
        attendees: created.attendees.map((a) => a.institutionName ?? a.institution),
        documentRef: created.documentRef ?? null,
        documents: content.items.map((i) => `${i.requirementCode} ${i.subject}: ${i.status}`),
      },
      ip: acting.ip,
    })
    if (pairStatusOf(pair) === 'pendaftaran_diterima') {
      await recordPairEvent(tx, acting, pairId, {
        from: 'pendaftaran_diterima',
        to: 'hasil_penelitian',
        reason: `Berita acara ${number}`,
        decreeNumber: null,
        correction: null,
        at: acting.now,
        byUserId: acting.user.id,
      })
    }
    return created
  })
}

/** Leadership signs a berita acara off before it is sent on; a signature is given once. */
export async function signHandover(acting: Acting, handoverId: string): Promise<Handover> {
  return acting.db.prisma.$transaction(async (tx) => {
    const row = await tx.handover.findUnique({ where: { id: handoverId }, include: { pair: true } })
    if (!row || !row.content) refuse('NOT_FOUND', candidateViolations.handoverNotFound(handoverId))
    acting.scope.write(row.pair.officeId)
    const { count } = await tx.handover.updateMany({
      where: { id: handoverId, signedAt: null },
      data: { signedAt: acting.now, signedById: acting.user.id },
    })
    if (count !== 1) refuse('CONFLICT', candidateViolations.handoverSigned(handoverId))
    await writeAudit(tx, {
      actorId: acting.user.id,
      action: 'pair.handover.sign',
      targetType: 'CandidatePair',
      targetId: row.pairId,
      after: { handoverId, number: row.number, signedAt: acting.now.toISOString() },
      ip: acting.ip,
    })
    const signed = await tx.handover.findUniqueOrThrow({ where: { id: handoverId } })
    return handoverRecord(signed, new Map([[acting.user.id, acting.user.displayName]]))
  })
}
