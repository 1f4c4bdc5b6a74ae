import { testTargets } from '@mejabantu/db/testing'
import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationRecord } from '../../src/consultations/schemas.ts'
import { rebuildDailySummaries } from '../../src/reports/daily-summary.ts'
import type { ReportFile } from '../../src/reports/schemas.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import { seedOffices, sheetInput, signInStaff, type Staff } from '../support/consultation-fixtures.ts'

// What a careless sheet holds: the asker's name, a phone, a written-out e-mail and a street address.
const careless = 'hubungi 0812-3456-7890 atau siti[at]mail.com, Jl. Mawar No. 5 RT 03/RW 05'
const leaks = ['Siti', 'Rahmawati', '0812', '3456', '7890', 'siti', 'mail.com', 'Mawar', 'RT 03', 'RW 05']
const september = { from: '2024-09-01', to: '2024-09-30' }
const sixth = new Date('2024-09-06T03:00:00Z')

async function xlsxText(file: ReportFile): Promise<string[]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
  const cells: string[] = []
  book.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value ?? '')))),
  )
  return cells
}

async function pdfText(file: ReportFile): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(file.contentBase64, 'base64')))
  return (await extractText(pdf, { mergePages: true })).text
}

describe.each(testTargets())('report files leave through the scrubber on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let bantul: Staff
  const exported = async (format: 'pdf' | 'xlsx') =>
    data<ReportFile>(await bantul.query('reports.export', { source: september, format }))

  beforeAll(async () => {
    api = await startApi(target)
    office = await seedOffices(api.db)
    bantul = await signInStaff(api.db, api.url, '34.02', 'petugas')
    const sheet = async (overrides: Record<string, unknown>) =>
      data<ConsultationRecord>(await bantul.mutation('consultations.create', sheetInput(overrides)))
    const asked = await sheet({
      occurredAt: sixth,
      askerName: 'Siti Rahmawati',
      askerContact: 'siti[at]mail.com',
      question: `Saya Siti Rahmawati, ${careless}. Apakah syarat C2 sudah cukup?`,
      participants: [{ name: 'Budi Santoso', institution: 'Partai Contoh' }],
    })
    data(await bantul.mutation('consultations.answer', { id: asked.id, answer: `Bu Siti, ${careless}` }))
  })
  afterAll(() => api.close())

  it('prints nothing of a careless question, its asker or its answer', async () => {
    const cells = (await xlsxText(await exported('xlsx'))).join('\n')
    const text = await pdfText(await exported('pdf'))
    expect(text).toContain('LAPORAN HASIL KONSULTASI HELPDESK PENCALONAN')
    for (const fragment of [...leaks, 'Budi', 'Santoso']) {
      expect(cells, fragment).not.toContain(fragment)
      expect(text, fragment).not.toContain(fragment)
    }
  })

  it('scrubs a value stored as free text (an old topic) with the names of the sheets holding it', async () => {
    // Topics are stored as text; an old one, or another office's own, prints as it was stored.
    const legacy = await api.db.prisma.consultation.create({
      data: {
        officeId: office['34.02']!,
        number: 'LK-34.02-2024-09999',
        channel: 'telepon',
        askerName: 'Rahmat Hidayat',
        stakeholderCategory: 'pemilih',
        topic: `Tanya Rahmat Hidayat: ${careless}`,
        question: 'Pertanyaan lama.',
        participants: [{ name: 'Wulan Sari' }],
        minutes: 'Notulen lama dengan Wulan.',
        occurredAt: sixth,
      },
    })
    await rebuildDailySummaries(api.db, [office['34.02']!])
    const scrubbed = 'Tanya [nama]: hubungi [telepon] atau [email], [alamat]'

    const cells = await xlsxText(await exported('xlsx'))
    expect(cells).toContain(scrubbed)
    const text = (await pdfText(await exported('pdf'))).replace(/\s+/g, ' ')
    expect(text).toContain('Tanya [nama]: hubungi [telepon]')
    for (const fragment of [...leaks, 'Rahmat', 'Hidayat']) {
      expect(cells.join('\n'), fragment).not.toContain(fragment)
      expect(text, fragment).not.toContain(fragment)
    }
    await api.db.prisma.consultation.delete({ where: { id: legacy.id } })
    await rebuildDailySummaries(api.db, [office['34.02']!])
  })
})
