import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from '../src/console.ts'
import { openProvinceDesk, type ProvinceDesk } from '../src/province-desk.ts'
import type { ServerUnderTest } from '../src/server.ts'
import type { Api } from '../src/staff.ts'

// A province install with Bantul below it: the province's articles reach Bantul's desk, which answers
// from them, writes its own, and makes an answered referral an article in one step.
describe('the knowledge base answers the desk’s questions', () => {
  let desk: ProvinceDesk
  let server: ServerUnderTest
  let page: Page
  let problems: string[]
  let province: Api
  let bantul: Api
  let skckArticleId: string

  beforeAll(async () => {
    desk = await openProvinceDesk()
    ;({ server, page, problems, province, bantul } = desk)
    skckArticleId = (
      await province.knowledge.create.mutate({
        topic: 'syarat_calon',
        tags: ['skck'],
        titleId: 'SKCK diterbitkan oleh Polres',
        bodyId:
          'Surat keterangan catatan kepolisian (SKCK) diterbitkan oleh Polres sesuai domisili bakal calon.',
        legalBasis: [{ kind: 'pkpu', reference: 'PKPU 8/2024 Pasal 14 ayat (2) huruf f' }],
        public: true,
      })
    ).id
  })
  afterAll(() => desk?.close())

  it('shows the province’s article to Bantul read-only, with the law it stands on', async () => {
    await page.getByRole('link', { name: 'Basis pengetahuan', exact: true }).click()
    const list = page.getByTestId('article-list')
    await expect.poll(() => list.textContent()).toContain('SKCK diterbitkan oleh Polres')
    expect(await list.textContent()).toMatch(/Dari KPU/)
    await list.getByText('SKCK diterbitkan oleh Polres').click()
    await page.getByTestId('article-view').waitFor()
    expect(await page.getByTestId('article-view').textContent()).toMatch(/hanya dapat dibaca/i)
    expect(await page.getByTestId('article-legal-basis').textContent()).toContain('PKPU 8/2024 Pasal 14')
    expect(await page.getByTestId('edit-article').count()).toBe(0)
    await page.getByTestId('copy-article').waitFor()
  })

  it('writes an article of Bantul’s own with its legal basis, and keeps its first version', async () => {
    await page.goto(`${server.url}/console/knowledge/new`)
    const editor = page.getByTestId('article-editor')
    await editor.getByTestId('article-title').fill('Batas unggah perbaikan di SILON')
    await editor
      .getByTestId('article-body')
      .fill(
        'Dokumen perbaikan diunggah ke SILON paling lambat pukul 23.59 WIB pada hari terakhir masa perbaikan.',
      )
    const tags = editor.getByLabel('Tag', { exact: true })
    await tags.fill('perbaikan')
    await tags.press('Enter')
    await editor.getByRole('button', { name: 'Tambah dasar hukum' }).click()
    await editor.getByLabel('Rujukan').fill('Keputusan KPU 1229/2024')
    await editor.getByTestId('save-article').click()
    await page.getByTestId('article-view').waitFor()
    expect(await page.getByTestId('article-view').textContent()).toContain('#perbaikan')
    expect(await page.getByTestId('article-history').textContent()).toContain('Versi 1')
    await screenshot(page, 'knowledge-article')
  })

  it('suggests the SKCK article for a question about SKCK, inserts it, and counts the answer by it', async () => {
    const sheet = await bantul.consultations.create.mutate({
      channel: 'telepon',
      askerName: 'Rina Marlina',
      stakeholderCategory: 'lo',
      topic: 'syarat_calon',
      question: 'Apakah SKCK bakal calon boleh diterbitkan Polda?',
    })
    await page.goto(`${server.url}/console/consultations/${sheet.id}`)
    const suggestions = page.getByTestId('article-suggestions')
    await expect.poll(() => suggestions.textContent()).toContain('SKCK diterbitkan oleh Polres')
    await screenshot(page, 'knowledge-suggestions')
    await suggestions.getByTestId(`insert-article-${skckArticleId}`).click()
    await expect.poll(() => page.getByTestId('answer').inputValue()).toContain('diterbitkan oleh Polres')
    await page.getByTestId('submit-answer').click()
    await expect.poll(() => page.getByTestId('sheet-answer').textContent()).toContain('Polres')
    await page.goto(`${server.url}/console/knowledge/${skckArticleId}`)
    await expect.poll(() => page.getByTestId('article-usage').textContent()).toMatch(/^1 lembar/)
  })

  it('makes a referral the province answered into an article in one step', async () => {
    const sheet = await bantul.consultations.create.mutate({
      channel: 'email',
      askerName: 'Budi Santoso',
      stakeholderCategory: 'pengurus_partai',
      topic: 'syarat_pencalonan',
      question: 'Bagaimana menghitung ambang batas gabungan partai bila satu partai menarik dukungan?',
    })
    await bantul.consultations.refer.mutate({ id: sheet.id, note: 'Mohon petunjuk KPU Provinsi.' })
    await province.consultations.answer.mutate({
      id: sheet.id,
      answer: 'Ambang batas dihitung ulang dari partai yang tetap mengusulkan.',
      legalBasis: 'PKPU 8/2024 Pasal 11',
    })
    await page.goto(`${server.url}/console/consultations/${sheet.id}`)
    await page.getByTestId('promote-article').click()
    await page.getByTestId('article-view').waitFor()
    expect(await page.getByTestId('article-view').textContent()).toContain('dihitung ulang')
    expect(await page.getByTestId('article-about').textContent()).toContain('Berasal dari rujukan')
    expect(await page.title()).toBeTruthy()
  })

  it('publishes the public article in the FAQ of Bantul’s public page', async () => {
    const visitor = await page.context().browser()!.newPage()
    await visitor.goto(`${server.url}/console/publik/34.02`)
    const faq = visitor.getByTestId('public-faq')
    await expect.poll(() => faq.textContent()).toContain('SKCK diterbitkan oleh Polres')
    expect(await faq.textContent()).not.toContain('Batas unggah perbaikan')
    await visitor.getByText('SKCK diterbitkan oleh Polres').click()
    await expect.poll(() => faq.textContent()).toContain('PKPU 8/2024 Pasal 14')
    await visitor.close()
    expect(problems).toEqual([])
  })
})
