import { ownArticles } from './report-articles.ts'
import type { ReportContent } from './report-content.ts'

/**
 * A report as a reader sees it under the rule drafts follow: the roll-up of the offices below only for a
 * reader who may read every one of them (leadership, or the office the report was sent to); anyone else
 * sees the office's own figures (ratings and answers by article too) and its own staff, as their own draft would show them.
 */
export function reportAsReadBy(content: ReportContent, readable: ReadonlySet<string> | null): ReportContent {
  if (!readable || content.offices.every((line) => readable.has(line.office.id))) return content
  const ownStaff = new Set(Object.keys(content.own.byStaff))
  return {
    ...content,
    total: content.own,
    visits: { own: content.visits.own, total: content.visits.own },
    offices: [],
    staffNames: Object.fromEntries(Object.entries(content.staffNames).filter(([id]) => ownStaff.has(id))),
    ...(content.satisfaction && {
      satisfaction: { own: content.satisfaction.own, total: content.satisfaction.own },
    }),
    ...(content.articles && { articles: ownArticles(content.articles) }),
  }
}
