import type { Database } from '@mejabantu/db'
import { suggestionTerms } from '@mejabantu/domain'
import type { Actor } from '../shared/actor.ts'
import { articleOwners } from './access.ts'
import type { ArticleSuggestion, SuggestInput } from './schemas.ts'
import { articleBase, ownerSelect } from './view.ts'

/** How many articles a desk is offered while it types. */
export const SUGGESTIONS = 5

/**
 * One term as a tsquery operand: quoted, with embedded quotes and backslashes doubled as tsquery reads
 * them, so a term is only ever a word to look up. The query text travels as a bound parameter, never SQL.
 */
const operand = (term: string) => `'${term.replace(/['\\]/g, (c) => c + c)}'`

/**
 * The tsquery of a question being typed: its useful words joined with OR, so an article matching most of
 * them ranks first without needing all; the last word, still being typed, also matches as a prefix.
 * Null when no word is worth searching for.
 */
export function suggestionQuery(question: string): string | null {
  const terms = suggestionTerms(question)
  if (terms.length === 0) return null
  const typing = !/[\s\p{P}]$/u.test(question)
  return terms
    .map((term, i) =>
      typing && i === terms.length - 1 && term.length >= 3 ? `${operand(term)}:*` : operand(term),
    )
    .join(' | ')
}

/**
 * The articles best answering a question as it is typed on a sheet: at most five, readable by the actor's
 * office and not archived, of the topic when one is chosen, by ts_rank. No useful word, no query.
 */
export async function suggestArticles(
  db: Database,
  actor: Actor,
  input: SuggestInput,
): Promise<ArticleSuggestion[]> {
  const tsquery = suggestionQuery(input.question)
  if (!tsquery) return []
  const officeId = actor.scope.read()
  const owners = await articleOwners(db.prisma, officeId)
  const topic = input.topic ?? null
  const ranked = await db.prisma.$queryRaw<{ id: string; rank: number }[]>`
    SELECT a."id", ts_rank(a."search", q.query) AS rank
    FROM "KnowledgeArticle" a, to_tsquery('simple', ${tsquery}::text) AS q(query)
    WHERE a."ownerOfficeId" = ANY(${owners}::uuid[])
      AND a."archivedAt" IS NULL
      AND (${topic}::text IS NULL OR a."topic" = ${topic}::text)
      AND a."search" @@ q.query
    ORDER BY rank DESC, a."updatedAt" DESC, a."id" DESC
    LIMIT ${SUGGESTIONS}::int`
  const rows = await db.prisma.knowledgeArticle.findMany({
    where: { id: { in: ranked.map((r) => r.id) } },
    include: { ownerOffice: ownerSelect },
  })
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ranked.flatMap(({ id, rank }) => {
    const row = byId.get(id)
    if (!row) return []
    return [{ ...articleBase(row, officeId), rank: Number(rank) }]
  })
}
