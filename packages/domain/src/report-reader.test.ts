import { describe, expect, it } from 'vitest'
import type { ReportContent } from './report-content.ts'
import { reportAsReadBy } from './report-reader.ts'
import { summarise } from './report.ts'

const office = { id: 'diy', name: 'KPU DIY', regionCode: '34', level: 'PROVINSI', timeZone: 'WIB' } as const
const below = {
  id: 'bantul',
  name: 'KPU Bantul',
  regionCode: '34.02',
  level: 'KABKOTA',
  timeZone: 'WIB',
} as const
const fact = (officeId: string, staffId: string) => ({
  officeId,
  day: '2024-09-06',
  channel: 'telepon',
  topic: 'silon',
  stakeholderCategory: 'lo',
  status: 'baru',
  staffId,
  referred: false,
  firstResponseMinutes: null,
  resolutionMinutes: null,
})
const own = summarise([fact('diy', 'provinsi-1')])
const content: ReportContent = {
  office,
  period: { from: '2024-09-01', to: '2024-09-30' },
  generatedAt: new Date('2024-10-01T00:00:00Z'),
  own,
  total: summarise([fact('diy', 'provinsi-1'), fact('bantul', 'bantul-1')]),
  visits: { own: { '2024-09-06': 1 }, total: { '2024-09-06': 3 } },
  offices: [{ office: below, total: summarise([fact('bantul', 'bantul-1')]), visits: 2 }],
  staffNames: { 'provinsi-1': 'Sari', 'bantul-1': 'Budi' },
  rows: [],
}

describe('reportAsReadBy', () => {
  it('shows the whole roll-up to a reader of every office below', () => {
    expect(reportAsReadBy(content, new Set(['diy', 'bantul']))).toBe(content)
    expect(reportAsReadBy(content, null)).toBe(content)
  })

  it('shows only the office’s own figures and staff to a reader of the office alone', () => {
    const narrowed = reportAsReadBy(content, new Set(['diy']))
    expect(narrowed).toMatchObject({ total: own, offices: [], staffNames: { 'provinsi-1': 'Sari' } })
    expect(narrowed.visits.total).toEqual({ '2024-09-06': 1 })
    expect(JSON.stringify(narrowed)).not.toContain('Budi')
  })
})
