import type { Queryable } from '@mejabantu/db'
import {
  articleLines,
  type Locale,
  type ReportArticles,
  type ReportContent,
  type Scrubber,
  type TimeZone,
} from '@mejabantu/domain'
import { localDayBounds } from '../shared/local-days.ts'

type ZonedOffice = { id: string; timeZone: TimeZone }

/**
 * The report's answers by knowledge article: how many of the period's sheets of the offices given (each
 * office's own days) were answered with each article, merged duplicates left out as the counts leave
 * them. Two grouped reads (own and with the offices below) and the articles' titles.
 */
export async function articlesIn(
  db: Queryable,
  offices: readonly ZonedOffice[],
  officeId: string,
  period: { from: string; to: string },
): Promise<ReportArticles> {
  // The period's sheets of some offices, each office's days in its own zone.
  const sheetsOf = (some: readonly ZonedOffice[]) => {
    const zones = new Map<TimeZone, string[]>()
    for (const office of some) zones.set(office.timeZone, [...(zones.get(office.timeZone) ?? []), office.id])
    const OR = [...zones].map(([zone, ids]) => {
      const { start, end } = localDayBounds(period, zone)
      return { officeId: { in: ids }, occurredAt: { gte: start!, lt: end! } }
    })
    return { consultation: { mergedIntoId: null, OR } }
  }
  const counted = async (some: readonly ZonedOffice[]) => {
    const groups = await db.consultationArticle.groupBy({
      by: ['articleId'],
      where: sheetsOf(some),
      _count: { _all: true },
    })
    return Object.fromEntries(groups.map((group) => [group.articleId, group._count._all]))
  }
  const total = await counted(offices)
  const own = await counted(offices.filter((office) => office.id === officeId))
  const articles = await db.knowledgeArticle.findMany({
    where: { id: { in: Object.keys(total) } },
    select: { id: true, titleId: true, titleEn: true },
  })
  const titles = Object.fromEntries(
    articles.map((a) => [a.id, { id: a.titleId, en: a.titleEn?.trim() || a.titleId }]),
  )
  return { own, total, titles }
}

const words = {
  id: { title: 'Jawaban per artikel', article: 'Artikel', answers: 'Jumlah jawaban' },
  en: { title: 'Answers by article', article: 'Article', answers: 'Answers' },
} as const

/** The "answers by article" section as the files print it. */
export interface ArticleSection {
  title: string
  article: string
  answers: string
  lines: { articleId: string; title: string; count: number }[]
}

/**
 * The "answers by article" section the PDF and the workbook print: its words and lines, titles through
 * the scrubber (staff write them as free text); null for a report frozen before answers were counted.
 */
export function articleSection(
  content: ReportContent,
  locale: Locale,
  scrub: Scrubber,
): ArticleSection | null {
  if (!content.articles) return null
  const lines = articleLines(content.articles, locale).map((line) => ({ ...line, title: scrub(line.title) }))
  return { ...words[locale], lines }
}
