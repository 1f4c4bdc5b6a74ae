import type { Database } from '@mejabantu/db'
import { normaliseTag } from '@mejabantu/domain'
import type { Actor } from '../shared/actor.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { refuse } from '../shared/errors.ts'
import { literalLike } from '../shared/literal-like.ts'
import { ensureReadable } from './access.ts'
import type { SetTags, TagCount, TagsQuery } from './relations-schemas.ts'
import type { ConsultationRecord } from './schemas.ts'
import { toConsultationRecord } from './view.ts'
import { consultationViolations as violations } from './violations.ts'

/**
 * Replaces a sheet's tags (already normalised by the domain's TagsSchema). Its own office labels it,
 * whatever its status; audited with the tags before and after, and nothing is written when they stay
 * the same.
 */
export async function setTags(
  db: Database,
  actor: Actor,
  { consultationId, tags }: SetTags,
): Promise<ConsultationRecord> {
  return db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Consultation" WHERE "id" = ${consultationId}::uuid FOR UPDATE`
    const row = await tx.consultation.findUnique({ where: { id: consultationId } })
    if (!row) refuse('NOT_FOUND', violations.notFound(consultationId))
    await ensureReadable(tx, actor, row)
    actor.scope.write(row.officeId)
    if (sameTags(row.tags, tags)) return toConsultationRecord(row)
    const updated = await tx.consultation.update({ where: { id: consultationId }, data: { tags } })
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'consultation.tags',
      targetType: 'Consultation',
      targetId: consultationId,
      before: { tags: row.tags },
      after: { tags: updated.tags },
      ip: actor.ip,
    })
    return toConsultationRecord(updated)
  })
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i])

// LIKE's wildcards are escaped, so a prefix is matched as typed.
const literalPrefix = (prefix: string) => `${literalLike(prefix)}%`

/**
 * The tags in use on an office's sheets (the caller's own by default), most used first, for the tag
 * field's suggestions: at most 50, optionally only those starting with `prefix` (normalised as tags are).
 * Merged duplicates are counted on the sheet they were merged into, not again.
 */
export async function tagsInUse(db: Database, actor: Actor, input: TagsQuery): Promise<TagCount[]> {
  const officeId = actor.scope.read(input.officeId)
  const typed = normaliseTag(input.prefix ?? '')
  const prefix = typed ? literalPrefix(typed) : null
  const rows = await db.prisma.$queryRaw<{ tag: string; count: number }[]>`
    SELECT t.tag, count(*)::int AS count
    FROM "Consultation" c CROSS JOIN LATERAL unnest(c."tags") AS t(tag)
    WHERE c."officeId" = ${officeId}::uuid AND c."mergedIntoId" IS NULL
      AND (${prefix}::text IS NULL OR t.tag LIKE ${prefix}::text)
    GROUP BY t.tag
    ORDER BY count(*) DESC, t.tag ASC
    LIMIT 50`
  return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }))
}
