import { formatInZone, instantAt, localDateTime } from '@mejabantu/domain'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { electionWithPair, signInConsole, watchProblems, wibDate } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { addStaff, firstAdmin, type Api } from '../src/staff.ts'

// The demo office, KPU Kabupaten Bantul, keeps WIB; the browser runs in New York (UTC−4 in September,
// UTC−5 in winter), so any date read or written in the browser's zone is off by 11 or 12 hours.
describe('dates and times in the office’s zone on a device set to another', () => {
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let problems: string[]
  let petugas: Api
  let pairId: string
  const yesterday = `${wibDate(-1)}T09:00`
  const nineWib = instantAt(yesterday, 'WIB')

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    const admin = await firstAdmin(server)
    const staff = await addStaff(server, admin.api, 'petugas')
    petugas = staff.api
    pairId = (await electionWithPair(admin.api)).pair.id
    // One document left BMS, so the dashboard lists the fix deadline (the window's last minute is
    // tomorrow 23:59 WIB).
    const dossier = await petugas.candidates.dossier.query({ pairId })
    const check = dossier.groups.syarat_calon.find((c) => c.requirementCode === 'C5')!
    await petugas.requirements.record.mutate({
      checkId: check.id,
      to: 'diserahkan',
      reason: null,
      evidence: null,
    })
    await petugas.requirements.record.mutate({
      checkId: check.id,
      to: 'BMS',
      reason: 'SKCK sudah kedaluwarsa.',
      evidence: null,
    })
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      timezoneId: 'America/New_York',
    })
    page = await context.newPage()
    problems = watchProblems(page)
    await signInConsole(page, server.url, staff.username, staff.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('runs in a browser whose clock is not WIB', async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      'America/New_York',
    )
  })

  it('prints the fix deadline’s last minute in WIB: 23.59, not the minute after', async () => {
    const lastMinute = formatInZone(instantAt(`${wibDate(1)}T23:59`, 'WIB'), 'WIB')
    expect(lastMinute).toMatch(/ pukul 23\.59 WIB$/)
    await expect
      .poll(() => page.getByTestId('deadline-last-minute').first().textContent())
      .toContain(lastMinute)
  })

  it('takes a sheet’s 09:00 as 09:00 WIB and shows it so', async () => {
    await page.getByRole('link', { name: 'Konsultasi', exact: true }).click()
    await page.getByTestId('new-consultation').click()
    await page.getByTestId('asker-name').fill('Andi Wijaya')
    await page.getByTestId('question').fill('Sampai jam berapa perbaikan dapat diserahkan?')
    await page.getByTestId('occurred-at').fill(yesterday)
    await page.getByTestId('save').click()
    await page.getByTestId('sheet-facts').waitFor()
    expect(await page.getByTestId('sheet-facts').textContent()).toContain(formatInZone(nineWib, 'WIB'))
    const id = new URL(page.url()).pathname.split('/').at(-1)!
    const stored = await petugas.consultations.get.query({ id })
    expect(stored.consultation.occurredAt.toISOString()).toBe(nineWib.toISOString())
  })

  it('takes a handover’s 09:00 as 09:00 WIB', async () => {
    await page.goto(`${server.url}/console/pairs/${pairId}`)
    await page.getByTestId('dossier').waitFor()
    await page.getByRole('button', { name: 'Catat penyerahan' }).click()
    const form = page.getByTestId('handover-form')
    const heldAt = form.getByTestId('handover-held-at')
    // The form starts at the office's now, not the browser's.
    expect((await heldAt.inputValue()).slice(0, 10)).toBe(localDateTime(new Date(), 'WIB').slice(0, 10))
    await heldAt.fill(yesterday)
    await form.getByLabel('Nama').first().fill('Sri Wahyuni')
    await form.getByTestId('handover-place').fill('Ruang rapat KPU Kabupaten Bantul')
    await form.getByTestId('handover-save').click()
    await expect
      .poll(async () => (await petugas.candidates.dossier.query({ pairId })).handovers.length)
      .toBe(1)
    const [handover] = (await petugas.candidates.dossier.query({ pairId })).handovers
    expect(handover!.heldAt.toISOString()).toBe(nineWib.toISOString())
  })

  it('shows the lobby display’s clock in WIB', async () => {
    await page.goto(`${server.url}/console/display`)
    const clock = page.getByTestId('display-clock')
    await clock.waitFor()
    const [hours, minutes] = localDateTime(new Date(), 'WIB').slice(11).split(':')
    // Read within the same minute, or the next one if the test straddles it.
    const next = localDateTime(new Date(Date.now() + 60_000), 'WIB')
      .slice(11)
      .replace(':', '.')
    await expect.poll(() => clock.textContent()).toMatch(/^\d{2}\.\d{2}\.\d{2} WIB$/)
    const shown = (await clock.textContent())!.slice(0, 5)
    expect([`${hours}.${minutes}`, next]).toContain(shown)
    expect(problems).toEqual([])
  })
})
