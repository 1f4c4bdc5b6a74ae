import { z } from 'zod'
import { LabelSchema, type Locale } from './labels.ts'

const counts = z.record(z.string(), z.number().int().nonnegative())

/**
 * Answers by knowledge article in a report: how many of the period's sheets (by the day they were asked,
 * merged duplicates left out) were answered with each article, keyed by article id, of the office's own
 * and with every office below, like `own` and `total`. Titles are frozen with the report, in both
 * languages (the Indonesian one where an article has no English title).
 */
export const ReportArticlesSchema = z.object({
  own: counts,
  total: counts,
  titles: z.record(z.string(), LabelSchema),
})
/** Answers by knowledge article in a report. */
export type ReportArticles = z.infer<typeof ReportArticlesSchema>

const addCounts = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) => {
  const sum = { ...a }
  for (const [id, n] of Object.entries(b)) sum[id] = (Object.hasOwn(sum, id) ? sum[id]! : 0) + n
  return sum
}

/**
 * Two consecutive parts' answers by article as one report's `articles`; a title the later part gives wins
 * (the article was renamed). A part compiled before articles were counted has none: the other stands.
 */
export function mergedArticles(
  a: ReportArticles | undefined,
  b: ReportArticles | undefined,
): { articles?: ReportArticles } {
  if (!a || !b) return a || b ? { articles: (a ?? b)! } : {}
  return {
    articles: {
      own: addCounts(a.own, b.own),
      total: addCounts(a.total, b.total),
      titles: { ...a.titles, ...b.titles },
    },
  }
}

/** The answers by article a reader sees who may not read the offices below: the office's own. */
export function ownArticles(articles: ReportArticles): ReportArticles {
  const titles = Object.fromEntries(
    Object.entries(articles.titles).filter(([id]) => Object.hasOwn(articles.own, id)),
  )
  return { own: articles.own, total: articles.own, titles }
}

/** A line of the "answers by article" table. */
export interface ArticleLine {
  articleId: string
  title: string
  count: number
}

/** The table's lines in the report's language: most used first, ties by title. */
export function articleLines(articles: ReportArticles, locale: Locale): ArticleLine[] {
  return Object.entries(articles.total)
    .filter(([, count]) => count > 0)
    .map(([articleId, count]) => ({
      articleId,
      title: articles.titles[articleId]?.[locale] ?? articleId,
      count,
    }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
}
