import { testTargets } from '@mejabantu/db/testing'
import type { PublicConsultation, PublicOffice, PublicSummary } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationRecord } from '../../src/consultations/schemas.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser, dataOf as data } from '../support/browser.ts'
import { seedOffices, sheetInput, signInStaff, type Staff } from '../support/consultation-fixtures.ts'

interface Log {
  office: { regionCode: string; name: string }
  items: PublicConsultation[]
  total: number
  page: number
  pageSize: number
}
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000)

// Personal data a careless sheet might hold, placed in every free-text field below.
const person = {
  name: 'Siti Rahmawati',
  email: 'siti.rahma@example.id',
  phone: '+62 812-3456-7789',
  nik: '3402011234560001',
  address: 'Jl. Melati No. 7 Trirenggo',
  other: 'Budi Santoso',
  otherEmail: 'budi@partai.id',
}
const said = `Saya ${person.name}, NIK ${person.nik}, HP ${person.phone}, e-mail ${person.email}, alamat ${person.address}; ${person.other} (${person.otherEmail}).`
const leaks = [
  'Siti',
  'Rahmawati',
  'siti.rahma',
  'example.id',
  person.nik,
  '3456',
  '7789',
  'Melati',
  'Trirenggo',
  'Budi',
  'Santoso',
  'partai.id',
  '@',
  'LK-',
]

describe.each(testTargets())('public publication on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let bantul: Staff
  let diy: Staff
  let kp: Staff
  const anyone = () => new Browser(api.url)
  const secrets: string[] = []

  beforeAll(async () => {
    api = await startApi(target)
    office = await seedOffices(api.db)
    ;[bantul, diy, kp] = await Promise.all([
      signInStaff(api.db, api.url, '34.02', 'petugas'),
      signInStaff(api.db, api.url, '34', 'petugas'),
      signInStaff(api.db, api.url, '34.01', 'petugas'),
    ])
    await api.db.prisma.office.update({
      where: { regionCode: '34.02' },
      data: {
        helpdeskHours: 'Senin–Jumat 08.00–16.00 WIB',
        helpdeskContacts: { telepon: '(0274) 367 000', grup: 'Grup Helpdesk Pencalonan', catatan: 5 },
      },
    })

    // Bantul: sheets full of personal data, answered after 7, 30 and 100 minutes, one referred with a note.
    const create = async (staff: Staff, overrides: Record<string, unknown>) =>
      data<ConsultationRecord>(await staff.mutation('consultations.create', sheetInput(overrides)))
    const adversarial = {
      askerName: person.name,
      askerInstitution: person.address,
      askerContact: person.email,
      question: said,
      participants: [{ name: person.other, institution: person.otherEmail }],
      minutes: said,
    }
    const quick = await create(bantul, { ...adversarial, channel: 'grup_pesan', occurredAt: minutesAgo(7) })
    const half = await create(bantul, {
      ...adversarial,
      channel: 'email',
      topic: 'foto',
      occurredAt: minutesAgo(30),
    })
    const slow = await create(bantul, {
      ...adversarial,
      stakeholderCategory: 'media',
      occurredAt: minutesAgo(100),
    })
    const waiting = await create(bantul, { ...adversarial, topic: 'jadwal' })
    for (const sheet of [quick, half]) {
      await bantul.mutation('consultations.answer', {
        id: sheet.id,
        answer: said,
        legalBasis: said.slice(0, 400),
      })
    }
    await bantul.mutation('consultations.refer', { id: slow.id, note: said })
    await diy.mutation('consultations.answer', { id: slow.id, answer: said })
    await bantul.mutation('consultations.close', { id: half.id })
    await bantul.mutation('consultations.update', {
      id: waiting.id,
      askerName: `${person.other} ${person.nik}`,
    })
    secrets.push(...[quick, half, slow, waiting].map((s) => s.id), bantul.userId, diy.userId)

    // Kulon Progo: fixed days around a WIB midnight, for the log's date range and paging.
    for (const occurredAt of ['2024-09-05T16:30:00Z', '2024-09-05T17:30:00Z', '2024-09-04T03:00:00Z']) {
      await create(kp, { occurredAt: new Date(occurredAt), channel: 'telepon', topic: 'silon' })
    }
  })
  afterAll(() => api.close())

  it('lists offices with region codes, help-desk hours and contacts, without signing in', async () => {
    const offices = data<PublicOffice[]>(await anyone().query('public.offices'))
    expect(offices.map((o) => o.regionCode)).toEqual(['00', '34', '34.01', '34.02', '34.04'])
    expect(offices.find((o) => o.regionCode === '34.02')).toEqual({
      regionCode: '34.02',
      name: 'KPU Kabupaten Bantul',
      level: 'KABKOTA',
      timeZone: 'WIB',
      parentRegionCode: '34',
      helpdeskHours: 'Senin–Jumat 08.00–16.00 WIB',
      helpdeskContacts: { telepon: '(0274) 367 000', grup: 'Grup Helpdesk Pencalonan' },
    })
    expect(offices.find((o) => o.regionCode === '00')).toMatchObject({
      parentRegionCode: null,
      helpdeskHours: null,
    })
    expect(JSON.stringify(offices)).not.toContain(office['34.02'])
  })

  // Each Kulon Progo day has one LO: too few to show the category (MIN_PUBLIC_GROUP), so it reads "lainnya".
  it('publishes the log by office day, newest first, paged', async () => {
    const log = data<Log>(await anyone().query('public.log', { regionCode: '34.01' }))
    expect(log).toMatchObject({
      office: { regionCode: '34.01', name: 'KPU Kabupaten Kulon Progo' },
      total: 3,
      page: 1,
    })
    expect(log.items).toEqual(
      ['2024-09-06', '2024-09-05', '2024-09-04'].map((day) => ({
        day,
        channel: 'telepon',
        topic: 'silon',
        stakeholderCategory: 'lainnya',
        status: 'baru',
        minutesToFirstResponse: null,
      })),
    )
    const oneDay = data<Log>(
      await anyone().query('public.log', { regionCode: '34.01', from: '2024-09-05', to: '2024-09-05' }),
    )
    expect(oneDay.items.map((i) => i.day)).toEqual(['2024-09-05'])
    const second = data<Log>(
      await anyone().query('public.log', { regionCode: '34.01', page: 2, pageSize: 2 }),
    )
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(second.items.map((i) => i.day)).toEqual(['2024-09-04'])
  })

  it('publishes counts and the median time to first response', async () => {
    const { summary } = data<{ summary: PublicSummary }>(
      await anyone().query('public.summary', { regionCode: '34.02' }),
    )
    expect(summary).toEqual({
      consultations: 4,
      byTopic: { silon: 2, foto: 1, jadwal: 1 },
      // Labelled as the catalogue names them, so the public page needs no staff call.
      topicLabels: {
        silon: { id: 'SILON', en: 'SILON application' },
        foto: { id: 'Foto calon', en: 'Candidate photos' },
        jadwal: { id: 'Jadwal tahapan', en: 'Stage schedule' },
      },
      byChannel: { grup_pesan: 1, email: 1, telepon: 2 },
      // One journalist is too few to show; hiding only them would leave 4 − 3 LOs, so LOs go too.
      byCategory: {},
      suppressedCategories: ['lo', 'media'],
      byStatus: { dijawab: 2, selesai: 1, baru: 1 },
      referred: 1,
      firstResponse: {
        count: 3,
        meanMinutes: expect.any(Number),
        medianMinutes: 30,
        p90Minutes: 120,
        // The page prints where the median lies: above 20, at most 30 minutes.
        half: { fromMinutes: 20, toMinutes: 30 },
      },
    })
    const empty = data<{ summary: PublicSummary }>(
      await anyone().query('public.summary', { regionCode: '34.01', from: '2030-01-01', to: '2030-12-31' }),
    )
    expect(empty.summary).toMatchObject({
      consultations: 0,
      byTopic: {},
      firstResponse: { count: 0, medianMinutes: null },
    })
  })

  it('counts consultations per office day and channel, for the daily chart', async () => {
    const { days } = data<{ days: { day: string; consultations: number }[] }>(
      await anyone().query('public.daily', { regionCode: '34.01' }),
    )
    expect(days).toEqual([
      { day: '2024-09-04', consultations: 1, byChannel: { telepon: 1 } },
      { day: '2024-09-05', consultations: 1, byChannel: { telepon: 1 } },
      { day: '2024-09-06', consultations: 1, byChannel: { telepon: 1 } },
    ])
    const oneDay = data<{ days: unknown[] }>(
      await anyone().query('public.daily', { regionCode: '34.01', from: '2024-09-05', to: '2024-09-05' }),
    )
    expect(oneDay.days).toHaveLength(1)
  })

  it('lets no name, contact, NIK, address, id or sheet number through, in any public reply', async () => {
    const replies = [await anyone().query('public.offices')]
    for (const regionCode of ['00', '34', '34.01', '34.02', '34.04']) {
      replies.push(await anyone().query('public.log', { regionCode }))
      replies.push(await anyone().query('public.log', { regionCode, pageSize: 1, page: 2 }))
      replies.push(await anyone().query('public.summary', { regionCode }))
      replies.push(await anyone().query('public.daily', { regionCode }))
    }
    const log = data<Log>(replies.find((r) => r.text.includes('"34.02"') && r.text.includes('items'))!)
    expect(log.items).toHaveLength(4)
    for (const reply of replies) {
      expect(reply.status, reply.text).toBe(200)
      for (const fragment of [...leaks, ...secrets]) expect(reply.text, fragment).not.toContain(fragment)
    }
  })

  it('refuses an unknown region code, a malformed one and a reversed range', async () => {
    const unknown = await anyone().query('public.log', { regionCode: '99.99' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error?.data).toMatchObject({
      rule: 'public.office.notFound',
      params: { regionCode: '99.99' },
      message: { id: 'Kantor dengan kode wilayah 99.99 tidak ditemukan.' },
    })
    expect((await anyone().query('public.summary', { regionCode: '99' })).status).toBe(404)
    for (const input of [
      { regionCode: "34.02' OR '1'='1" },
      { regionCode: '34.02', from: '2024-09-06', to: '2024-09-05' },
    ]) {
      const reply = await anyone().query('public.summary', input)
      expect(reply.status).toBe(400)
      expect(reply.body.error?.data).toMatchObject({ rule: 'input.invalid' })
    }
  })
})
