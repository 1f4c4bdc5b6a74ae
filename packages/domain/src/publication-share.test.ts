import { describe, expect, it } from 'vitest'
import { seededTopics } from './topic.fixture.ts'
import { topicLabels } from './topic.ts'
import {
  daysIn,
  formatDayRange,
  lastDays,
  rankedCounts,
  shareText,
  shiftDay,
  weekOf,
} from './publication-share.ts'
import { toPublicSummary, type PublicSummary } from './publication.ts'
import { summarise, type ConsultationFact } from './report.ts'
import { scrubPersonalData } from './scrub.ts'

const fact = (overrides: Partial<ConsultationFact>): ConsultationFact => ({
  officeId: '0b9f1e0e-4a84-4b39-9c39-1c0e6c3b8a10',
  day: '2026-12-03',
  channel: 'tatap_muka',
  topic: 'syarat_calon',
  stakeholderCategory: 'lo',
  status: 'dijawab',
  staffId: null,
  referred: false,
  firstResponseMinutes: 10,
  resolutionMinutes: null,
  ...overrides,
})

const week = { from: '2026-11-30', to: '2026-12-06' }
const summary: PublicSummary = toPublicSummary(
  summarise([
    fact({}),
    fact({ firstResponseMinutes: 20 }),
    fact({ channel: 'telepon', topic: 'silon', firstResponseMinutes: 15 }),
    fact({ channel: 'email', topic: 'silon', referred: true, status: 'dirujuk', firstResponseMinutes: 15 }),
    fact({ channel: 'telepon', topic: 'jadwal', firstResponseMinutes: null, status: 'baru' }),
    fact({ channel: 'telepon', topic: 'foto', firstResponseMinutes: 15 }),
  ]),
  topicLabels(seededTopics),
)

describe('days and weeks of a public page', () => {
  it('moves across months and years', () => {
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01')
    expect(shiftDay('2024-03-01', -1)).toBe('2024-02-29')
  })

  it('counts the last days up to today, inclusive', () => {
    expect(lastDays('2026-12-08', 7)).toEqual({ from: '2026-12-02', to: '2026-12-08' })
    expect(lastDays('2026-12-08', 1)).toEqual({ from: '2026-12-08', to: '2026-12-08' })
  })

  it('lists every day of a range, none for a reversed one', () => {
    expect(daysIn({ from: '2026-12-30', to: '2027-01-02' })).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ])
    expect(daysIn({ from: '2026-12-02', to: '2026-12-01' })).toEqual([])
  })

  it('takes weeks from Monday to Sunday', () => {
    expect(weekOf('2026-12-02')).toEqual({ from: '2026-11-30', to: '2026-12-06' })
    expect(weekOf('2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-12-06' })
    expect(weekOf('2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' })
  })

  it('writes a range naming a shared month or year once', () => {
    expect(formatDayRange({ from: '2026-12-02', to: '2026-12-08' })).toBe('2–8 Desember 2026')
    expect(formatDayRange(week)).toBe('30 November – 6 Desember 2026')
    expect(formatDayRange({ from: '2026-12-28', to: '2027-01-03' }, 'en')).toBe(
      '28 December 2026 – 3 January 2027',
    )
    expect(formatDayRange({ from: '2026-12-02', to: '2026-12-02' }, 'en')).toBe('2 December 2026')
  })
})

describe('share posts', () => {
  it('ranks counts largest first, ties in table order, zeros left out', () => {
    expect(
      rankedCounts({ email: 2, telepon: 2, tatap_muka: 3, grup_pesan: 0 }, [
        'tatap_muka',
        'telepon',
        'email',
        'grup_pesan',
      ]),
    ).toEqual([
      ['tatap_muka', 3],
      ['telepon', 2],
      ['email', 2],
    ])
  })

  it('sums up a week in Bahasa Indonesia', () => {
    expect(shareText({ officeName: 'KPU Kabupaten Bantul', period: week, summary })).toBe(
      'Helpdesk Pencalonan KPU Kabupaten Bantul, 30 November – 6 Desember 2026: 6 konsultasi ' +
        '(telepon 3, tatap muka 2, e-mail 1), rata-rata dijawab dalam 15 menit, 1 dirujuk ke jenjang di ' +
        'atasnya. Topik terbanyak: SILON (2), Syarat calon (2), Foto calon (1).',
    )
  })

  it('sums up a day in English', () => {
    const day = { from: '2026-12-03', to: '2026-12-03' }
    const one = toPublicSummary(
      summarise([fact({ firstResponseMinutes: null, status: 'baru' })]),
      topicLabels(seededTopics),
    )
    expect(shareText({ officeName: 'KPU Kabupaten Bantul', period: day, summary: one }, 'en')).toBe(
      'Nomination help desk of KPU Kabupaten Bantul, 3 December 2026: 1 consultation (face to face 1), ' +
        'none answered yet. Most asked about: Candidate requirements (1).',
    )
    expect(shareText({ officeName: 'KPU Kabupaten Bantul', period: week, summary }, 'en')).toContain(
      '6 consultations (telephone 3, face to face 2, e-mail 1), first answer within 15 minutes on average, 1 referred',
    )
  })

  it('says so when there was nothing, in both languages', () => {
    const empty = toPublicSummary(summarise([]), topicLabels(seededTopics))
    const input = { officeName: 'KPU Kabupaten Bantul', period: week, summary: empty }
    expect(shareText(input)).toBe(
      'Helpdesk Pencalonan KPU Kabupaten Bantul, 30 November – 6 Desember 2026: belum ada konsultasi.',
    )
    expect(shareText(input, 'en')).toMatch(/: no consultations yet\.$/)
  })

  it('leaves through the scrubber: its own words survive, a contact typed into a name does not', () => {
    const text = shareText({ officeName: 'KPU Kabupaten Bantul', period: week, summary })
    expect(scrubPersonalData(text)).toBe(text)
    const careless = shareText({ officeName: 'KPU Bantul (hub. 0812-3456-7789)', period: week, summary })
    expect(careless).toMatch(/^Helpdesk Pencalonan KPU Bantul \(hub\. \[telepon\]\), 30 November/)
  })
})
