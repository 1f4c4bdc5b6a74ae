import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { signInConsole, watchProblems } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { firstAdmin, type Api } from '../src/staff.ts'

type Sheet = Awaited<ReturnType<Api['consultations']['create']['mutate']>>

// The desk keeps its sheets in order: labels them with the office's tags, merges the second sheet of a
// question asked twice into the first, and links sheets about one matter so each leads to the other.
describe('staff tag, merge and link consultation sheets', () => {
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let problems: string[]
  let admin: Api
  let ijazah: Sheet
  let ijazahAgain: Sheet
  let skck: Sheet
  let legalisasi: Sheet

  const record = (askerName: string, question: string) =>
    admin.consultations.create.mutate({
      channel: 'telepon',
      askerName,
      stakeholderCategory: 'lo',
      topic: 'silon',
      question,
    })
  const openSheet = async (sheet: Sheet) => {
    await page.goto(`${server.url}/console/consultations/${sheet.id}`)
    await page.getByTestId('sheet-facts').waitFor()
  }
  const openList = async () => {
    await page.goto(`${server.url}/console/consultations`)
    await page.getByTestId('consultation-filters').waitFor()
  }
  const table = () => page.getByTestId('consultation-table')

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    const account = await firstAdmin(server)
    admin = account.api
    ijazah = await record('Siti Rahmawati', 'Berapa ukuran maksimal pindaian ijazah di SILON?')
    ijazahAgain = await record('Siti Rahmawati', 'Ukuran pindaian ijazah untuk SILON paling besar berapa?')
    skck = await record('Andi Wijaya', 'Apakah SKCK bakal calon harus dilegalisasi?')
    legalisasi = await record('Budi Santoso', 'Legalisasi SKCK dilakukan oleh Polres atau Polda?')
    // A tag the office already uses, which the sheet's tag field then offers.
    await admin.consultations.setTags.mutate({ consultationId: skck.id, tags: ['skck'] })
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    problems = watchProblems(page)
    await signInConsole(page, server.url, account.username, account.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('tags a sheet with an office tag and a new one, then filters the list by the tag', async () => {
    await openSheet(legalisasi)
    await page.getByTestId('sheet-tags').click()
    await page.getByRole('option', { name: 'skck', exact: true }).click()
    await expect
      .poll(async () => (await admin.consultations.get.query({ id: legalisasi.id })).consultation.tags)
      .toEqual(['skck'])
    await page.getByPlaceholder('Cari atau ketik tag baru…').fill('Legalisasi')
    await page.getByRole('option', { name: 'Buat "Legalisasi"' }).click()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('sheet-tags').textContent()).toContain('#legalisasi')
    const stored = await admin.consultations.get.query({ id: legalisasi.id })
    expect(stored.consultation.tags).toEqual(['skck', 'legalisasi'])
    expect(stored.history.map((h) => h.action)).toContain('consultation.tags')

    await openList()
    await page.getByTestId('tag-filter').click()
    await page.getByRole('option', { name: '#legalisasi' }).click()
    await expect.poll(() => table().textContent()).not.toContain(skck.number)
    expect(await table().textContent()).toContain(legalisasi.number)
    expect(await table().getByTestId('sheet-badges').textContent()).toContain('#legalisasi')
  })

  it('merges a duplicate into the sheet it repeats, which lists it; the list hides it by default', async () => {
    await openSheet(ijazahAgain)
    await page.getByTestId('merge-sheet').click()
    const dialog = page.getByTestId('merge-dialog')
    await dialog.getByTestId('merge-target').click()
    await page.getByPlaceholder('Cari nomor, nama, atau pertanyaan…').fill('ijazah')
    await page.getByRole('option', { name: new RegExp(ijazah.number) }).click()
    expect(await dialog.getByTestId('merge-explanation').textContent()).toMatch(/dihitung satu kali/)
    await dialog.getByTestId('confirm-merge').click()

    const banner = page.getByTestId('merged-banner')
    await expect.poll(() => banner.textContent()).toContain(`Digabung ke ${ijazah.number}`)
    // A duplicate is answered on the kept sheet: its own answer form is gone.
    expect(await page.getByTestId('answer-form').count()).toBe(0)
    await banner.getByRole('link', { name: `Buka ${ijazah.number}` }).click()
    await expect.poll(() => page.getByTestId('merged-sheets').textContent()).toContain(ijazahAgain.number)
    expect(await page.getByTestId('merged-sheets').textContent()).toContain('Ukuran pindaian ijazah')

    await openList()
    await expect.poll(() => table().textContent()).toContain(ijazah.number)
    expect(await table().textContent()).not.toContain(ijazahAgain.number)
    await page.getByTestId('merged-filter').click()
    await page.getByRole('option', { name: 'Hanya yang digabung' }).click()
    await expect.poll(() => table().textContent()).not.toContain(ijazah.number)
    expect(await table().textContent()).toContain(ijazahAgain.number)
    expect(await table().textContent()).toContain('Digabung')
  })

  it('links two related sheets and follows the link from either one', async () => {
    await openSheet(skck)
    const related = page.getByTestId('related-sheets')
    await related.getByTestId('add-related').click()
    await related.getByTestId('link-target').click()
    await page.getByPlaceholder('Cari nomor, nama, atau pertanyaan…').fill('Polda')
    await page.getByRole('option', { name: new RegExp(legalisasi.number) }).click()
    await related.getByTestId('confirm-link').click()
    await related.getByTestId(`related-${legalisasi.number}`).click()
    await expect.poll(() => page.getByTestId('sheet-facts').textContent()).toContain(legalisasi.number)
    await expect.poll(() => page.getByTestId('related-sheets').textContent()).toContain(skck.number)
    await page.getByTestId(`related-${skck.number}`).click()
    await expect.poll(() => page.getByTestId('sheet-facts').textContent()).toContain(skck.number)
    expect(problems).toEqual([])
  })
})
