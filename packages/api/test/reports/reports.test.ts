import { testTargets } from '@mejabantu/db/testing'
import { localDay, type ReportContent } from '@mejabantu/domain'
import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationRecord } from '../../src/consultations/schemas.ts'
import { backfillDailySummaries, rebuildDailySummaries } from '../../src/reports/daily-summary.ts'
import type { FrozenReport, ReportFile, ReportPage, ReportRecord } from '../../src/reports/schemas.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf as data, type TrpcReply } from '../support/browser.ts'
import { seedOffices, sheetInput, signInStaff, type Staff } from '../support/consultation-fixtures.ts'
import { checkInInput, pairKiosk } from '../support/kiosk.ts'

const refusal = (reply: TrpcReply) => ({ status: reply.status, rule: reply.body.error?.data.rule })
const september = { from: '2024-09-01', to: '2024-09-30' }
// 6 September 2024, 10:00 WIB, and the last minute of 30 September WIB (still September there).
const sixth = new Date('2024-09-06T03:00:00Z')
const lastMinute = new Date('2024-09-30T16:59:00Z')

describe.each(testTargets())('reports on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let bantul: Staff
  let sleman: Staff
  let diyStaff: Staff
  let diyLead: Staff
  let riLead: Staff
  let bantulAdmin: Staff
  let bantulLead: Staff

  beforeAll(async () => {
    api = await startApi(target)
    office = await seedOffices(api.db)
    ;[bantul, sleman, diyStaff, diyLead, riLead, bantulAdmin, bantulLead] = await Promise.all([
      signInStaff(api.db, api.url, '34.02', 'petugas'),
      signInStaff(api.db, api.url, '34.04', 'petugas'),
      signInStaff(api.db, api.url, '34', 'petugas'),
      signInStaff(api.db, api.url, '34', 'pimpinan'),
      signInStaff(api.db, api.url, '00', 'pimpinan'),
      signInStaff(api.db, api.url, '34.02', 'admin'),
      signInStaff(api.db, api.url, '34.02', 'pimpinan'),
    ])
    const sheet = async (staff: Staff, overrides: Record<string, unknown>) =>
      data<ConsultationRecord>(await staff.mutation('consultations.create', sheetInput(overrides)))
    // Bantul: two calls and an e-mail; one answered, one referred up and answered by DIY, one closed.
    const answered = await sheet(bantul, { occurredAt: sixth })
    const referred = await sheet(bantul, { occurredAt: sixth, topic: 'syarat_calon' })
    await sheet(bantul, { occurredAt: lastMinute, channel: 'email', stakeholderCategory: 'pemilih' })
    data(await bantul.mutation('consultations.answer', { id: answered.id, answer: 'Lewat menu unggah.' }))
    data(await bantul.mutation('consultations.close', { id: answered.id }))
    data(
      await bantul.mutation('consultations.refer', { id: referred.id, note: 'Perlu tafsir KPU Provinsi.' }),
    )
    data(await diyStaff.mutation('consultations.answer', { id: referred.id, answer: 'Sesuai PKPU 8/2024.' }))
    // Outside September in WIB: 1 October 00:00 WIB.
    await sheet(bantul, { occurredAt: new Date('2024-09-30T17:00:00Z') })
    await sheet(sleman, { occurredAt: sixth, channel: 'grup_pesan', participants: [], minutes: 'Notulen.' })
    await sheet(diyStaff, {
      occurredAt: sixth,
      channel: 'pertemuan_daring',
      participants: [],
      minutes: 'Rapat.',
    })
  })
  afterAll(() => api.close())

  const draft = async (staff: Staff, input: Record<string, unknown>) =>
    data<ReportContent>(await staff.query('reports.draft', input))

  it('counts an office’s own sheets by day, channel, topic, category and status in its own days', async () => {
    const report = await draft(bantul, september)
    expect(report.own.consultations).toBe(3)
    expect(report.own.byChannel).toEqual({ telepon: 2, email: 1 })
    expect(report.own.byStatus).toEqual({ selesai: 1, dijawab: 1, baru: 1 })
    expect(report.own.byDay).toEqual({ '2024-09-06': 2, '2024-09-30': 1 })
    expect(report.own.referred).toBe(1)
    expect(report.own.firstResponse.counts.reduce((a, b) => a + b)).toBe(2)
    expect(report.own.resolution.counts.reduce((a, b) => a + b)).toBe(1)
    expect(report.rows.map((row) => row.status)).toEqual(['selesai', 'dijawab', 'baru'])
    expect(report.rows[1]!.referredTo).toBe('KPU Daerah Istimewa Yogyakarta')
    expect(report.rows.every((row) => !('askerName' in row) && !('question' in row))).toBe(true)
  })

  it('rolls up: every level equals its own sheets plus the sum of the level below', async () => {
    const diy = await draft(diyLead, september)
    const ri = await draft(riLead, september)
    const below = await Promise.all(
      diy.offices.map((line) => draft(diyLead, { ...september, officeId: line.office.id })),
    )
    expect(diy.offices.map((line) => line.office.regionCode).sort()).toEqual(['34.01', '34.02', '34.04'])
    for (const [i, line] of diy.offices.entries()) expect(line.total).toEqual(below[i]!.total)
    const sum = (reports: { consultations: number }[]) => reports.reduce((n, r) => n + r.consultations, 0)
    expect(diy.total.consultations).toBe(diy.own.consultations + sum(diy.offices.map((l) => l.total)))
    expect(diy.total.consultations).toBe(5)
    expect(diy.total.byChannel).toEqual({ telepon: 2, email: 1, grup_pesan: 1, pertemuan_daring: 1 })
    expect(ri.offices.map((line) => line.office.regionCode)).toEqual(['34'])
    expect(ri.offices[0]!.total).toEqual(diy.total)
    expect(ri.total).toEqual(diy.total)
  })

  it('rolls up only what the reader may read: a petugas of the province sees its own sheets', async () => {
    const report = await draft(diyStaff, september)
    expect(report.total).toEqual(report.own)
    expect(report.own.consultations).toBe(1)
    expect(report.offices).toEqual([])
    expect(
      refusal(await diyStaff.query('reports.draft', { ...september, officeId: office['34.02'] })),
    ).toEqual({
      status: 403,
      rule: 'tenancy.office',
    })
  })

  it('keeps the day summary exact under concurrent sheets of one office and day', async () => {
    const day = { from: '2024-08-17', to: '2024-08-17' }
    const at = new Date('2024-08-17T02:00:00Z')
    await Promise.all(
      Array.from({ length: 12 }, () =>
        sleman.mutation('consultations.create', sheetInput({ occurredAt: at })),
      ),
    )
    expect((await draft(sleman, day)).own.consultations).toBe(12)
  })

  it('counts the guest book per day from kiosk check-ins', async () => {
    const kiosk = await pairKiosk(bantulAdmin, api.url)
    for (let i = 0; i < 3; i++) data(await kiosk.mutation('kiosk.checkIn', checkInInput()))
    const today = localDay(new Date(), 'WIB')
    const report = await draft(bantul, { from: today, to: today })
    expect(report.visits.own).toEqual({ [today]: 3 })
    expect(
      (await draft(diyLead, { from: today, to: today })).offices.find((l) => l.office.regionCode === '34.02')!
        .visits,
    ).toBe(3)
  })

  it('gives the same figures after rebuilding every summary from the sheets and the guest book', async () => {
    const today = localDay(new Date(), 'WIB')
    const before = await Promise.all([draft(riLead, september), draft(riLead, { from: today, to: today })])
    const rebuilt = await rebuildDailySummaries(api.db)
    expect(rebuilt.offices).toBe(5)
    const after = await Promise.all([draft(riLead, september), draft(riLead, { from: today, to: today })])
    expect(after.map(({ generatedAt: _, ...rest }) => rest)).toEqual(
      before.map(({ generatedAt: _, ...rest }) => rest),
    )
    expect(await backfillDailySummaries(api.db)).toBeNull()
  })

  it('refuses a reversed or over-long period, writing nothing', async () => {
    const before = await api.db.prisma.report.count()
    expect(refusal(await bantul.query('reports.draft', { from: '2024-09-30', to: '2024-09-01' }))).toEqual({
      status: 400,
      rule: 'report.period.reversed',
    })
    expect(
      refusal(await bantulLead.mutation('reports.finalise', { from: '2023-01-01', to: '2024-12-31' })),
    ).toEqual({
      status: 400,
      rule: 'report.period.tooLong',
    })
    expect(refusal(await bantul.query('reports.draft', { from: '2024-9-1', to: '2024-09-30' })).status).toBe(
      400,
    )
    expect(await api.db.prisma.report.count()).toBe(before)
  })

  describe('finalised reports', () => {
    let bantulReport: ReportRecord

    it('freezes and numbers a report, audited; later sheets do not change it', async () => {
      bantulReport = data<ReportRecord>(await bantulLead.mutation('reports.finalise', september))
      const year = localDay(new Date(), 'WIB').slice(0, 4)
      expect(bantulReport.number).toBe(`LAP-34.02-${year}-001`)
      expect(bantulReport).toMatchObject({ consultations: 3, sentTo: null, period: september })
      const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
        where: { targetType: 'Report', targetId: bantulReport.id },
      })
      expect(audit).toMatchObject({
        action: 'report.finalise',
        after: { number: bantulReport.number, consultations: 3 },
      })

      data(await bantul.mutation('consultations.create', sheetInput({ occurredAt: sixth })))
      expect((await draft(bantul, september)).own.consultations).toBe(4)
      const frozen = data<FrozenReport>(await bantul.query('reports.get', { id: bantulReport.id }))
      expect(frozen.content.own.consultations).toBe(3)
      expect(frozen.content.rows).toHaveLength(3)
      expect(frozen.content.rows[0]!.occurredAt).toBeInstanceOf(Date)
      const second = data<ReportRecord>(await bantulLead.mutation('reports.finalise', september))
      expect(second.number).toBe(`LAP-34.02-${year}-002`)
    })

    it('sends it once to the parent office, whose inbox lists it', async () => {
      const sent = data<ReportRecord>(await bantulLead.mutation('reports.send', { id: bantulReport.id }))
      expect(sent.sentTo).toEqual({ id: office['34'], name: 'KPU Daerah Istimewa Yogyakarta' })
      expect(refusal(await bantulLead.mutation('reports.send', { id: bantulReport.id }))).toEqual({
        status: 409,
        rule: 'report.alreadySent',
      })
      const inbox = data<ReportPage>(await diyStaff.query('reports.inbox', {}))
      expect(inbox.items.map((item) => item.number)).toContain(bantulReport.number)
      expect(data<FrozenReport>(await diyStaff.query('reports.get', { id: bantulReport.id })).number).toBe(
        bantulReport.number,
      )
      expect(refusal(await sleman.query('reports.get', { id: bantulReport.id }))).toEqual({
        status: 404,
        rule: 'report.notFound',
      })
      const audits = await api.db.prisma.auditEvent.count({
        where: { targetId: bantulReport.id, action: 'report.send' },
      })
      expect(audits).toBe(1)
    })

    it('is signed off and sent by leadership only; staff prepare it', async () => {
      const before = await api.db.prisma.report.count()
      for (const staff of [bantul, diyStaff, bantulAdmin]) {
        expect(refusal(await staff.mutation('reports.finalise', september))).toEqual({
          status: 403,
          rule: 'auth.forbidden',
        })
      }
      expect(refusal(await bantul.mutation('reports.send', { id: bantulReport.id }))).toEqual({
        status: 403,
        rule: 'auth.forbidden',
      })
      expect(await api.db.prisma.report.count()).toBe(before)
    })

    it('shows a finalised roll-up under the draft’s rule: the province’s staff see only its own figures', async () => {
      const diyReport = data<ReportRecord>(await diyLead.mutation('reports.finalise', september))
      const lead = data<FrozenReport>(await diyLead.query('reports.get', { id: diyReport.id }))
      expect(lead.content.offices.length).toBeGreaterThan(0)
      const staffDraft = await draft(diyStaff, september)
      const staffView = data<FrozenReport>(await diyStaff.query('reports.get', { id: diyReport.id }))
      expect(staffView.content.offices).toEqual(staffDraft.offices)
      expect(staffView.content.total).toEqual(staffView.content.own)
      expect(Object.keys(staffView.content.staffNames)).toEqual(Object.keys(staffDraft.staffNames))
    })

    it('has nowhere to send KPU RI’s report', async () => {
      const ri = data<ReportRecord>(await riLead.mutation('reports.finalise', september))
      expect(ri.number).toMatch(/^LAP-00-\d{4}-001$/)
      expect(refusal(await riLead.mutation('reports.send', { id: ri.id }))).toEqual({
        status: 400,
        rule: 'report.noParent',
      })
      const listed = data<ReportPage>(await riLead.query('reports.list', {}))
      expect(listed.items.map((item) => item.id)).toEqual([ri.id])
    })

    it('exports the frozen report as an A4 PDF with its figures, number and page numbers', async () => {
      const file = data<ReportFile>(
        await diyLead.query('reports.export', { source: { id: bantulReport.id }, format: 'pdf' }),
      )
      expect(file).toMatchObject({ fileName: `${bantulReport.number}.pdf`, contentType: 'application/pdf' })
      const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(file.contentBase64, 'base64')))
      const page = await pdf.getPage(1)
      const [width, height] = [page.view[2], page.view[3]]
      expect([Math.round(width!), Math.round(height!)]).toEqual([595, 842])
      const { text, totalPages } = await extractText(pdf, { mergePages: true })
      expect(text).toContain('LAPORAN HASIL KONSULTASI HELPDESK PENCALONAN')
      expect(text).toContain('KPU KABUPATEN BANTUL')
      expect(text).toContain(`Nomor: ${bantulReport.number}`)
      expect(text).toMatch(/Konsultasi kantor ini\s+3/)
      expect(text).toContain('Telepon')
      expect(text).toContain(`Halaman 1 dari ${totalPages}`)
      expect(text).toContain('Ketua Divisi Teknis Penyelenggaraan')
      expect(text).toContain('Menurut kanal')
      expect(text).not.toContain('Siti Rahmawati')
    })

    it('exports a draft roll-up as XLSX whose cells match the report, in English on request', async () => {
      const report = await draft(diyLead, september)
      const file = data<ReportFile>(
        await diyLead.query('reports.export', { source: september, format: 'xlsx', locale: 'en' }),
      )
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
      const summary = book.getWorksheet('Summary')!
      const valueOf = (label: string) => {
        let found: unknown
        summary.eachRow((row) => {
          if (row.getCell(1).value === label && found === undefined) found = row.getCell(2).value
        })
        return found
      }
      expect(valueOf('Consultations (offices below included)')).toBe(report.total.consultations)
      expect(valueOf('This office’s consultations')).toBe(report.own.consultations)
      expect(valueOf('Telephone')).toBe(report.total.byChannel.telepon)
      expect(valueOf('34.02 KPU Kabupaten Bantul')).toBe(
        report.offices.find((l) => l.office.regionCode === '34.02')!.total.consultations,
      )
      const rows = book.getWorksheet('Consultations')!
      expect(rows.rowCount - 1).toBe(report.rows.length)
    })
  })
})
