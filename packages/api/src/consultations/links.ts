import type { Database, Queryable, Transaction } from '@mejabantu/db'
import { orderedLink } from '@mejabantu/domain'
import type { Actor } from '../shared/actor.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { ensure, refuse } from '../shared/errors.ts'
import { ensureReadable } from './access.ts'
import type { LinkInput, RelatedSheet } from './relations-schemas.ts'
import { excerpt } from './view.ts'
import { consultationViolations as violations } from './violations.ts'

const relatedSelect = { id: true, number: true, topic: true, status: true, question: true } as const

/** The sheets linked to one, by number. */
export async function relatedSheets(db: Queryable, id: string): Promise<RelatedSheet[]> {
  const links = await db.consultationLink.findMany({
    where: { OR: [{ fromId: id }, { toId: id }] },
    select: { from: { select: relatedSelect }, to: { select: relatedSelect } },
  })
  return links
    .map((link) => (link.from.id === id ? link.to : link.from))
    .sort((a, b) => a.number.localeCompare(b.number))
    .map(({ question, ...sheet }) => ({
      ...sheet,
      topic: sheet.topic as RelatedSheet['topic'],
      status: sheet.status as RelatedSheet['status'],
      questionExcerpt: excerpt(question),
    }))
}

/**
 * The two sheets of a link, locked in id order: both readable by the actor, of one office (which the
 * actor writes) and neither merged away. Refuses a sheet linked to itself before reading anything.
 */
async function linkPair(tx: Transaction, actor: Actor, input: LinkInput) {
  const { fromId, toId } = ensure(orderedLink(input.consultationId, input.otherId))
  await tx.$queryRaw`
    SELECT "id" FROM "Consultation" WHERE "id" IN (${fromId}::uuid, ${toId}::uuid) ORDER BY "id" FOR UPDATE`
  const rows = await tx.consultation.findMany({
    where: { id: { in: [fromId, toId] } },
    select: { id: true, number: true, officeId: true, referredToOfficeId: true, mergedIntoId: true },
  })
  const sheet = rows.find((row) => row.id === input.consultationId)
  if (!sheet) refuse('NOT_FOUND', violations.notFound(input.consultationId))
  const other = rows.find((row) => row.id === input.otherId)
  if (!other) refuse('NOT_FOUND', violations.notFound(input.otherId))
  await ensureReadable(tx, actor, sheet)
  await ensureReadable(tx, actor, other)
  if (sheet.officeId !== other.officeId) {
    refuse('BAD_REQUEST', violations.linkOtherOffice(sheet.number, other.number))
  }
  actor.scope.write(sheet.officeId)
  return { fromId, toId, sheet, other }
}

/** Links two sheets of the actor's office as related, once; audited on both. Returns the first's related. */
export async function linkConsultations(
  db: Database,
  actor: Actor,
  input: LinkInput,
): Promise<RelatedSheet[]> {
  return db.prisma.$transaction(async (tx) => {
    const { fromId, toId, sheet, other } = await linkPair(tx, actor, input)
    for (const row of [sheet, other])
      if (row.mergedIntoId) refuse('CONFLICT', violations.linkMerged(row.number))
    const { count } = await tx.consultationLink.createMany({
      data: [{ fromId, toId, createdById: actor.userId }],
      skipDuplicates: true,
    })
    if (count === 0) refuse('CONFLICT', violations.linkExists(sheet.number, other.number))
    await auditLink(tx, actor, 'consultation.link', sheet, other)
    return relatedSheets(tx, sheet.id)
  })
}

/** Removes the link between two sheets of the actor's office; audited on both. Returns the first's related. */
export async function unlinkConsultations(
  db: Database,
  actor: Actor,
  input: LinkInput,
): Promise<RelatedSheet[]> {
  return db.prisma.$transaction(async (tx) => {
    const { fromId, toId, sheet, other } = await linkPair(tx, actor, input)
    const { count } = await tx.consultationLink.deleteMany({ where: { fromId, toId } })
    if (count === 0) refuse('NOT_FOUND', violations.linkNotFound(sheet.number, other.number))
    await auditLink(tx, actor, 'consultation.unlink', sheet, other)
    return relatedSheets(tx, sheet.id)
  })
}

type Linked = { id: string; number: string }

async function auditLink(tx: Transaction, actor: Actor, action: string, sheet: Linked, other: Linked) {
  for (const [target, to] of [
    [sheet, other],
    [other, sheet],
  ] as const) {
    await writeAudit(tx, {
      actorId: actor.userId,
      action,
      targetType: 'Consultation',
      targetId: target.id,
      after: { linkedId: to.id, linked: to.number },
      ip: actor.ip,
    })
  }
}
