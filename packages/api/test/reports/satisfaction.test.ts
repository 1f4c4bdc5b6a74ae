import { testTargets } from '@mejabantu/db/testing'
import type { ReportContent } from '@mejabantu/domain'
import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationRecord } from '../../src/consultations/schemas.ts'
import { rebuildDailySummaries } from '../../src/reports/daily-summary.ts'
import type { FrozenReport, ReportFile, ReportRecord } from '../../src/reports/schemas.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser, dataOf as data } from '../support/browser.ts'
import { seedOffices, sheetInput, signInStaff, type Staff } from '../support/consultation-fixtures.ts'

const september = { from: '2024-09-01', to: '2024-09-30' }
const sixth = new Date('2024-09-06T03:00:00Z')

/** The askers' satisfaction in the consultation report, and merged duplicates counted once there. */
describe.each(testTargets())('satisfaction and merged sheets in reports on $kind', (target) => {
  let api: ApiFixture
  let bantul: Staff
  let bantul2: Staff
  let sleman: Staff
  let bantulLead: Staff
  let diyLead: Staff
  const sheets: Record<string, ConsultationRecord> = {}

  const draft = async (staff: Staff, input: Record<string, unknown> = september) =>
    data<ReportContent>(await staff.query('reports.draft', input))
  const sheet = async (key: string, staff: Staff, overrides: Record<string, unknown> = {}) =>
    (sheets[key] = data<ConsultationRecord>(
      await staff.mutation('consultations.create', sheetInput({ occurredAt: sixth, ...overrides })),
    ))
  /** Answered, closed and rated through the closing message's link. */
  const rated = async (key: string, staff: Staff, score: number, overrides: Record<string, unknown> = {}) => {
    const { id } = await sheet(key, staff, overrides)
    data(await staff.mutation('consultations.answer', { id, answer: 'Sudah dijawab.' }))
    data(await staff.mutation('consultations.close', { id }))
    const { ratingToken } = await api.db.prisma.consultation.findUniqueOrThrow({ where: { id } })
    data(await new Browser(api.url).mutation('public.rate', { token: ratingToken, score }))
  }

  beforeAll(async () => {
    api = await startApi(target)
    await seedOffices(api.db)
    ;[bantul, bantul2, sleman, bantulLead, diyLead] = await Promise.all([
      signInStaff(api.db, api.url, '34.02', 'petugas'),
      signInStaff(api.db, api.url, '34.02', 'petugas'),
      signInStaff(api.db, api.url, '34.04', 'petugas'),
      signInStaff(api.db, api.url, '34.02', 'pimpinan'),
      signInStaff(api.db, api.url, '34', 'pimpinan'),
    ])
    await rated('silonA', bantul, 5)
    await rated('silonB', bantul2, 4)
    await rated('jadwal', bantul, 2, { topic: 'jadwal' })
    await rated('sleman', sleman, 3)
    await sheet('unrated', bantul)
  })
  afterAll(() => api.close())

  it('averages the ratings per topic and per staff member, own and with the offices below', async () => {
    const report = await draft(bantul)
    const line = (count: number, mean: number | null, scores: number[]) => ({ count, mean, scores })
    expect(report.satisfaction!.own).toEqual({
      all: line(3, 3.7, [0, 1, 0, 1, 1]),
      byTopic: { silon: line(2, 4.5, [0, 0, 0, 1, 1]), jadwal: line(1, 2, [0, 1, 0, 0, 0]) },
      byStaff: {
        [bantul.userId]: line(2, 3.5, [0, 1, 0, 0, 1]),
        [bantul2.userId]: line(1, 4, [0, 0, 0, 1, 0]),
      },
    })
    // A petugas reads the office's own figures only.
    expect(report.satisfaction!.total).toEqual(report.satisfaction!.own)
    expect(report.staffNames).toHaveProperty(bantul2.userId)

    const province = await draft(diyLead)
    expect(province.satisfaction!.own.all).toEqual(line(0, null, [0, 0, 0, 0, 0]))
    expect(province.satisfaction!.total.all).toEqual(line(4, 3.5, [0, 1, 1, 1, 1]))
    expect(province.satisfaction!.total.byTopic.silon).toEqual(line(3, 4, [0, 0, 1, 1, 1]))
  })

  it('prints the satisfaction section in the PDF and the workbook, with Indonesian labels', async () => {
    const file = (format: 'pdf' | 'xlsx') =>
      bantul.query('reports.export', { source: september, format }).then((r) => data<ReportFile>(r))
    const pdf = await getDocumentProxy(
      new Uint8Array(Buffer.from((await file('pdf')).contentBase64, 'base64')),
    )
    const { text } = await extractText(pdf, { mergePages: true })
    expect(text).toContain('Kepuasan penanya menurut topik')
    expect(text).toContain('Kepuasan penanya menurut petugas')
    expect(text).toMatch(/SILON\s+2\s+4,5/)
    expect(text).toMatch(/Seluruh penilaian\s+3\s+3,7/)

    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from((await file('xlsx')).contentBase64, 'base64') as unknown as ArrayBuffer)
    const rows: unknown[][] = []
    book.getWorksheet('Ringkasan')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    const heading = rows.findIndex((row) => row[0] === 'Kepuasan penanya menurut topik')
    expect(rows[heading]).toEqual([
      'Kepuasan penanya menurut topik',
      'Jumlah penilaian',
      'Rata-rata nilai (1–5)',
    ])
    expect(rows.slice(heading + 1, heading + 4)).toEqual([
      ['SILON', 2, 4.5],
      ['Jadwal tahapan', 1, 2],
      ['Seluruh penilaian', 3, 3.7],
    ])
  })

  it('freezes the satisfaction with the finalised report', async () => {
    const content = await draft(bantulLead)
    const record = data<ReportRecord>(await bantulLead.mutation('reports.finalise', september))
    const frozen = data<FrozenReport>(await bantulLead.query('reports.get', { id: record.id }))
    expect(frozen.content.satisfaction).toEqual(content.satisfaction)
  })

  it('counts a merged duplicate once: in the day summaries, the list of sheets and a rebuild', async () => {
    const before = await draft(bantulLead)
    const province = (await draft(diyLead)).total.consultations
    const duplicate = await sheet('duplicate', bantul2)
    const withDuplicate = await draft(bantulLead)
    expect(withDuplicate.own.consultations).toBe(before.own.consultations + 1)
    expect(withDuplicate.rows.map((r) => r.number)).toContain(duplicate.number)

    data(
      await bantul.mutation('consultations.merge', { duplicateId: duplicate.id, keptId: sheets.unrated!.id }),
    )
    const merged = await draft(bantulLead)
    expect(merged.own.consultations).toBe(before.own.consultations)
    expect(merged.own.byStatus.baru).toBe(before.own.byStatus.baru)
    expect(merged.own.byStaff[bantul2.userId]).toBe(before.own.byStaff[bantul2.userId])
    expect(merged.rows.map((r) => r.number)).not.toContain(duplicate.number)
    expect((await draft(diyLead)).total.consultations).toBe(province)

    await rebuildDailySummaries(api.db)
    const rebuilt = await draft(bantulLead)
    expect(rebuilt.own).toEqual(merged.own)
  })

  it('leaves out the rating of a sheet merged away, in the satisfaction and in a rebuild', async () => {
    await rated('mergedAway', bantul, 1)
    expect((await draft(bantul)).satisfaction!.own.all.count).toBe(4)
    // Merging asks for an unanswered duplicate; a sheet merged by other means must still count once.
    await api.db.prisma.consultation.update({
      where: { id: sheets.mergedAway!.id },
      data: { mergedIntoId: sheets.silonA!.id, mergedAt: new Date() },
    })
    await rebuildDailySummaries(api.db)
    const report = await draft(bantul)
    expect(report.satisfaction!.own.all).toMatchObject({ count: 3, mean: 3.7 })
    expect(report.rows.map((r) => r.number)).not.toContain(sheets.mergedAway!.number)
    expect(report.own.byStatus.selesai).toBe(3)
  })
})
