import type { Database } from '@mejabantu/db'
import type { Actor } from '../shared/actor.ts'
import type { ConsultationListInput, ConsultationPage } from './schemas.ts'
import { listItemSelect, toListItem } from './view.ts'
import { localDayBounds } from '../shared/local-days.ts'

interface Match {
  total: number
  page: { id: string; rank: number | null }[] | string | null
}

/**
 * One page of an office's consultations, filtered, newest first; with `q`, only sheets matching it
 * (web-search syntax over the trigger-maintained `search` vector, no stemming) ranked by relevance.
 * Duplicates merged into another sheet are left out unless `merged` asks for them.
 * One parameterised statement finds the page's ids and the total; Prisma then loads those rows.
 */
export async function listConsultations(
  db: Database,
  actor: Actor,
  input: ConsultationListInput,
): Promise<ConsultationPage> {
  const officeId = actor.scope.read(input.officeId)
  const office = await db.prisma.office.findUniqueOrThrow({
    where: { id: officeId },
    select: { timeZone: true },
  })
  const { start, end } = localDayBounds(input, office.timeZone)
  const q = input.q || null
  const tag = input.tag || null
  const merged = input.merged ?? 'hide'
  const offset = (input.page - 1) * input.pageSize

  // Every filter is `(param IS NULL OR condition)`: PostgreSQL plans each call with its parameters, so the
  // absent ones fold away and the statement text never depends on the input.
  const [match] = await db.prisma.$queryRaw<Match[]>`
    WITH matched AS (
      SELECT c."id", c."occurredAt",
             CASE WHEN ${q}::text IS NULL THEN NULL
                  ELSE ts_rank(c."search", websearch_to_tsquery('simple', ${q}::text)) END AS rank
      FROM "Consultation" c
      WHERE c."officeId" = ${officeId}::uuid
        AND (${input.channel ?? null}::text IS NULL OR c."channel" = ${input.channel ?? null}::text)
        AND (${input.topic ?? null}::text IS NULL OR c."topic" = ${input.topic ?? null}::text)
        AND (${input.stakeholderCategory ?? null}::text IS NULL
             OR c."stakeholderCategory" = ${input.stakeholderCategory ?? null}::text)
        AND (${input.status ?? null}::text IS NULL OR c."status" = ${input.status ?? null}::text)
        AND (${start}::timestamptz IS NULL OR c."occurredAt" >= ${start}::timestamptz)
        AND (${end}::timestamptz IS NULL OR c."occurredAt" < ${end}::timestamptz)
        AND (${input.staffId ?? null}::uuid IS NULL OR c."staffId" = ${input.staffId ?? null}::uuid)
        AND (${input.candidatePairId ?? null}::uuid IS NULL
             OR c."candidatePairId" = ${input.candidatePairId ?? null}::uuid)
        AND (${q}::text IS NULL OR c."search" @@ websearch_to_tsquery('simple', ${q}::text))
        AND (${tag}::text IS NULL OR c."tags" @> ARRAY[${tag}::text])
        AND (${merged}::text = 'include'
             OR (${merged}::text = 'hide' AND c."mergedIntoId" IS NULL)
             OR (${merged}::text = 'only' AND c."mergedIntoId" IS NOT NULL))
    ),
    page AS (
      SELECT "id", rank, row_number() OVER (ORDER BY rank DESC NULLS LAST, "occurredAt" DESC, "id" DESC) AS n
      FROM matched
      ORDER BY n
      LIMIT ${input.pageSize}::int OFFSET ${offset}::int
    )
    SELECT (SELECT count(*)::int FROM matched) AS total,
           (SELECT json_agg(json_build_object('id', "id", 'rank', rank) ORDER BY n) FROM page) AS page`

  const found: { id: string; rank: number | null }[] =
    typeof match?.page === 'string' ? JSON.parse(match.page) : (match?.page ?? [])
  const rows = await db.prisma.consultation.findMany({
    where: { id: { in: found.map((f) => f.id) } },
    select: listItemSelect,
  })
  const byId = new Map(rows.map((row) => [row.id, row]))
  return {
    items: found.flatMap((f) => {
      const row = byId.get(f.id)
      return row ? [toListItem(row, f.rank)] : []
    }),
    total: Number(match?.total ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  }
}
