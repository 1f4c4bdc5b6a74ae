import type { Database } from '@mejabantu/db'
import { articleOwnersFor, type Label, type LegalBasis } from '@mejabantu/domain'
import { topicCatalog } from '../topics/catalog.ts'
import { refuse } from '../shared/errors.ts'
import { legalBasisOf } from '../knowledge/view.ts'
import { publicationViolations } from './violations.ts'

/** One answer of the public FAQ: what the office published, and which office it is from. */
interface FaqArticle {
  titleId: string
  titleEn: string | null
  bodyId: string
  bodyEn: string | null
  legalBasis: LegalBasis[]
  updatedAt: Date
  office: { regionCode: string; name: string }
}

/** An office's public FAQ, by topic in the order the console lists topics. */
export interface PublicFaq {
  office: { regionCode: string; name: string }
  topics: { topic: string; label: Label; articles: FaqArticle[] }[]
}

/**
 * The public FAQ of the office with `regionCode`: the articles marked public, not archived, of that office
 * and every office above it, grouped by topic, the nearest office's first. Where the office published its
 * own adapted copy of an article from above, the copy stands in for the original. Only the published
 * fields are even read: no staff, no ids, no source sheet.
 */
export async function publicFaq(db: Database, regionCode: string): Promise<PublicFaq> {
  const offices = await db.prisma.office.findMany({
    select: { id: true, parentId: true, regionCode: true, name: true },
  })
  const office = offices.find((o) => o.regionCode === regionCode)
  if (!office) refuse('NOT_FOUND', publicationViolations.officeNotFound(regionCode))
  const chain = articleOwnersFor(offices, office.id)

  const rows = await db.prisma.knowledgeArticle.findMany({
    where: { ownerOfficeId: { in: chain }, public: true, archivedAt: null },
    select: {
      id: true,
      ownerOfficeId: true,
      copiedFromId: true,
      topic: true,
      titleId: true,
      titleEn: true,
      bodyId: true,
      bodyEn: true,
      legalBasis: true,
      updatedAt: true,
    },
    orderBy: [{ titleId: 'asc' }, { id: 'asc' }],
  })
  const replaced = new Set(rows.map((row) => row.copiedFromId).filter((id) => id !== null))
  const depth = (ownerId: string) => chain.indexOf(ownerId)
  const byId = new Map(offices.map((o) => [o.id, { regionCode: o.regionCode, name: o.name }]))
  // Grouped in the catalogue's order; an article under a topic the catalogue no longer holds is not shown.
  const catalog = (await topicCatalog(db.prisma, office.id)).filter((t) => t.parentCode === null)
  const shown = rows
    .filter((row) => !replaced.has(row.id))
    .sort((a, b) => depth(a.ownerOfficeId) - depth(b.ownerOfficeId))

  return {
    office: { regionCode: office.regionCode, name: office.name },
    topics: catalog.flatMap(({ code: topic, labelId, labelEn }) => {
      const articles = shown
        .filter((row) => row.topic === topic)
        .map((row) => ({
          titleId: row.titleId,
          titleEn: row.titleEn,
          bodyId: row.bodyId,
          bodyEn: row.bodyEn,
          legalBasis: legalBasisOf(row.legalBasis),
          updatedAt: row.updatedAt,
          office: byId.get(row.ownerOfficeId)!,
        }))
      return articles.length ? [{ topic, label: { id: labelId, en: labelEn ?? labelId }, articles }] : []
    }),
  }
}
