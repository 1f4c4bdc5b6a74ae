import { testTargets } from '@mejabantu/db/testing'
import { localDay } from '@mejabantu/domain'
import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationRecord } from '../../src/consultations/schemas.ts'
import type { ReportFile } from '../../src/reports/schemas.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import { seedOffices, sheetInput, signInStaff, type Staff } from '../support/consultation-fixtures.ts'

/** Report figures say what they are: where a median lies, no "p90" for leaders, shares in the language's form. */
describe.each(testTargets())('the words of report figures on $kind', (target) => {
  let api: ApiFixture
  let bantul: Staff
  const today = localDay(new Date(), 'WIB')
  const period = { from: today, to: today }

  /** A sheet asked `minutesAgo` ago and answered now: its first response took that long. */
  const answeredAfter = async (minutesAgo: number, channel: string) => {
    const occurredAt = new Date(Date.now() - minutesAgo * 60_000)
    const sheet = data<ConsultationRecord>(
      await bantul.mutation('consultations.create', sheetInput({ occurredAt, channel })),
    )
    data(await bantul.mutation('consultations.answer', { id: sheet.id, answer: 'Sudah dijawab.' }))
  }
  const file = async (format: 'pdf' | 'xlsx', locale: 'id' | 'en') =>
    Buffer.from(
      data<ReportFile>(await bantul.query('reports.export', { source: period, format, locale }))
        .contentBase64,
      'base64',
    )
  const pdfText = async (locale: 'id' | 'en') =>
    (
      await extractText(await getDocumentProxy(new Uint8Array(await file('pdf', locale))), {
        mergePages: true,
      })
    ).text

  beforeAll(async () => {
    api = await startApi(target)
    await seedOffices(api.db)
    bantul = (await signInStaff(api.db, api.url, '34.02', 'petugas'))!
    // 18 and 100 minutes: half lie in 15–20 minutes, nine in ten within 90–120.
    await answeredAfter(18, 'telepon')
    await answeredAfter(100, 'email')
  })
  afterAll(() => api.close())

  it('prints where half and nine in ten of the first responses lie, and shares as 50,0%', async () => {
    const indonesian = (await pdfText('id')).replace(/\s+/g, ' ')
    expect(indonesian).toContain(
      'Waktu tanggapan pertama separuh dalam 15–20 menit, 9 dari 10 dalam 1 jam 30 menit–2 jam',
    )
    expect(indonesian).toMatch(/Telepon 1 50,0%/)
    expect(indonesian).not.toMatch(/\bp90\b|\bmedian\b/i)
    const english = (await pdfText('en')).replace(/\s+/g, ' ')
    expect(english).toContain('half within 15–20 minutes, 9 in 10 within 1 hour 30 minutes–2 hours')
    expect(english).toMatch(/Telephone 1 50\.0%/)
  })

  it('gives the workbook the bounds as numbers', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await file('xlsx', 'id')) as unknown as ArrayBuffer)
    const rows = new Map<unknown, unknown>()
    book.getWorksheet('Ringkasan')!.eachRow((row) => {
      const [label, value] = (row.values as unknown[]).slice(1)
      rows.set(label, value)
    })
    expect(rows.get('Waktu tanggapan pertama, separuh: lebih dari (menit)')).toBe(15)
    expect(rows.get('Waktu tanggapan pertama, separuh: paling lama (menit)')).toBe(20)
    expect(rows.get('Waktu tanggapan pertama, 9 dari 10: lebih dari (menit)')).toBe(90)
    expect(rows.get('Waktu tanggapan pertama, 9 dari 10: paling lama (menit)')).toBe(120)
  })
})
