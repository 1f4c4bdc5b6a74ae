import { describe, expect, it } from 'vitest'
import {
  mergeReportContents,
  mergeSatisfaction,
  ReportContentSchema,
  satisfactionLine,
  satisfactionOf,
  type ReportContent,
} from './report-content.ts'
import { reportAsReadBy } from './report-reader.ts'
import { emptySummary, UNASSIGNED } from './report.ts'

const rated = (score: number, topic = 'silon', staffId: string | null = 's1') => ({ score, topic, staffId })

describe('the askers’ satisfaction in a report', () => {
  it('counts and averages ratings per score, to one decimal, as ratingSummary does', () => {
    expect(satisfactionLine([0, 1, 0, 1, 1])).toEqual({ count: 3, mean: 3.7, scores: [0, 1, 0, 1, 1] })
    expect(satisfactionLine([])).toEqual({ count: 0, mean: null, scores: [0, 0, 0, 0, 0] })
  })

  it('tallies ratings all together, by topic and by staff (unassigned apart)', () => {
    const tally = satisfactionOf([
      rated(5),
      rated(4, 'jadwal'),
      rated(2, 'silon', 's2'),
      rated(3, 'silon', null),
    ])
    expect(tally.all).toEqual({ count: 4, mean: 3.5, scores: [0, 1, 1, 1, 1] })
    expect(tally.byTopic).toEqual({
      silon: { count: 3, mean: 3.3, scores: [0, 1, 1, 0, 1] },
      jadwal: { count: 1, mean: 4, scores: [0, 0, 0, 1, 0] },
    })
    expect(Object.keys(tally.byStaff).sort()).toEqual(['s1', 's2', UNASSIGNED].sort())
    expect(tally.byStaff.s1).toEqual({ count: 2, mean: 4.5, scores: [0, 0, 0, 1, 1] })
    expect(() => satisfactionOf([rated(6)])).toThrow(RangeError)
    expect(() => satisfactionOf([rated(2.5)])).toThrow(RangeError)
  })

  it('merges tallies exactly, as if counted together, whatever the order', () => {
    const a = [rated(5), rated(1, 'jadwal', 's2')]
    const b = [rated(4), rated(4, 'constructor', 's3')]
    expect(mergeSatisfaction(satisfactionOf(a), satisfactionOf(b))).toEqual(satisfactionOf([...a, ...b]))
    expect(mergeSatisfaction(satisfactionOf(b), satisfactionOf(a)).all).toEqual(
      satisfactionOf([...a, ...b]).all,
    )
  })

  const content = (ratings: ReturnType<typeof rated>[], ownRatings = ratings): ReportContent => ({
    office: { id: 'bantul', name: 'KPU Bantul', regionCode: '34.02', level: 'KABKOTA', timeZone: 'WIB' },
    period: { from: '2024-09-01', to: '2024-09-15' },
    generatedAt: new Date('2024-09-16T00:00:00Z'),
    own: emptySummary(),
    total: emptySummary(),
    visits: { own: {}, total: {} },
    offices: [
      {
        office: { id: 'kp', name: 'KPU KP', regionCode: '34.01', level: 'KABKOTA', timeZone: 'WIB' },
        total: emptySummary(),
        visits: 0,
      },
    ],
    staffNames: {},
    rows: [],
    satisfaction: { own: satisfactionOf(ownRatings), total: satisfactionOf(ratings) },
  })

  it('merges chunked reports’ satisfaction; a part frozen before ratings has none', () => {
    const first = content([rated(5)])
    const second = { ...content([rated(3), rated(4)]), period: { from: '2024-09-16', to: '2024-09-30' } }
    const merged = mergeReportContents([first, second])
    expect(merged.satisfaction!.total).toEqual(satisfactionOf([rated(5), rated(3), rated(4)]))
    const { satisfaction: _none, ...old } = first
    expect(mergeReportContents([old, second]).satisfaction).toEqual(second.satisfaction)
    expect(mergeReportContents([old, old])).not.toHaveProperty('satisfaction')
    expect(ReportContentSchema.parse(old)).not.toHaveProperty('satisfaction')
    expect(ReportContentSchema.parse(first).satisfaction).toEqual(first.satisfaction)
  })

  it('shows a reader without the offices below only the office’s own ratings', () => {
    const report = content([rated(5), rated(1)], [rated(5)])
    expect(reportAsReadBy(report, new Set(['bantul'])).satisfaction).toEqual({
      own: report.satisfaction!.own,
      total: report.satisfaction!.own,
    })
    expect(reportAsReadBy(report, new Set(['bantul', 'kp'])).satisfaction).toEqual(report.satisfaction)
  })
})
