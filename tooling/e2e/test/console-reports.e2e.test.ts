import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { pairedKiosk, screenshot, signInConsole, watchProblems } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { addStaff, firstAdmin } from '../src/staff.ts'

describe('staff record the month; leadership compiles the report, downloads it, signs it off and sends it up', () => {
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    const admin = await firstAdmin(server)
    const petugas = await addStaff(server, admin.api, 'petugas')
    const pimpinan = await addStaff(server, admin.api, 'pimpinan')
    const sheet = {
      askerName: 'Siti Rahmawati',
      stakeholderCategory: 'lo',
      question: 'Cara unggah di SILON?',
    } as const
    const first = await petugas.api.consultations.create.mutate({
      ...sheet,
      channel: 'telepon',
      topic: 'silon',
    })
    await petugas.api.consultations.create.mutate({ ...sheet, channel: 'telepon', topic: 'jadwal' })
    await petugas.api.consultations.create.mutate({ ...sheet, channel: 'email', topic: 'silon' })
    await petugas.api.consultations.answer.mutate({ id: first.id, answer: 'Lewat menu unggah dokumen.' })
    const kiosk = await pairedKiosk(server, admin.api)
    await kiosk.checkIn('Rahmat Hidayat')
    await kiosk.checkIn('Dewi Lestari')
    page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    ).newPage()
    problems = watchProblems(page)
    await signInConsole(page, server.url, pimpinan.username, pimpinan.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows this month’s figures with charts by day, channel and topic', async () => {
    await page.getByRole('link', { name: 'Laporan', exact: true }).click()
    await expect.poll(() => page.getByTestId('report-total').textContent()).toBe('3')
    expect(await page.getByTestId('report-visits').textContent()).toBe('2')
    expect(await page.getByTestId('report-rows').locator('tbody tr').count()).toBe(3)
    for (const chart of ['chart-day', 'chart-channel', 'chart-topic']) {
      await page.getByTestId(chart).locator('canvas').waitFor()
    }
    expect(await page.getByTestId('report-byStatus').textContent()).toContain('Dijawab')
    await screenshot(page, 'reports')
  })

  it('downloads the draft as PDF and XLSX', async () => {
    for (const [button, extension] of [
      ['report-pdf', 'pdf'],
      ['report-xlsx', 'xlsx'],
    ] as const) {
      const download = page.waitForEvent('download')
      await page.getByTestId(button).click()
      const file = await download
      expect(file.suggestedFilename()).toMatch(new RegExp(`^laporan-.*\\.${extension}$`))
    }
  })

  it('compiles a long range in parts, showing its progress', async () => {
    await page.getByTestId('report-from').fill(`${new Date().getFullYear()}-01-01`)
    await page.getByTestId('report-compile').click()
    await expect.poll(() => page.getByTestId('report-total').textContent()).toBe('3')
    expect(problems).toEqual([])
  })

  it('finalises the report under a number and sends it to the office above', async () => {
    await page.getByTestId('report-finalise').click()
    await page.getByTestId('report-finalise-confirm').click()
    await page.getByTestId('report-number').waitFor()
    expect(await page.getByTestId('report-number').textContent()).toMatch(/^LAP-[\d.]+-\d{4}-001$/)
    expect(await page.getByTestId('report-total').textContent()).toBe('3')
    await page.getByTestId('report-send').click()
    await expect.poll(() => page.getByTestId('report-sent').textContent()).toContain('Dikirim ke')
    expect(await page.getByTestId('report-send').count()).toBe(0)
    await screenshot(page, 'report-final')
    expect(problems).toEqual([])
  })
})
