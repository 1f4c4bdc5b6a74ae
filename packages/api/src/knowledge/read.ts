import type { Database } from '@mejabantu/db'
import { changedArticleFields } from '@mejabantu/domain'
import type { Actor } from '../shared/actor.ts'
import { articleOwners, readableArticle } from './access.ts'
import type { ArticleDetail, ArticleListInput, ArticleOwner, ArticlePage } from './schemas.ts'
import { articleBase, excerpt, ownerSelect, peopleOf, storedContent, toArticleRecord } from './view.ts'

interface Match {
  total: number
  page: { id: string; rank: number | null }[] | string | null
}

/**
 * One page of the knowledge base the actor's office reads: its own articles and those of every office
 * above it, each saying whether the office edits it or only reads it. With `query`, only the articles
 * matching it (web-search syntax over the trigger-maintained `search` vector) ranked by relevance;
 * otherwise the latest changed first. Archived articles only when asked.
 */
export async function listArticles(
  db: Database,
  actor: Actor,
  input: ArticleListInput,
): Promise<ArticlePage> {
  const officeId = actor.scope.read()
  const owners = await articleOwners(db.prisma, officeId)
  // A single letter would match half the base at every keystroke: a search starts at two characters.
  const q = input.query.length >= 2 ? input.query : null
  const topic = input.topic ?? null
  const offset = (input.page - 1) * input.limit

  // Every filter is `(param IS NULL OR condition)`, so the statement text never depends on the input.
  const [match] = await db.prisma.$queryRaw<Match[]>`
    WITH matched AS (
      SELECT a."id", a."updatedAt",
             CASE WHEN ${q}::text IS NULL THEN NULL
                  ELSE ts_rank(a."search", websearch_to_tsquery('simple', ${q}::text)) END AS rank
      FROM "KnowledgeArticle" a
      WHERE a."ownerOfficeId" = ANY(${owners}::uuid[])
        AND (${topic}::text IS NULL OR a."topic" = ${topic}::text)
        AND (${input.includeArchived}::boolean OR a."archivedAt" IS NULL)
        AND (NOT ${input.publicOnly}::boolean OR a."public")
        AND (${q}::text IS NULL OR a."search" @@ websearch_to_tsquery('simple', ${q}::text))
    ),
    page AS (
      SELECT "id", rank, row_number() OVER (ORDER BY rank DESC NULLS LAST, "updatedAt" DESC, "id" DESC) AS n
      FROM matched
      ORDER BY n
      LIMIT ${input.limit}::int OFFSET ${offset}::int
    )
    SELECT (SELECT count(*)::int FROM matched) AS total,
           (SELECT json_agg(json_build_object('id', "id", 'rank', rank) ORDER BY n) FROM page) AS page`

  const found: { id: string; rank: number | null }[] =
    typeof match?.page === 'string' ? JSON.parse(match.page) : (match?.page ?? [])
  const ids = found.map((f) => f.id)
  const rows = await db.prisma.knowledgeArticle.findMany({
    where: { id: { in: ids } },
    include: { ownerOffice: ownerSelect },
  })
  const uses = await db.prisma.consultationArticle.groupBy({
    by: ['articleId'],
    where: { articleId: { in: ids } },
    _count: { _all: true },
  })
  const byId = new Map(rows.map((row) => [row.id, row]))
  const usesOf = new Map(uses.map((u) => [u.articleId, u._count._all]))
  return {
    items: found.flatMap(({ id, rank }) => {
      const row = byId.get(id)
      if (!row) return []
      return [
        {
          ...articleBase(row, officeId),
          copiedFromId: row.copiedFromId,
          archivedAt: row.archivedAt,
          excerpt: excerpt(row.bodyId),
          rank: rank === null ? null : Number(rank),
          uses: usesOf.get(id) ?? 0,
        },
      ]
    }),
    total: Number(match?.total ?? 0),
    page: input.page,
    limit: input.limit,
  }
}

/**
 * One article the actor's office reads, with its versions newest first (who saved each, the note, the
 * fields it changed), the article it was copied from, and how many sheets were answered with it.
 */
export async function getArticle(db: Database, actor: Actor, id: string): Promise<ArticleDetail> {
  const row = await readableArticle(db.prisma, actor, id)
  const officeId = actor.scope.officeId
  const versions = await db.prisma.knowledgeArticleVersion.findMany({
    where: { articleId: id },
    orderBy: { version: 'asc' },
  })
  const person = await peopleOf(
    db.prisma,
    versions.map((v) => v.editedById),
  )
  const history = versions.map((v, i) => ({
    version: v.version,
    editedAt: v.editedAt,
    editedBy: person(v.editedById),
    note: v.note,
    changedFields:
      i === 0 ? [] : changedArticleFields(storedContent(versions[i - 1]!.content), storedContent(v.content)),
  }))

  const owners = await articleOwners(db.prisma, officeId)
  const source = row.copiedFromId
    ? await db.prisma.knowledgeArticle.findUnique({
        where: { id: row.copiedFromId },
        select: { id: true, titleId: true, ownerOfficeId: true, ownerOffice: ownerSelect },
      })
    : null
  const usage = await db.prisma.consultationArticle.aggregate({
    where: { articleId: id },
    _count: { _all: true },
    _max: { insertedAt: true },
  })
  const officeSheets = await db.prisma.consultationArticle.count({
    where: { articleId: id, consultation: { officeId } },
  })

  return {
    article: await toArticleRecord(db.prisma, row, officeId),
    copiedFrom:
      source && owners.includes(source.ownerOfficeId)
        ? { id: source.id, titleId: source.titleId, owner: source.ownerOffice as ArticleOwner }
        : null,
    versions: history.reverse(),
    usage: { sheets: usage._count._all, officeSheets, lastUsedAt: usage._max.insertedAt },
  }
}
