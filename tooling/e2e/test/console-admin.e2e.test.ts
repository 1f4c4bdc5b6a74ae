import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { electionWithPair, screenshot, signInConsole, watchProblems } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { firstAdmin, staffClient, type StaffAccount } from '../src/staff.ts'

describe('an admin manages accounts, kiosks, the stage calendar, the catalog and consent texts', () => {
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let problems: string[]
  let admin: StaffAccount

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    admin = await firstAdmin(server)
    await electionWithPair(admin.api)
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    problems = watchProblems(page)
    await signInConsole(page, server.url, admin.username, admin.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('creates a petugas whose one-time password signs in', async () => {
    await page.getByRole('link', { name: 'Administrasi', exact: true }).click()
    const form = page.getByTestId('user-form')
    await form.getByLabel('Nama pengguna').fill('sari')
    await form.getByLabel('Nama tampilan').fill('Sari Wulandari')
    await form.getByRole('button', { name: 'Buat' }).click()
    const oneTime = (await page.getByTestId('one-time-password').textContent())!.trim()
    await page.getByTestId('user-sari').waitFor()
    await screenshot(page, 'admin-users')
    const client = staffClient(server.url)
    await client.signIn('sari', oneTime)
    expect((await client.api.auth.me.query()).mustChangePassword).toBe(true)
  })

  it('issues a kiosk activation code, sees the tablet connected, and revokes it', async () => {
    await page.getByRole('link', { name: 'Perangkat kios' }).click()
    await page.getByLabel('Nama perangkat').fill('Kios lobi')
    await page.getByRole('button', { name: 'Buat kode aktivasi' }).click()
    const code = (await page.getByTestId('pairing-code').textContent())!.trim()
    const paired = await fetch(`${server.url}/trpc/kiosk.pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ json: { code } }),
    })
    expect(paired.status).toBe(200)
    await page.reload()
    const row = page.getByTestId('device-table').getByRole('row', { name: /Kios lobi/ })
    await expect.poll(() => row.textContent()).toContain('Terhubung')
    await row.getByRole('button', { name: 'Cabut' }).click()
    await row.getByRole('button', { name: 'Yakin cabut?' }).click()
    await expect.poll(() => row.textContent()).toContain('Dicabut')
    await screenshot(page, 'admin-devices')
  })

  it('moves a stage window of the calendar', async () => {
    await page.getByRole('link', { name: 'Kalender tahapan' }).click()
    const calendar = page.getByTestId('stage-calendar')
    await calendar.waitFor()
    const starts = calendar.getByLabel('Penetapan pasangan calon — Mulai')
    const ends = calendar.getByLabel('Penetapan pasangan calon — Berakhir (menit terakhir)')
    await starts.fill('2024-09-23T00:00')
    await calendar.getByRole('button', { name: 'Simpan 1 perubahan' }).click()
    await calendar.getByText('waktu berakhir harus sesudah waktu mulai').waitFor()
    await ends.fill('2024-09-23T23:59')
    await calendar.getByRole('button', { name: 'Simpan 1 perubahan' }).click()
    await expect.poll(() => calendar.getByRole('button', { name: 'Simpan 0 perubahan' }).count()).toBe(1)
    expect(await ends.inputValue()).toBe('2024-09-23T23:59')
    await screenshot(page, 'admin-calendar')
  })

  it('adds the registration extension with its hours, and sets a national WIB cut-off', async () => {
    const calendar = page.getByTestId('stage-calendar')
    await calendar.getByTestId('add-extension').click()
    const extension = calendar.getByTestId('window-perpanjangan_pendaftaran')
    expect(await extension.getByLabel(/Jam buka/).inputValue()).toBe('08:00')
    await calendar.getByRole('button', { name: 'Simpan 1 perubahan' }).click()
    await expect.poll(() => calendar.getByTestId('add-extension').count()).toBe(0)
    // The editor starts afresh once the saved calendar is back; an edit made before that would be lost.
    await expect.poll(() => calendar.getByRole('button', { name: 'Simpan 0 perubahan' }).count()).toBe(1)
    await calendar.getByLabel('Penetapan pasangan calon — Zona waktu').click()
    await page.getByRole('option', { name: 'WIB', exact: true }).click()
    await calendar.getByRole('button', { name: 'Simpan 1 perubahan' }).click()
    await expect.poll(() => calendar.getByRole('button', { name: 'Simpan 0 perubahan' }).count()).toBe(1)
    expect(await calendar.getByLabel('Penetapan pasangan calon — Zona waktu').textContent()).toContain('WIB')
    expect(await extension.getByLabel(/Jam tutup/).inputValue()).toBe('16:00')
  })

  it('reads the requirement catalog and adds a consent text version', async () => {
    await page.getByRole('link', { name: 'Katalog persyaratan' }).click()
    await expect.poll(() => page.getByTestId('catalog-syarat_calon').textContent()).toContain('C5')
    // The catalog's English glosses stay out of the Indonesian page.
    expect(await page.getByTestId('gloss').count()).toBe(0)
    await page.getByRole('link', { name: 'Teks persetujuan' }).click()
    await page.getByTestId('consent-versions').waitFor()
    await page.getByLabel('Versi', { exact: true }).fill('bantul-2026')
    await page
      .getByLabel('Teks Bahasa Indonesia')
      .fill('Data Anda dipakai hanya untuk layanan helpdesk pencalonan.')
    await page.getByLabel('Teks bahasa Inggris').fill('Your data is used only for the nomination help desk.')
    await page.getByRole('button', { name: 'Tambah versi' }).click()
    await expect.poll(() => page.getByTestId('consent-versions').textContent()).toContain('bantul-2026')
    expect(problems).toEqual([])
  })

  it('sets the office’s appointment hours and open days', async () => {
    await page.goto(`${server.url}/console/admin/offices`)
    const card = page.getByTestId('office-slots')
    await card.getByLabel('Menit per slot').fill('15')
    await card.getByLabel('Slot terakhir').fill('17:00')
    await card.getByRole('checkbox', { name: 'Sabtu' }).click()
    await card.getByRole('button', { name: 'Simpan' }).click()
    await expect
      .poll(async () => {
        const [office] = await admin.api.admin.offices.list.query()
        return office && { minutes: office.slotMinutes, to: office.slotsTo, days: office.workingDays }
      })
      .toEqual({ minutes: 15, to: '17:00', days: [1, 2, 3, 4, 5, 6] })
  })

  it('tells form mistakes in the interface language', async () => {
    await page.getByRole('link', { name: 'Pengguna', exact: true }).click()
    const form = page.getByTestId('user-form')
    await form.getByRole('button', { name: 'Buat' }).click()
    await form
      .getByText(/Terlalu kecil|tidak valid/)
      .first()
      .waitFor()
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click()
    await form.getByRole('button', { name: 'Create' }).click()
    await form
      .getByText(/Too small|Invalid/)
      .first()
      .waitFor()
    expect(await form.getByText(/Terlalu kecil/).count()).toBe(0)
    expect(problems).toEqual([])
  })
})
