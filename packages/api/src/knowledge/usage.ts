import type { Transaction } from '@mejabantu/db'
import type { Actor } from '../shared/actor.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { refuse } from '../shared/errors.ts'
import { articleOwners } from './access.ts'
import { knowledgeViolations as violations } from './violations.ts'

/**
 * Records, in the answer's transaction, which articles the answer was written with, each at its current
 * version, so reports count answers by article. Every article must be one the answering office reads;
 * any other (a sibling's, an unknown id) refuses the whole answer.
 */
export async function recordArticleUse(
  tx: Transaction,
  actor: Actor,
  consultationId: string,
  articleIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(articleIds)]
  if (ids.length === 0) return
  const owners = await articleOwners(tx, actor.scope.officeId)
  const articles = await tx.knowledgeArticle.findMany({
    where: { id: { in: ids }, ownerOfficeId: { in: owners } },
    select: { id: true, version: true },
  })
  const missing = ids.find((id) => !articles.some((a) => a.id === id))
  if (missing) refuse('NOT_FOUND', violations.unreadableArticle(missing))

  const used = ids.map((id) => articles.find((a) => a.id === id)!)
  await tx.consultationArticle.createMany({
    data: used.map((a) => ({
      consultationId,
      articleId: a.id,
      articleVersion: a.version,
      insertedById: actor.userId,
    })),
    skipDuplicates: true,
  })
  await writeAudit(tx, {
    actorId: actor.userId,
    action: 'knowledge.use',
    targetType: 'Consultation',
    targetId: consultationId,
    after: { articleIds: used.map((a) => a.id), articleVersions: used.map((a) => a.version) },
    ip: actor.ip,
  })
}
