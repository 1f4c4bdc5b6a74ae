import { describe, expect, it } from 'vitest'
import { articleLines, mergedArticles, ownArticles, type ReportArticles } from './report-articles.ts'
import { mergeReportContents, ReportContentSchema, type ReportContent } from './report-content.ts'
import { reportAsReadBy } from './report-reader.ts'
import { emptySummary } from './report.ts'

const titles = {
  skck: { id: 'SKCK diterbitkan oleh Polres', en: 'SKCK is issued by the district police' },
  silon: { id: 'Batas unggah perbaikan di SILON', en: 'Batas unggah perbaikan di SILON' },
  sleman: { id: 'Artikel KPU Sleman', en: 'Artikel KPU Sleman' },
}
const articles = (own: Record<string, number>, total = own): ReportArticles => ({
  own,
  total,
  titles: Object.fromEntries(Object.keys(total).map((id) => [id, titles[id as keyof typeof titles]])),
})

describe('answers by knowledge article in a report', () => {
  it('lists the articles most used first, ties by title, in the report’s language', () => {
    const lines = articleLines(articles({ silon: 2, skck: 2, sleman: 5 }), 'en')
    expect(lines).toEqual([
      { articleId: 'sleman', title: 'Artikel KPU Sleman', count: 5 },
      { articleId: 'silon', title: 'Batas unggah perbaikan di SILON', count: 2 },
      { articleId: 'skck', title: 'SKCK is issued by the district police', count: 2 },
    ])
    expect(articleLines(articles({}), 'id')).toEqual([])
  })

  it('adds consecutive parts up; a part compiled before articles were counted has none', () => {
    const first = articles({ skck: 1 }, { skck: 1, sleman: 2 })
    const second = articles({ skck: 2, silon: 1 })
    expect(mergedArticles(first, second)).toEqual({
      articles: articles({ skck: 3, silon: 1 }, { skck: 3, sleman: 2, silon: 1 }),
    })
    expect(mergedArticles(undefined, second)).toEqual({ articles: second })
    expect(mergedArticles(undefined, undefined)).toEqual({})
  })

  const content = (counted?: ReportArticles): ReportContent => ({
    office: { id: 'bantul', name: 'KPU Bantul', regionCode: '34.02', level: 'KABKOTA', timeZone: 'WIB' },
    period: { from: '2024-09-01', to: '2024-09-15' },
    generatedAt: new Date('2024-09-16T00:00:00Z'),
    own: emptySummary(),
    total: emptySummary(),
    visits: { own: {}, total: {} },
    offices: [
      {
        office: { id: 'sleman', name: 'KPU Sleman', regionCode: '34.04', level: 'KABKOTA', timeZone: 'WIB' },
        total: emptySummary(),
        visits: 0,
      },
    ],
    staffNames: {},
    rows: [],
    ...(counted && { articles: counted }),
  })

  it('merges chunked reports’ articles and keeps old frozen reports valid without them', () => {
    const second = { ...content(articles({ skck: 1 })), period: { from: '2024-09-16', to: '2024-09-30' } }
    expect(mergeReportContents([content(articles({ skck: 2 })), second]).articles).toEqual(
      articles({ skck: 3 }),
    )
    expect(mergeReportContents([content(), content()])).not.toHaveProperty('articles')
    expect(ReportContentSchema.parse(content())).not.toHaveProperty('articles')
  })

  it('shows a reader without the offices below only the office’s own answers and titles', () => {
    const report = content(articles({ skck: 1 }, { skck: 1, sleman: 4 }))
    expect(ownArticles(report.articles!)).toEqual(articles({ skck: 1 }))
    expect(reportAsReadBy(report, new Set(['bantul'])).articles).toEqual(articles({ skck: 1 }))
    expect(reportAsReadBy(report, new Set(['bantul', 'sleman'])).articles).toEqual(report.articles)
  })
})
