import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { screenshot, watchProblems } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { addStaff, firstAdmin } from '../src/staff.ts'
import { XSS } from '../src/xss.ts'

// Personal data and script a careless or hostile sheet might hold, placed in every free-text field.
const xss = [XSS.img, XSS.script]
const said =
  `Saya Siti Rahmawati (HP 0812-3456-7789, siti.rahma@example.id), suami saya Budi Santoso ` +
  `(+62 813 9876 5432, budi@partai.id) tinggal di Trirenggo. ${xss.join(' ')}`
const leaks = [
  'Siti',
  'Rahmawati',
  'Budi',
  'Santoso',
  '3456',
  '7789',
  '9876',
  'siti.rahma',
  'example.id',
  'partai.id',
  'Trirenggo',
  'suami',
  'window.__xss',
  'LK-34.02',
]
const adversarial = {
  askerName: `Siti Rahmawati ${xss[0]}`,
  askerInstitution: `Partai Budi Santoso ${xss[1]}`,
  askerContact: `0812-3456-7789 / siti.rahma@example.id ${xss[0]}`,
  question: said,
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)

describe('the public office page: figures, charts, an anonymised log and a share post, signed out', () => {
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    const admin = await firstAdmin(server)
    const bantul = (await admin.api.admin.offices.list.query()).find((o) => o.regionCode === '34.02')!
    await admin.api.admin.offices.update.mutate({
      id: bantul.id,
      helpdeskHours: 'Senin–Jumat 08.00–16.00 WIB',
      helpdeskContacts: { telepon: '(0274) 367 000', email: 'helpdesk@kpu-bantul.go.id' },
    })
    const petugas = (await addStaff(server, admin.api, 'petugas')).api
    const sheet = (overrides: Record<string, unknown>) =>
      petugas.consultations.create.mutate({
        ...adversarial,
        channel: 'tatap_muka',
        topic: 'syarat_calon',
        stakeholderCategory: 'lo',
        ...overrides,
      })
    const answered = await sheet({})
    const phoned = await sheet({ channel: 'telepon', topic: 'silon', stakeholderCategory: 'pemilih' })
    const referred = await sheet({ channel: 'telepon', topic: 'silon', occurredAt: daysAgo(1) })
    await sheet({
      channel: 'grup_pesan',
      topic: 'jadwal',
      stakeholderCategory: 'media',
      occurredAt: daysAgo(3),
      participants: [{ name: `Budi Santoso ${xss[1]}`, institution: `budi@partai.id ${xss[0]}` }],
      minutes: said,
    })
    await sheet({ channel: 'email', topic: 'foto', occurredAt: daysAgo(3) })
    for (const { id } of [answered, phoned]) {
      await petugas.consultations.answer.mutate({ id, answer: said, legalBasis: `PKPU 8/2024 ${xss[0]}` })
    }
    await petugas.consultations.refer.mutate({ id: referred.id, note: said })
    await petugas.consultations.close.mutate({ id: answered.id })

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    page = await context.newPage()
    problems = watchProblems(page)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('lists the offices without signing in and opens one by its region code', async () => {
    await page.goto(`${server.url}/console/publik`)
    await page.getByTestId('public-offices').waitFor()
    await page.getByRole('link', { name: /KPU Kabupaten Bantul/ }).click()
    await page.waitForURL(/\/console\/publik\/34\.02$/)
    await page.getByTestId('public-office').waitFor()
    expect(await page.getByTestId('public-hours').textContent()).toBe('Senin–Jumat 08.00–16.00 WIB')
    expect(await page.getByTestId('public-office').textContent()).toContain('(0274) 367 000')
    expect(await page.getByRole('link', { name: /Dasbor|Antrean/ }).count()).toBe(0)
  })

  it('says so when no office has the region code', async () => {
    await page.goto(`${server.url}/console/publik/99.99`)
    await page.getByTestId('public-not-found').waitFor()
    await page.getByRole('link', { name: 'Semua kantor' }).first().click()
    await page.getByTestId('public-offices').waitFor()
    await page.getByRole('link', { name: /KPU Kabupaten Bantul/ }).click()
    await page.getByTestId('public-office').waitFor()
  })

  it('shows the counts that were recorded, over the last 30 days by default', async () => {
    await expect.poll(() => page.getByTestId('figure-total').textContent()).toBe('5')
    expect(await page.getByTestId('figure-answered').textContent()).toBe('3')
    expect(await page.getByTestId('figure-status-dirujuk').textContent()).toContain('1')
    expect(await page.getByTestId('figure-status-selesai').textContent()).toContain('1')
    await page.getByTestId('chart-by-day').locator('canvas').waitFor()
    await page.getByTestId('chart-by-topic').locator('canvas').waitFor()
    await expect.poll(() => page.getByTestId('public-log-row').count()).toBe(5)
    const log = await page.getByTestId('public-log').textContent()
    for (const label of ['Syarat calon', 'Grup pesan', 'Dirujuk', 'Foto calon']) {
      expect(log).toContain(label)
    }
    // The lone voter of the day is in no group of three: the log files them under "Lainnya".
    expect(log).not.toContain('Pemilih / masyarakat')
    expect(log).toContain('Lainnya')
    await screenshot(page, 'public')
  })

  it('narrows the figures to today with a quick pick', async () => {
    await page.getByTestId('period-1').click()
    await expect.poll(() => page.getByTestId('figure-total').textContent()).toBe('2')
    await expect.poll(() => page.getByTestId('public-log-row').count()).toBe(2)
    await page.getByTestId('period-30').click()
    await expect.poll(() => page.getByTestId('figure-total').textContent()).toBe('5')
  })

  it('carries no name, phone, e-mail or free text, and runs none of the scripts', async () => {
    const html = await page.content()
    for (const fragment of leaks) expect(html, fragment).not.toContain(fragment)
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
  })

  it('writes a share post for a day and draws its PNG card', async () => {
    await page.getByTestId('share-kind').getByText('Satu hari').click()
    const share = page.getByTestId('share-text')
    await expect
      .poll(() => share.inputValue())
      .toMatch(/^Helpdesk Pencalonan KPU Kabupaten Bantul, \d+ \p{L}+ \d{4}: 2 konsultasi \(/u)
    const text = await share.inputValue()
    for (const fragment of leaks) expect(text, fragment).not.toContain(fragment)
    const card = page.getByTestId('share-card')
    await expect.poll(async () => (await card.getAttribute('src')) ?? '').toMatch(/^data:image\/png;base64,/)
    const src = (await card.getAttribute('src'))!
    expect(src.length).toBeGreaterThan(20_000)
    const size = await card.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])
    expect(size).toEqual([1200, 630])
    expect(await page.getByTestId('share-download').getAttribute('download')).toMatch(
      /^helpdesk-34\.02-.*\.png$/,
    )
    await page.getByTestId('share-copy').click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text)
    await page.getByTestId('share-helper').scrollIntoViewIfNeeded()
    await screenshot(page, 'share')
  })

  it('speaks English on request, the share post too', async () => {
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click()
    await expect
      .poll(() => page.getByTestId('share-text').inputValue())
      .toMatch(/^Nomination help desk of KPU Kabupaten Bantul, .*: 2 consultations \(/)
    expect(await page.getByTestId('public-log').textContent()).toContain('Candidate requirements')
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
    expect(problems).toEqual([])
  })
})
