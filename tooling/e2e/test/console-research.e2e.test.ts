import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { electionWithPair, screenshot, signInConsole, watchProblems } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { addStaff, firstAdmin } from '../src/staff.ts'

describe('research of a pair’s documents: BMS with a reason, the fix, then MS', () => {
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let problems: string[]
  let pairId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    const admin = await firstAdmin(server)
    const petugas = await addStaff(server, admin.api, 'petugas')
    pairId = (await electionWithPair(admin.api)).pair.id
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    problems = watchProblems(page)
    await signInConsole(page, server.url, petugas.username, petugas.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const skck = () => page.getByTestId('check-C5-kepala')

  async function record(row: Locator, result: string, reason?: string) {
    await row.getByTestId('research').click()
    const form = page.getByTestId('research-form')
    await form.getByTestId('research-to').click()
    await page.getByRole('option', { name: result, exact: true }).click()
    if (reason !== undefined) await form.getByTestId('research-reason').fill(reason)
    await form.getByTestId('research-save').click()
    if (reason !== '') await page.getByRole('dialog').waitFor({ state: 'detached' })
  }

  it('lists the election’s pairs and opens the dossier grouped by syarat calon and syarat pencalonan', async () => {
    await page.getByRole('link', { name: 'Pasangan calon', exact: true }).click()
    await page.getByTestId('pair-list').getByText('Budi Santoso – Siti Aminah').waitFor()
    await screenshot(page, 'pairs')
    await page.getByTestId('pair-list').getByRole('link').first().click()
    await page.getByTestId('dossier').waitFor()
    expect(new URL(page.url()).pathname).toBe(`/console/pairs/${pairId}`)
    expect(await page.getByTestId('pair-header').textContent()).toContain('Andi Wijaya')
    await page.getByTestId('group-syarat_pencalonan').getByTestId('check-status').first().waitFor()
    expect(await skck().getByTestId('check-status').textContent()).toContain('Belum diserahkan')
  })

  it('records BMS only with a reason, and the countdown to the fixing deadline appears', async () => {
    await record(skck(), 'Diserahkan')
    await expect.poll(() => skck().getByTestId('check-status').textContent()).toContain('Diserahkan')

    await record(skck(), 'BMS (belum memenuhi syarat)', '')
    await page.getByTestId('research-form').getByText('Alasan wajib diisi untuk hasil BMS dan TMS.').waitFor()
    await page.getByTestId('research-reason').fill('SKCK sudah kedaluwarsa; serahkan SKCK terbaru.')
    await page.getByTestId('research-save').click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await expect.poll(() => skck().getByTestId('check-status').textContent()).toBe('BMS')
    await expect
      .poll(() => skck().getByTestId('check-reason').textContent())
      .toContain('SKCK sudah kedaluwarsa')
    await expect.poll(() => skck().getByTestId('countdown').textContent()).toMatch(/sisa \d+ (hari|jam)/)
    expect(await skck().getByTestId('due').textContent()).toContain('Giliran pasangan calon')
    await screenshot(page, 'dossier')
  })

  it('shows the pair on the dashboard’s closing deadlines', async () => {
    await page.getByRole('link', { name: 'Dasbor', exact: true }).click()
    const deadlines = page.getByTestId('deadlines')
    await expect.poll(() => deadlines.textContent()).toContain('Budi Santoso – Siti Aminah')
    expect(await deadlines.textContent()).toContain('C5')
    await page.goBack()
    await page.getByTestId('dossier').waitFor()
  })

  it('takes the fix and its submission, then MS, and the countdown goes', async () => {
    await record(skck(), 'Perbaikan')
    await expect.poll(() => skck().getByTestId('check-status').textContent()).toBe('Perbaikan')
    await record(skck(), 'Perbaikan diserahkan')
    await expect.poll(() => skck().getByTestId('check-status').textContent()).toBe('Perbaikan diserahkan')
    await expect.poll(() => skck().getByTestId('due').textContent()).toContain('Giliran KPU')
    await record(skck(), 'MS (memenuhi syarat)')
    await expect.poll(() => skck().getByTestId('check-status').textContent()).toBe('MS')
    await expect.poll(() => skck().getByTestId('due').count()).toBe(0)
    await expect.poll(() => skck().getByTestId('research').count()).toBe(0)
  })

  it('records the handover of results to the pair’s LO', async () => {
    await page.getByRole('button', { name: 'Catat penyerahan' }).click()
    const form = page.getByTestId('handover-form')
    await form.getByLabel('Nama').first().fill('Sri Wahyuni')
    await form.getByTestId('handover-place').fill('Ruang rapat KPU Kabupaten Bantul')
    await form.getByTestId('handover-save').click()
    await expect
      .poll(() => page.getByTestId('handovers').textContent())
      .toContain('Ruang rapat KPU Kabupaten Bantul')
    expect(problems).toEqual([])
  })

  it('changes the pair’s LO contact', async () => {
    await page.getByTestId('edit-pair').click()
    const form = page.getByTestId('pair-edit-form')
    await form.getByLabel('Telepon LO').fill('12')
    await form.getByTestId('pair-edit-save').click()
    await form.getByText(/pola|pattern/).waitFor()
    await form.getByLabel('Telepon LO').fill('081311112222')
    await form.getByTestId('pair-edit-save').click()
    await expect.poll(() => page.getByTestId('pair-header').textContent()).toContain('081311112222')
  })

  it('registers another pair through the form, checked by the domain’s rules', async () => {
    await page.getByRole('link', { name: 'Pasangan calon', exact: true }).click()
    await page.getByTestId('new-pair').click()
    const form = page.getByTestId('pair-form')
    await form.getByTestId('pair-save').click()
    await form
      .getByText(/Terlalu kecil|Input tidak valid|minimal/i)
      .first()
      .waitFor()
    await form.getByLabel('Calon kepala daerah — Nama lengkap').fill('Agus Salim')
    await form.getByLabel('Calon kepala daerah — Lahir').fill('1970-01-15')
    await form.getByLabel('Calon wakil kepala daerah — Nama lengkap').fill('Rina Marlina')
    await form.getByLabel('Calon wakil kepala daerah — Lahir').fill('1982-05-20')
    await form.getByLabel('Partai 1').fill('Partai Cahaya')
    await form.getByLabel('Nama LO').fill('Yusuf Hamdani')
    await form.getByLabel('Telepon LO').fill('081298765432')
    await form.getByTestId('pair-save').click()
    await page.getByTestId('dossier').waitFor()
    expect(await page.getByTestId('pair-header').textContent()).toContain('Agus Salim')
    expect(problems).toEqual([])
  })
})
