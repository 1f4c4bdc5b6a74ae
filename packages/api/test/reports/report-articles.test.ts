import { testTargets } from '@mejabantu/db/testing'
import type { ReportContent } from '@mejabantu/domain'
import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationRecord } from '../../src/consultations/schemas.ts'
import type { ArticleRecord } from '../../src/knowledge/schemas.ts'
import type { FrozenReport, ReportFile, ReportRecord } from '../../src/reports/schemas.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import { seedOffices, sheetInput, signInStaff, type Staff } from '../support/consultation-fixtures.ts'
import { createArticle } from '../knowledge/knowledge-desk.ts'

const september = { from: '2024-09-01', to: '2024-09-30' }
const sixth = new Date('2024-09-06T03:00:00Z')

/** The report's "Jawaban per artikel": the period's answers counted by the article they were written with. */
describe.each(testTargets())('answers by knowledge article in reports on $kind', (target) => {
  let api: ApiFixture
  let bantul: Staff
  let sleman: Staff
  let bantulLead: Staff
  let diyLead: Staff
  let skck: ArticleRecord
  let perbaikan: ArticleRecord

  const draft = async (staff: Staff) => data<ReportContent>(await staff.query('reports.draft', september))
  /** A sheet answered by `staff` with the articles given. */
  const answered = async (staff: Staff, articles: ArticleRecord[], occurredAt = sixth) => {
    const sheet = data<ConsultationRecord>(
      await staff.mutation('consultations.create', sheetInput({ occurredAt })),
    )
    const articleIds = articles.map((a) => a.id)
    data(await staff.mutation('consultations.answer', { id: sheet.id, answer: 'Sudah dijawab.', articleIds }))
    return sheet
  }

  beforeAll(async () => {
    api = await startApi(target)
    await seedOffices(api.db)
    let diy: Staff
    ;[bantul, sleman, bantulLead, diyLead, diy] = await Promise.all([
      signInStaff(api.db, api.url, '34.02', 'petugas'),
      signInStaff(api.db, api.url, '34.04', 'petugas'),
      signInStaff(api.db, api.url, '34.02', 'pimpinan'),
      signInStaff(api.db, api.url, '34', 'pimpinan'),
      signInStaff(api.db, api.url, '34', 'petugas'),
    ])
    // The province's article reaches both Kab/Kota; Bantul's own has no English title.
    skck = await createArticle(diy, {
      titleId: 'SKCK diterbitkan oleh Polres',
      titleEn: 'SKCK is issued by the district police',
    })
    perbaikan = await createArticle(bantul, { titleId: 'Batas unggah perbaikan', titleEn: undefined })
    await answered(bantul, [skck, perbaikan])
    await answered(bantul, [skck])
    await answered(bantul, [])
    await answered(sleman, [skck])
    await answered(bantul, [skck], new Date('2024-10-02T03:00:00Z'))
    // A duplicate merged away counts as the sheet it was merged into: its answer not again.
    const kept = await answered(bantul, [])
    const duplicate = await answered(bantul, [skck, perbaikan])
    await api.db.prisma.consultation.update({
      where: { id: duplicate.id },
      data: { mergedIntoId: kept.id, mergedAt: new Date() },
    })
  })
  afterAll(() => api.close())

  it('counts each article’s answers of the period, own and with the offices below, merged sheets left out', async () => {
    const titles = {
      [skck.id]: { id: 'SKCK diterbitkan oleh Polres', en: 'SKCK is issued by the district police' },
      [perbaikan.id]: { id: 'Batas unggah perbaikan', en: 'Batas unggah perbaikan' },
    }
    const own = { [skck.id]: 2, [perbaikan.id]: 1 }
    // A petugas reads the office's own answers only, as the other figures.
    expect((await draft(bantul)).articles).toEqual({ own, total: own, titles })
    expect((await draft(bantulLead)).articles).toEqual({ own, total: own, titles })
    expect((await draft(diyLead)).articles).toEqual({
      own: {},
      total: { [skck.id]: 3, [perbaikan.id]: 1 },
      titles,
    })
    expect((await draft(sleman)).articles).toEqual({
      own: { [skck.id]: 1 },
      total: { [skck.id]: 1 },
      titles: { [skck.id]: titles[skck.id] },
    })
  })

  const file = async (format: 'pdf' | 'xlsx', locale: 'id' | 'en' = 'id') =>
    Buffer.from(
      data<ReportFile>(await diyLead.query('reports.export', { source: september, format, locale }))
        .contentBase64,
      'base64',
    )

  it('prints "Jawaban per artikel" in the PDF, most used first, in the report’s language', async () => {
    const text = async (locale: 'id' | 'en') =>
      (
        await extractText(await getDocumentProxy(new Uint8Array(await file('pdf', locale))), {
          mergePages: true,
        })
      ).text
    const indonesian = await text('id')
    expect(indonesian).toMatch(/Jawaban per artikel\s+Artikel\s+Jumlah jawaban/)
    expect(indonesian).toMatch(/SKCK diterbitkan oleh Polres\s+3\s+Batas unggah perbaikan\s+1/)
    const english = await text('en')
    expect(english).toMatch(/Answers by article\s+Article\s+Answers/)
    expect(english).toMatch(/SKCK is issued by the district police\s+3/)
  })

  it('lists the answers by article in the workbook’s summary sheet as numbers', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await file('xlsx')) as unknown as ArrayBuffer)
    const rows: unknown[][] = []
    book.getWorksheet('Ringkasan')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    const heading = rows.findIndex((row) => row[0] === 'Jawaban per artikel')
    expect(rows.slice(heading, heading + 3)).toEqual([
      ['Jawaban per artikel', 'Jumlah jawaban'],
      ['SKCK diterbitkan oleh Polres', 3],
      ['Batas unggah perbaikan', 1],
    ])
  })

  it('freezes the answers by article with the finalised report, titles as they were', async () => {
    const content = await draft(bantulLead)
    const record = data<ReportRecord>(await bantulLead.mutation('reports.finalise', september))
    await api.db.prisma.knowledgeArticle.update({
      where: { id: perbaikan.id },
      data: { titleId: 'Batas unggah perbaikan (diubah)' },
    })
    const frozen = data<FrozenReport>(await bantulLead.query('reports.get', { id: record.id }))
    expect(frozen.content.articles).toEqual(content.articles)
  })
})
