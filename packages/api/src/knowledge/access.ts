import type { Queryable, Transaction } from '@mejabantu/db'
import { articleOwnersFor, checkArticleEditable } from '@mejabantu/domain'
import type { Actor } from '../shared/actor.ts'
import { ensure, refuse } from '../shared/errors.ts'
import type { ArticleOwner } from './schemas.ts'
import { ownerSelect, type ArticleRow } from './view.ts'
import { knowledgeViolations as violations } from './violations.ts'

/**
 * The offices whose articles `officeId` reads: itself, then every office above it up to KPU RI. Not the
 * offices below, even for leadership reading their roll-ups: a Kab/Kota's base is its own to keep.
 */
export async function articleOwners(db: Queryable, officeId: string): Promise<string[]> {
  const offices = await db.office.findMany({ select: { id: true, parentId: true } })
  return articleOwnersFor(offices, officeId)
}

/** An article row with its owner office. */
export type OwnedArticle = ArticleRow & { ownerOffice: ArticleOwner }

/**
 * The article if the actor's office reads it: NOT_FOUND when there is none, FORBIDDEN (`tenancy.office`)
 * when it belongs to a sibling office or one below.
 */
export async function readableArticle(db: Queryable, actor: Actor, id: string): Promise<OwnedArticle> {
  const article = await db.knowledgeArticle.findUnique({
    where: { id },
    include: { ownerOffice: ownerSelect },
  })
  if (!article) refuse('NOT_FOUND', violations.notFound(id))
  if (!(await articleOwners(db, actor.scope.officeId)).includes(article.ownerOfficeId)) {
    refuse('FORBIDDEN', violations.outside(id))
  }
  return article as OwnedArticle
}

/**
 * Locks the article's row for the rest of the transaction, so two saves apply one after the other, and
 * returns it if the actor's office owns it; an inherited article is refused with the domain's reason.
 */
export async function editableArticle(tx: Transaction, actor: Actor, id: string): Promise<OwnedArticle> {
  await tx.$queryRaw`SELECT "id" FROM "KnowledgeArticle" WHERE "id" = ${id}::uuid FOR UPDATE`
  const article = await readableArticle(tx, actor, id)
  ensure(checkArticleEditable(actor.scope.officeId, article.ownerOfficeId), 'FORBIDDEN')
  actor.scope.write(article.ownerOfficeId)
  return article
}
