import { describe, expect, it } from 'vitest'
import { seededTopics } from './topic.fixture.ts'
import { topicLabels } from './topic.ts'
import {
  PublicConsultationSchema,
  PublicOfficeSchema,
  PublicSummarySchema,
  toPublicConsultation,
  toPublicSummary,
} from './publication.ts'
import { summarise, type ConsultationFact } from './report.ts'

// Adversarial records: personal data hidden in every free-text field and in odd shapes.
const adversarial = {
  id: '0b9f1e0e-4a84-4b39-9c39-1c0e6c3b8a10',
  channel: 'telepon',
  topic: 'syarat_calon',
  stakeholderCategory: 'pemilih',
  status: 'dijawab',
  askerName: 'Siti Rahmawati',
  askerInstitution: 'RT 03 Desa Trirenggo',
  askerContact: 'siti.r@example.id',
  question:
    'Saya Siti Rahmawati, NIK 3402011234560001, HP 0812-3456-7789, apakah suami saya boleh mencalonkan?',
  answer: 'Bu Siti, silakan hubungi 0274 367 xxx',
  minutes: 'Dihadiri Budi (budi@partai.id)',
  participants: [{ name: 'Budi Santoso' }],
  occurredAt: new Date('2024-09-05T16:30:00Z'),
  firstResponseAt: new Date('2024-09-05T16:42:10Z'),
} as const
const pii = [
  'Siti',
  'Rahmawati',
  'Trirenggo',
  'example.id',
  '3402011234560001',
  '0812',
  '3456',
  'Budi',
  'partai.id',
  'suami',
]

describe('public consultation log', () => {
  it('keeps only category, topic, channel, day, status and time to answer', () => {
    expect(toPublicConsultation(adversarial, 'WIB')).toEqual({
      day: '2024-09-05',
      channel: 'telepon',
      topic: 'syarat_calon',
      stakeholderCategory: 'pemilih',
      status: 'dijawab',
      minutesToFirstResponse: 12,
    })
  })

  it('lets no name, number, e-mail or free text through, whatever the record holds', () => {
    const serialised = JSON.stringify(toPublicConsultation(adversarial, 'WIT'))
    for (const fragment of pii) expect(serialised, fragment).not.toContain(fragment)
    expect(serialised).not.toContain('16:30')
  })

  it('uses the office day: 23:30 WIB is the 5th for WIB but the 6th for WIT', () => {
    expect(toPublicConsultation(adversarial, 'WIB').day).toBe('2024-09-05')
    expect(toPublicConsultation(adversarial, 'WIT').day).toBe('2024-09-06')
  })

  it('refuses a public line carrying any extra field', () => {
    const line = toPublicConsultation(adversarial, 'WIB')
    expect(PublicConsultationSchema.safeParse({ ...line, askerName: 'Siti' }).success).toBe(false)
    expect(PublicConsultationSchema.safeParse({ ...line, topic: 'Siti Rahmawati' }).success).toBe(false)
  })
})

describe('published office figures', () => {
  const fact = (over: Partial<ConsultationFact>): ConsultationFact => ({
    officeId: 'bantul',
    day: '2024-09-05',
    channel: 'telepon',
    topic: 'silon',
    stakeholderCategory: 'lo',
    status: 'dijawab',
    staffId: 'petugas-1',
    referred: false,
    firstResponseMinutes: 10,
    resolutionMinutes: null,
    ...over,
  })

  it('keeps the counts by enumeration and the response times, and drops staff and days', () => {
    const published = toPublicSummary(
      summarise([
        fact({}),
        fact({ channel: 'email', firstResponseMinutes: 45 }),
        fact({ status: 'dirujuk', referred: true, firstResponseMinutes: 120 }),
        fact({ status: 'baru', firstResponseMinutes: null, staffId: null }),
      ]),
      topicLabels(seededTopics),
    )
    expect(published).toEqual({
      consultations: 4,
      byTopic: { silon: 4 },
      topicLabels: { silon: { id: 'SILON', en: 'SILON application' } },
      byChannel: { telepon: 3, email: 1 },
      byCategory: { lo: 4 },
      suppressedCategories: [],
      byStatus: { dijawab: 2, dirujuk: 1, baru: 1 },
      referred: 1,
      firstResponse: {
        count: 3,
        meanMinutes: 175 / 3,
        medianMinutes: 45,
        p90Minutes: 120,
        half: { fromMinutes: 30, toMinutes: 45 },
      },
    })
    expect(JSON.stringify(published)).not.toMatch(/petugas-1|2024-09-05|bantul/)
  })

  it('hides categories counted fewer than three times, and one more when only one would hide', () => {
    const published = (categories: string[]) =>
      toPublicSummary(
        summarise(categories.map((stakeholderCategory) => fact({ stakeholderCategory }))),
        topicLabels(seededTopics),
      )
    expect(published(['lo', 'lo', 'lo', 'media'])).toMatchObject({
      consultations: 4,
      byCategory: {},
      suppressedCategories: ['lo', 'media'],
    })
    const busy = published(['lo', 'lo', 'lo', 'lo', 'pemilih', 'pemilih', 'pemilih', 'media', 'pemantau'])
    expect(busy).toMatchObject({
      byCategory: { lo: 4, pemilih: 3 },
      suppressedCategories: ['pemantau', 'media'],
    })
    expect(JSON.stringify(busy.byCategory)).not.toMatch(/media|pemantau/)
  })

  it('publishes an empty period as zeros and nulls', () => {
    expect(toPublicSummary(summarise([]), topicLabels(seededTopics)).firstResponse).toEqual({
      count: 0,
      meanMinutes: null,
      medianMinutes: null,
      p90Minutes: null,
      half: null,
    })
  })

  it('refuses a key outside the enumerations, where free text could hide', () => {
    expect(() =>
      toPublicSummary(
        summarise([fact({ topic: 'Siti Rahmawati 0812 3456 7789' })]),
        topicLabels(seededTopics),
      ),
    ).toThrow()
    const empty = toPublicSummary(summarise([]), topicLabels(seededTopics))
    expect(PublicSummarySchema.safeParse({ ...empty, byStaff: {} }).success).toBe(false)
  })

  it('lists an office with its desk hours and contacts, and nothing more', () => {
    const office = {
      regionCode: '34.02',
      name: 'KPU Kabupaten Bantul',
      level: 'KABKOTA',
      timeZone: 'WIB',
      parentRegionCode: '34',
      helpdeskHours: 'Senin–Jumat 08.00–16.00 WIB',
      helpdeskContacts: { email: 'helpdesk@example.go.id' },
    }
    expect(PublicOfficeSchema.parse(office)).toEqual(office)
    expect(PublicOfficeSchema.safeParse({ ...office, id: 'x' }).success).toBe(false)
  })
})
