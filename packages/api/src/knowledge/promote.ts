import type { Database } from '@mejabantu/db'
import { articleFromReferral, type ArticleContent } from '@mejabantu/domain'
import { ensureReadable } from '../consultations/access.ts'
import { toConsultationRecord } from '../consultations/view.ts'
import { consultationViolations } from '../consultations/violations.ts'
import type { Actor } from '../shared/actor.ts'
import { ensure, refuse } from '../shared/errors.ts'
import { writeNewArticle } from './articles.ts'
import type { ArticleRecord, PromoteInput } from './schemas.ts'
import { knowledgeViolations as violations } from './violations.ts'

/**
 * Turns an answered referral the actor's office reads into an article of that office, in one step: the
 * domain drafts it (question as title, the higher office's answer as body, both scrubbed of the asker's
 * name and contacts; the cited law as legal basis), the input may set the title, topic, tags and public
 * flag, and it is saved as version 1 naming the sheet. A sheet is promoted once per office.
 */
export async function promoteReferral(
  db: Database,
  actor: Actor,
  { consultationId, ...overrides }: PromoteInput,
): Promise<ArticleRecord> {
  return db.prisma.$transaction(async (tx) => {
    const sheet = await tx.consultation.findUnique({ where: { id: consultationId } })
    if (!sheet) refuse('NOT_FOUND', consultationViolations.notFound(consultationId))
    await ensureReadable(tx, actor, sheet)
    const draft = ensure(articleFromReferral(toConsultationRecord(sheet)), 'CONFLICT')

    const officeId = actor.scope.write()
    const existing = await tx.knowledgeArticle.findFirst({
      where: { ownerOfficeId: officeId, sourceConsultationId: consultationId, archivedAt: null },
      select: { id: true },
    })
    if (existing) refuse('CONFLICT', violations.alreadyPromoted(existing.id))

    const given = Object.fromEntries(
      Object.entries(overrides).filter(([, value]) => value !== undefined),
    ) as Partial<ArticleContent>
    return writeNewArticle(
      tx,
      actor,
      { ...draft, ...given },
      { sourceConsultationId: consultationId, action: 'knowledge.promote' },
    )
  })
}
