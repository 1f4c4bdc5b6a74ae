import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationPage, ConsultationRecord } from '../../src/consultations/schemas.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import {
  addCandidatePair,
  seedOffices,
  sheetInput,
  signInStaff,
  type Staff,
} from '../support/consultation-fixtures.ts'

const at = (iso: string) => new Date(iso)

describe.each(testTargets())('consultation list and search on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let kp: Staff // Kulon Progo, whose sheets this file lists
  let kp2: Staff
  let bantul: Staff
  let province: Staff // pimpinan of DI Yogyakarta: reads the offices below
  let pairId: string
  const sheets: Record<string, ConsultationRecord> = {}

  const list = async (staff: Staff, input: Record<string, unknown> = {}) =>
    data<ConsultationPage>(await staff.query('consultations.list', input))
  const numbers = (page: ConsultationPage) => page.items.map((i) => i.number)
  const ids = (page: ConsultationPage) => page.items.map((i) => i.id)

  beforeAll(async () => {
    api = await startApi(target)
    office = await seedOffices(api.db)
    ;[kp, kp2, bantul, province] = await Promise.all([
      signInStaff(api.db, api.url, '34.01', 'petugas'),
      signInStaff(api.db, api.url, '34.01', 'petugas'),
      signInStaff(api.db, api.url, '34.02', 'petugas'),
      signInStaff(api.db, api.url, '34', 'pimpinan'),
    ])
    pairId = await addCandidatePair(api.db, office['34.01']!)
    const create = async (key: string, staff: Staff, overrides: Record<string, unknown>) => {
      sheets[key] = data<ConsultationRecord>(
        await staff.mutation('consultations.create', sheetInput(overrides)),
      )
    }
    // Created in order, occurredAt deliberately out of order.
    await create('lateEvening', kp, {
      occurredAt: at('2024-09-05T16:30:00Z'), // 5 Sept 23.30 WIB
      channel: 'telepon',
      topic: 'syarat_calon',
      askerName: 'Ahmad Ijazah',
      question: 'Apakah fotokopi legalisir diterima?',
    })
    await create('afterMidnight', kp2, {
      occurredAt: at('2024-09-05T17:30:00Z'), // 6 Sept 00.30 WIB
      channel: 'email',
      topic: 'syarat_calon',
      stakeholderCategory: 'pengurus_partai',
      askerName: 'Budi',
      question: 'Ijazah SLTA hilang, apa penggantinya?',
    })
    await create('visiMisi', kp, {
      occurredAt: at('2024-09-06T03:00:00Z'),
      channel: 'tatap_muka',
      topic: 'visi_misi',
      askerName: 'Citra',
      question: 'Naskah visi misi boleh lebih dari sepuluh halaman?',
      candidatePairId: pairId,
    })
    await create('foto', kp, {
      occurredAt: at('2024-09-04T03:00:00Z'),
      channel: 'grup_pesan',
      topic: 'foto',
      stakeholderCategory: 'media',
      askerName: 'Dewi',
      question: 'Foto calon untuk visi misi harus berlatar putih?',
    })
    await create('skck', kp2, {
      occurredAt: at('2024-09-03T03:00:00Z'),
      channel: 'pertemuan_daring',
      topic: 'syarat_calon',
      askerName: 'Eko',
      question: 'SKCK dari Polres atau Polda?',
      minutes: 'Dibahas juga soal ijazah.',
    })
    await kp.mutation('consultations.answer', { id: sheets.skck!.id, answer: 'SKCK dari Polres.' })
    await kp.mutation('consultations.refer', { id: sheets.foto!.id, note: 'Minta tafsir Provinsi.' })
    // Another office's sheet that no filter on Kulon Progo may show.
    await bantul.mutation('consultations.create', sheetInput({ question: 'Ijazah di Bantul?' }))
  })
  afterAll(() => api.close())

  it('lists the own office, newest first, with the total and excerpts', async () => {
    const page = await list(kp)
    expect(numbers(page)).toEqual([
      sheets.visiMisi!.number,
      sheets.afterMidnight!.number,
      sheets.lateEvening!.number,
      sheets.foto!.number,
      sheets.skck!.number,
    ])
    expect(page).toMatchObject({ total: 5, page: 1, pageSize: 25 })
    expect(page.items[0]).toMatchObject({
      office: { regionCode: '34.01' },
      questionExcerpt: 'Naskah visi misi boleh lebih dari sepuluh halaman?',
      rank: null,
    })
  })

  it('pages through without gaps or repeats, keeping the total', async () => {
    const pages = [1, 2, 3].map((page) => list(kp, { page, pageSize: 2 }))
    const [one, two, three] = await Promise.all(pages)
    expect([one!, two!, three!].map((p) => p.total)).toEqual([5, 5, 5])
    expect([...ids(one!), ...ids(two!), ...ids(three!)]).toEqual(ids(await list(kp)))
    const beyond = await list(kp, { page: 9, pageSize: 2 })
    expect(beyond).toMatchObject({ items: [], total: 5 })
  })

  it.each([
    [{ channel: 'email' }, ['afterMidnight']],
    [{ topic: 'syarat_calon' }, ['afterMidnight', 'lateEvening', 'skck']],
    [{ stakeholderCategory: 'media' }, ['foto']],
    [{ status: 'dijawab' }, ['skck']],
    [{ status: 'dirujuk' }, ['foto']],
    [{ status: 'selesai' }, []],
    [{ topic: 'syarat_calon', channel: 'telepon' }, ['lateEvening']],
  ])('filters by %j', async (filter, expected) => {
    expect(numbers(await list(kp, filter))).toEqual(expected.map((key) => sheets[key]!.number))
  })

  it('filters by staff and by candidate pair', async () => {
    expect(numbers(await list(kp, { staffId: kp2.userId }))).toEqual([
      sheets.afterMidnight!.number,
      sheets.skck!.number,
    ])
    expect(numbers(await list(kp, { candidatePairId: pairId }))).toEqual([sheets.visiMisi!.number])
  })

  it('reads date ranges as days of the office: 23.30 and 00.30 WIB fall on different days', async () => {
    expect(numbers(await list(kp, { from: '2024-09-05', to: '2024-09-05' }))).toEqual([
      sheets.lateEvening!.number,
    ])
    expect(numbers(await list(kp, { from: '2024-09-06' }))).toEqual([
      sheets.visiMisi!.number,
      sheets.afterMidnight!.number,
    ])
    expect(numbers(await list(kp, { to: '2024-09-04' }))).toEqual([sheets.foto!.number, sheets.skck!.number])
    const reversed = await kp.query('consultations.list', { from: '2024-09-06', to: '2024-09-05' })
    expect(reversed.status).toBe(400)
    expect(reversed.body.error?.data).toMatchObject({ rule: 'input.invalid' })
  })

  it('searches the full text and ranks the asker above the question above the minutes', async () => {
    const page = await list(kp, { q: 'ijazah' })
    expect(numbers(page)).toEqual([
      sheets.lateEvening!.number,
      sheets.afterMidnight!.number,
      sheets.skck!.number,
    ])
    expect(page.total).toBe(3)
    const ranks = page.items.map((i) => i.rank!)
    expect(ranks.every((r) => r > 0)).toBe(true)
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
    expect(ranks[0]).toBeGreaterThan(ranks[1]!)
    expect(ranks[1]).toBeGreaterThan(ranks[2]!)
  })

  it.each([
    ['"visi misi"', ['visiMisi', 'foto']],
    ['visi -foto', ['visiMisi']],
    ['skck or legalisir', ['lateEvening', 'skck']],
    ['IJAZAH hilang', ['afterMidnight']],
    ['polres', ['skck']], // in the answer
    ['tidakadakatainidimanapun', []],
  ])('understands web-search syntax: %s', async (q, expected) => {
    const found = numbers(await list(kp, { q })).sort()
    expect(found).toEqual(expected.map((key) => sheets[key]!.number).sort())
  })

  it('searches together with filters and paging, and treats hostile text as words', async () => {
    const page = await list(kp, { q: 'ijazah', channel: 'email' })
    expect(numbers(page)).toEqual([sheets.afterMidnight!.number])
    expect(await list(kp, { q: 'ijazah', pageSize: 1, page: 3 })).toMatchObject({ total: 3 })
    for (const q of [`'; DROP TABLE "Consultation"; --`, "' OR 1=1 --", '!!! & | :*', '   ']) {
      const reply = await kp.query('consultations.list', { q })
      expect(reply.status, q).toBe(200)
    }
    expect((await list(kp, { q: '   ' })).total).toBe(5)
    await expect(api.db.prisma.consultation.count()).resolves.toBe(6)
  })

  it('lists another office only within the reader’s scope', async () => {
    const fromProvince = await list(province, { officeId: office['34.01'] })
    expect(fromProvince.total).toBe(5)
    const refused = await bantul.query('consultations.list', { officeId: office['34.01'] })
    expect(refused.status).toBe(403)
    expect(refused.body.error?.data).toMatchObject({ rule: 'tenancy.office' })
    expect((await list(bantul)).total).toBe(1)
  })
})
