import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { pairedKiosk, screenshot, watchProblems } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { staffClient, STAFF_PASSWORD, type Api } from '../src/staff.ts'

describe('the help desk serves a walk-in from the kiosk to a closed consultation', () => {
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let problems: string[]
  let admin: Api
  let username: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    // The wrong passwords and the lockout below are refused on purpose; nothing else may fail.
    problems = watchProblems(page, [/4(01|29) .*auth\.login/])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('refuses a wrong password with a clear message', async () => {
    const printed = server.output().match(/username: (\S+)\s+one-time password: (\S+)/)!
    username = printed[1]!
    await page.goto(`${server.url}/console/`)
    await page.getByLabel('Nama pengguna').fill(username)
    await page.getByLabel('Kata sandi', { exact: true }).fill('bukan-kata-sandinya')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('salah')
    await screenshot(page, 'login')
  })

  it('tells a locked-out user so after repeated failures', async () => {
    await page.getByLabel('Nama pengguna').fill('tamu-tak-dikenal')
    for (let attempt = 0; attempt < 6; attempt++) {
      await page.getByLabel('Kata sandi', { exact: true }).fill(`salah-${attempt}`)
      await page.getByRole('button', { name: 'Masuk' }).click()
      await expect.poll(() => page.getByTestId('login-error').count()).toBe(1)
    }
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('dikunci sementara')
    await page.getByLabel('Nama pengguna').fill(username)
  })

  it('makes the first admin replace the one-time password before anything else', async () => {
    const oneTime = server.output().match(/one-time password: (\S+)/)![1]!
    await page.getByLabel('Kata sandi', { exact: true }).fill(oneTime)
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.getByTestId('must-change').waitFor()
    expect(new URL(page.url()).pathname).toBe('/console/password')
    await page.goto(`${server.url}/console/queue`)
    await page.getByTestId('must-change').waitFor()
    await page.getByLabel('Kata sandi saat ini').fill(oneTime)
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(STAFF_PASSWORD)
    await page.getByLabel('Ulangi kata sandi baru').fill(STAFF_PASSWORD)
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click()
    await page.getByTestId('dashboard').waitFor()
    const client = staffClient(server.url)
    await client.signIn(username, STAFF_PASSWORD)
    admin = client.api
  })

  it('calls and serves a walk-in checked in at the kiosk, then answers and closes the sheet', async () => {
    const kiosk = await pairedKiosk(server, admin)
    const first = await kiosk.checkIn('Rahmat Hidayat')
    await kiosk.checkIn('Dewi Lestari', 'silon')

    await page.getByRole('link', { name: 'Antrean', exact: true }).click()
    const row = page.getByTestId(`visit-${first.queueNumber}`)
    await row.waitFor()
    await expect.poll(() => row.textContent()).toContain('Syarat calon')
    await screenshot(page, 'queue')

    await page.getByTestId('call-next').click()
    await expect.poll(() => row.getByTestId('visit-status').textContent()).toBe('Dipanggil')

    const display = await page.context().newPage()
    await display.setViewportSize({ width: 1280, height: 720 })
    const displayProblems = watchProblems(display)
    await display.goto(`${server.url}/console/display`)
    await expect.poll(() => display.getByTestId('display-current').textContent()).toContain(first.queueNumber)
    await screenshot(display, 'display')
    await display.close()
    expect(displayProblems).toEqual([])

    await row.getByTestId('serve').click()
    await page.getByTestId('sheet-facts').waitFor()
    expect(await page.getByTestId('sheet-facts').textContent()).toContain('Rahmat Hidayat')
    expect(await page.getByTestId('sheet-facts').textContent()).toContain(first.queueNumber)

    await page.getByTestId('answer').fill('Syarat calon diatur dalam PKPU 8/2024 Pasal 14.')
    await page.getByTestId('submit-answer').click()
    await expect.poll(() => page.getByTestId('sheet-answer').textContent()).toContain('PKPU 8/2024')
    await page.getByTestId('close-consultation').click()
    await expect.poll(() => page.getByTestId('consultation-status').first().textContent()).toBe('Selesai')
    await expect.poll(() => page.getByTestId('sheet-history').textContent()).toContain('Ditutup')
    const print = page.getByRole('link', { name: 'Cetak' })
    expect(await print.getAttribute('href')).toMatch(/^\/console\/consultations\/[\w-]+\/print$/)
    await screenshot(page, 'consultation')
  })

  it('records a messaging-group consultation with its participants and minutes', async () => {
    await page.getByRole('link', { name: 'Konsultasi', exact: true }).click()
    await page.getByTestId('new-consultation').click()
    await page.getByTestId('channel').click()
    await page.getByRole('option', { name: 'Grup pesan', exact: true }).click()
    await page.getByTestId('asker-name').fill('Grup LO Kabupaten Bantul')
    await page.getByLabel('Instansi').first().fill('Partai Contoh')
    await page.getByLabel('Instansi').first().fill('')
    await page.getByTestId('question').fill('Kapan batas unggah perbaikan dokumen di SILON?')
    // A click that lands while the channel list's overlay is still closing is lost: click until a row is there.
    const participant = page.getByLabel('Nama peserta')
    await expect
      .poll(
        async () => {
          if ((await participant.count()) === 0)
            await page.getByRole('button', { name: 'Tambah peserta' }).click()
          return participant.count()
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(1)
    await participant.fill('Andi Wijaya')
    await page.getByLabel('Notulen').fill('Dijelaskan jadwal perbaikan sesuai kalender tahapan.')
    await page.getByTestId('save').click()
    await page.getByTestId('sheet-facts').waitFor()
    const facts = await page.getByTestId('sheet-facts').textContent()
    expect(facts).toContain('Grup pesan')
    expect(facts).toContain('Andi Wijaya')
    expect(facts).toContain('Dijelaskan jadwal perbaikan')
  })

  it('finds the consultation in the list by full-text search and shows it on the dashboard', async () => {
    await page.getByRole('link', { name: 'Konsultasi', exact: true }).click()
    await page.getByTestId('search').fill('Rahmat')
    await page.getByTestId('search').press('Enter')
    const table = page.getByTestId('consultation-table')
    await expect.poll(() => table.textContent()).toContain('Rahmat Hidayat')
    await screenshot(page, 'consultations')

    await page.getByRole('link', { name: 'Dasbor', exact: true }).click()
    await expect.poll(() => page.getByTestId('stat-waiting').textContent()).toContain('1')
    await page.getByTestId('channel-chart').locator('canvas').waitFor()
    await screenshot(page, 'dashboard')
    expect(problems).toEqual([])
  })

  it('serves the next walk-in from call to close by keyboard alone, the moves listed under "?"', async () => {
    await page.locator('body').press('?')
    const help = page.getByTestId('shortcuts-help')
    await expect
      .poll(() => help.getByTestId('shortcut-callNext').textContent())
      .toContain('Panggil nomor berikutnya')
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'hidden' })

    await page.keyboard.press('g')
    await page.keyboard.press('q')
    const waiting = page.getByTestId('queue-list').getByText('Dewi Lestari')
    await waiting.waitFor()
    await page.keyboard.press('n')
    await expect.poll(() => page.getByTestId('queue-list').textContent()).toContain('Dipanggil')
    await page.keyboard.press('s')
    await page.getByTestId('sheet-facts').waitFor()
    expect(await page.getByTestId('sheet-facts').textContent()).toContain('Dewi Lestari')

    await page.keyboard.press('a')
    await page.keyboard.type('Akun SILON dibuat oleh admin SILON kantor.')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getByTestId('sheet-answer').textContent()).toContain('Akun SILON')
    await page.keyboard.press('c')
    await expect.poll(() => page.getByTestId('consultation-status').first().textContent()).toBe('Selesai')
    expect(problems).toEqual([])
  })
})
