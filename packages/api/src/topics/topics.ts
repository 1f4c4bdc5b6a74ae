import type { Database, Transaction } from '@mejabantu/db'
import { checkTopicEditable, checkTopicParent, topicCodeFor, type TopicInput } from '@mejabantu/domain'
import type { Actor } from '../shared/actor.ts'
import { writeAudit, type AuditSnapshot } from '../shared/audit-writer.ts'
import { ensure, refuse } from '../shared/errors.ts'
import { forgetTopicCatalogs, toCatalogTopic, topicCatalog, topicRows } from './catalog.ts'
import type { TopicRecord, UpdateTopic } from './schemas.ts'
import { topicViolations as violations } from './violations.ts'

type Row = Awaited<ReturnType<typeof topicRows>>[number]

const toRecord = (row: Row, office: { id: string; level: string }): TopicRecord => ({
  ...toCatalogTopic(row),
  ownerName: row.office?.name ?? null,
  sortOrder: row.sortOrder,
  editable: checkTopicEditable(row, office).ok,
})

const snapshot = (row: Row): AuditSnapshot => ({
  code: row.code,
  parentCode: row.parentCode,
  labelId: row.labelId,
  labelEn: row.labelEn,
  referralTeam: row.referralTeam,
  sortOrder: row.sortOrder,
  archived: row.archivedAt !== null,
})

const officeOf = (db: Database['prisma'] | Transaction, id: string) =>
  db.office.findUniqueOrThrow({ where: { id }, select: { id: true, level: true } })

/** The topics the actor's office reads, each saying whether it may edit it. */
export async function listTopics(
  db: Database,
  actor: Actor,
  includeArchived: boolean,
): Promise<TopicRecord[]> {
  const officeId = actor.scope.read()
  const [rows, office] = await Promise.all([topicRows(db.prisma, officeId), officeOf(db.prisma, officeId)])
  return rows.filter((row) => includeArchived || row.archivedAt === null).map((row) => toRecord(row, office))
}

/** A new topic or sub-topic of the actor's office, its code made from its label; audited. */
export async function createTopic(db: Database, actor: Actor, input: TopicInput): Promise<TopicRecord> {
  const officeId = actor.scope.write()
  const record = await db.prisma.$transaction(async (tx) => {
    const catalog = await topicCatalog(tx, officeId)
    const parent = ensure(checkTopicParent(catalog, input.parentCode))
    const taken = new Set((await tx.topic.findMany({ select: { code: true } })).map((t) => t.code))
    const code = topicCodeFor(input.labelId, parent?.code, taken)
    const row = await tx.topic
      .create({
        data: {
          code,
          officeId,
          parentCode: parent?.code ?? null,
          labelId: input.labelId,
          labelEn: input.labelEn ?? null,
          // A topic needs a team for its referrals; a sub-topic follows its topic unless it says otherwise.
          referralTeam: input.referralTeam ?? (parent ? null : 'kebijakan'),
          sortOrder: input.sortOrder ?? nextSortOrder(catalog.length),
        },
        include: { office: { select: { name: true } } },
      })
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === 'P2002') refuse('CONFLICT', violations.codeTaken(code))
        throw error
      })
    await writeAudit(tx, {
      actorId: actor.userId,
      officeId,
      action: 'topic.create',
      targetType: 'Topic',
      targetId: row.id,
      after: snapshot(row),
      ip: actor.ip,
    })
    return toRecord(row, await officeOf(tx, officeId))
  })
  forgetTopicCatalogs(db)
  return record
}

// New topics go after the seeded ones and before "Lainnya" (1000), in the order they are added.
const nextSortOrder = (count: number) => Math.min(100 + count * 10, 990)

/** Locks a topic the actor's office may edit, refusing one it only reads or cannot see. */
async function editableTopic(tx: Transaction, actor: Actor, code: string): Promise<Row> {
  const officeId = actor.scope.write()
  await tx.$executeRaw`SELECT 1 FROM "Topic" WHERE "code" = ${code} FOR UPDATE`
  const row = (await topicRows(tx, officeId)).find((r) => r.code === code)
  if (!row) {
    const exists = await tx.topic.findUnique({ where: { code }, select: { id: true } })
    refuse(exists ? 'FORBIDDEN' : 'NOT_FOUND', exists ? violations.outside(code) : violations.notFound(code))
  }
  ensure(checkTopicEditable(row, await officeOf(tx, officeId)), 'FORBIDDEN')
  return row
}

async function changeTopic(
  db: Database,
  actor: Actor,
  code: string,
  action: string,
  data: Parameters<Transaction['topic']['update']>[0]['data'],
): Promise<TopicRecord> {
  const record = await db.prisma.$transaction(async (tx) => {
    const before = await editableTopic(tx, actor, code)
    const row = await tx.topic.update({
      where: { code },
      data,
      include: { office: { select: { name: true } } },
    })
    await writeAudit(tx, {
      actorId: actor.userId,
      officeId: actor.scope.write(),
      action,
      targetType: 'Topic',
      targetId: row.id,
      before: snapshot(before),
      after: snapshot(row),
      ip: actor.ip,
    })
    return toRecord(row, await officeOf(tx, actor.scope.write()))
  })
  forgetTopicCatalogs(db)
  return record
}

/** New labels, team or order for a topic the office owns. */
export function updateTopic(db: Database, actor: Actor, { code, ...patch }: UpdateTopic) {
  return changeTopic(db, actor, code, 'topic.update', patch)
}

/** Stops offering a topic for new sheets (or offers it again); what names it stays valid. */
export function setTopicArchived(db: Database, actor: Actor, code: string, archived: boolean, now: Date) {
  return changeTopic(db, actor, code, archived ? 'topic.archive' : 'topic.restore', {
    archivedAt: archived ? now : null,
  })
}
