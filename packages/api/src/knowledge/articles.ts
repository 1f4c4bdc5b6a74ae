import type { Database, Transaction } from '@mejabantu/db'
import { changedArticleFields, type ArticleContent } from '@mejabantu/domain'
import type { Actor } from '../shared/actor.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { refuse } from '../shared/errors.ts'
import { ensureSheetTopic } from '../topics/catalog.ts'
import { editableArticle, readableArticle } from './access.ts'
import type { ArticleRecord, CreateArticle, UpdateArticle } from './schemas.ts'
import {
  articleSnapshot,
  asJson,
  contentColumns,
  contentOf,
  ownerSelect,
  peopleOf,
  pickContent,
  toArticleRecord,
} from './view.ts'
import { knowledgeViolations as violations } from './violations.ts'

/** Where a new article comes from, besides its content. */
export interface ArticleOrigin {
  copiedFromId?: string
  sourceConsultationId?: string
  note?: string | undefined
  /** The audit action: `knowledge.create`, `knowledge.copy` or `knowledge.promote`. */
  action: string
}

/**
 * Writes a new article of the actor's office in the caller's transaction: version 1, its first version
 * row with the full content, and its audit event.
 */
export async function writeNewArticle(
  tx: Transaction,
  actor: Actor,
  content: ArticleContent,
  origin: ArticleOrigin,
): Promise<ArticleRecord> {
  const officeId = actor.scope.write()
  await ensureSheetTopic(tx, officeId, content.topic)
  const row = await tx.knowledgeArticle.create({
    data: {
      ownerOfficeId: officeId,
      ...contentColumns(content),
      version: 1,
      copiedFromId: origin.copiedFromId ?? null,
      sourceConsultationId: origin.sourceConsultationId ?? null,
      createdById: actor.userId,
      updatedById: actor.userId,
    },
    include: { ownerOffice: ownerSelect },
  })
  await tx.knowledgeArticleVersion.create({
    data: {
      articleId: row.id,
      version: 1,
      content: asJson(content),
      note: origin.note ?? null,
      editedById: actor.userId,
    },
  })
  await writeAudit(tx, {
    actorId: actor.userId,
    officeId,
    action: origin.action,
    targetType: 'KnowledgeArticle',
    targetId: row.id,
    after: articleSnapshot(content, {
      version: 1,
      copiedFromId: row.copiedFromId,
      sourceConsultationId: row.sourceConsultationId,
    }),
    ip: actor.ip,
  })
  return toArticleRecord(tx, row, officeId)
}

/** A new article of the actor's office. */
export async function createArticle(
  db: Database,
  actor: Actor,
  { note, ...content }: CreateArticle,
): Promise<ArticleRecord> {
  return db.prisma.$transaction((tx) =>
    writeNewArticle(tx, actor, content, { note, action: 'knowledge.create' }),
  )
}

/**
 * Saves the whole editor over the actor's own article. The save must start from the current version: a
 * later one means another member of staff saved meanwhile, and their edit is not overwritten. A save that
 * changes no field changes nothing; any other writes the next version with the full content.
 */
export async function updateArticle(
  db: Database,
  actor: Actor,
  { id, expectedVersion, note, ...content }: UpdateArticle,
): Promise<ArticleRecord> {
  return db.prisma.$transaction(async (tx) => {
    const row = await editableArticle(tx, actor, id)
    if (row.version !== expectedVersion) {
      const editor = (await peopleOf(tx, [row.updatedById]))(row.updatedById)
      refuse('CONFLICT', violations.staleVersion(expectedVersion, row.version, editor?.displayName ?? null))
    }
    if (row.archivedAt) refuse('CONFLICT', violations.archived(row.titleId))
    const before = contentOf(row)
    const changed = changedArticleFields(before, content)
    if (changed.length === 0) return toArticleRecord(tx, row, actor.scope.officeId)
    if (changed.includes('topic')) await ensureSheetTopic(tx, row.ownerOfficeId, content.topic)

    const version = row.version + 1
    const updated = await tx.knowledgeArticle.update({
      where: { id },
      data: { ...contentColumns(content), version, updatedById: actor.userId },
      include: { ownerOffice: ownerSelect },
    })
    await tx.knowledgeArticleVersion.create({
      data: {
        articleId: id,
        version,
        content: asJson(content),
        note: note ?? null,
        editedById: actor.userId,
      },
    })
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'knowledge.update',
      targetType: 'KnowledgeArticle',
      targetId: id,
      before: articleSnapshot(pickContent(before, changed), { version: row.version }),
      after: articleSnapshot(pickContent(content, changed), { version }),
      ip: actor.ip,
    })
    return toArticleRecord(tx, updated, actor.scope.officeId)
  })
}

/**
 * Archives the actor's own article (it leaves the list, the suggestions and the public FAQ, and is kept
 * with its history), or restores an archived one.
 */
export async function setArchived(
  db: Database,
  actor: Actor,
  id: string,
  archived: boolean,
  now = new Date(),
): Promise<ArticleRecord> {
  return db.prisma.$transaction(async (tx) => {
    const row = await editableArticle(tx, actor, id)
    if (archived && row.archivedAt) refuse('CONFLICT', violations.archived(row.titleId))
    if (!archived && !row.archivedAt) refuse('CONFLICT', violations.notArchived(row.titleId))
    const archivedAt = archived ? now : null
    const updated = await tx.knowledgeArticle.update({
      where: { id },
      data: { archivedAt, updatedById: actor.userId },
      include: { ownerOffice: ownerSelect },
    })
    await writeAudit(tx, {
      actorId: actor.userId,
      action: archived ? 'knowledge.archive' : 'knowledge.restore',
      targetType: 'KnowledgeArticle',
      targetId: id,
      before: { archivedAt: row.archivedAt?.toISOString() ?? null },
      after: { archivedAt: archivedAt?.toISOString() ?? null },
      ip: actor.ip,
    })
    return toArticleRecord(tx, updated, actor.scope.officeId)
  })
}

/**
 * Copies an article the actor's office reads (an inherited one, or its own) into the actor's office, to
 * adapt it there: version 1, `copiedFromId` naming the original. The copy starts unpublished, so the
 * office's FAQ does not show the same answer twice before it is adapted.
 */
export async function copyArticle(db: Database, actor: Actor, id: string): Promise<ArticleRecord> {
  return db.prisma.$transaction(async (tx) => {
    const source = await readableArticle(tx, actor, id)
    if (source.archivedAt) refuse('CONFLICT', violations.archived(source.titleId))
    return writeNewArticle(
      tx,
      actor,
      { ...contentOf(source), public: false },
      { copiedFromId: source.id, action: 'knowledge.copy' },
    )
  })
}
