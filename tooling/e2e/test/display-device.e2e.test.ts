import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousA11yViolations } from '../src/axe.ts'
import { launchBrowser } from '../src/browser.ts'
import { pairedKiosk, screenshot, signInConsole, watchProblems } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { firstAdmin, type StaffAccount } from '../src/staff.ts'

const DIGIT_WORDS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan']

declare global {
  interface Window {
    spoken: { text: string; lang: string }[]
  }
}

describe('the waiting-room display is paired, pushed each call and announces it', () => {
  let server: ServerUnderTest
  let browser: Browser
  let staff: Page
  let display: Page
  let admin: StaffAccount
  let staffProblems: string[]
  let displayProblems: string[]

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    admin = await firstAdmin(server)
    staff = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    staffProblems = watchProblems(staff)
    // A second context: the TV shares nothing with the staff member's browser, no cookie at all.
    const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    // Headless chromium has no voices: record what the page asks to be spoken instead.
    await tv.addInitScript(() => {
      window.spoken = []
      window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
        window.spoken.push({ text: utterance.text, lang: utterance.lang })
      }
    })
    display = await tv.newPage()
    displayProblems = watchProblems(display)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('creates a display device and pairs the TV with its code, no staff sign-in', async () => {
    await signInConsole(staff, server.url, admin.username, admin.password)
    await staff.goto(`${server.url}/console/admin/devices`)
    await staff.getByLabel('Nama perangkat').fill('Layar ruang tunggu')
    await staff.getByTestId('device-kind-select').click()
    await staff.getByRole('option', { name: 'Layar antrean' }).click()
    await staff.getByRole('button', { name: 'Buat kode aktivasi' }).click()
    const code = (await staff.getByTestId('pairing-code').textContent())!.trim()
    const row = staff.getByTestId('device-table').getByRole('row', { name: /Layar ruang tunggu/ })
    await expect.poll(() => row.textContent()).toContain('Layar antrean')

    await display.goto(`${server.url}/console/layar`)
    await display.getByLabel('Kode aktivasi').fill(code)
    await display.getByTestId('display-pair').click()
    await expect
      .poll(() => display.getByTestId('display-current').textContent())
      .toContain('Belum ada panggilan')
    expect(await display.evaluate(() => localStorage.getItem('mejabantu.display.token'))).toBeTruthy()
    expect(await seriousA11yViolations(display)).toEqual([])
  })

  it('shows the number called at Meja 2 without reloading, and speaks it in Bahasa Indonesia', async () => {
    const kiosk = await pairedKiosk(server, admin.api)
    const ticket = await kiosk.checkIn('Siti Aminah')
    await expect.poll(() => display.getByTestId('display-next').textContent()).toContain(ticket.queueNumber)

    await staff.goto(`${server.url}/console/queue`)
    await staff.getByTestId('desk-select').click()
    await staff.getByRole('option', { name: 'Meja 2' }).click()
    await expect.poll(() => staff.getByTestId('desk-select').textContent()).toContain('Meja 2')
    await staff.getByTestId('call-next').click()
    await expect
      .poll(() => staff.getByTestId(`visit-${ticket.queueNumber}`).textContent())
      .toContain('Meja 2')

    await expect
      .poll(() => display.getByTestId('display-current').textContent())
      .toContain(ticket.queueNumber)
    expect(await display.getByTestId('display-desk').textContent()).toContain('Meja 2')
    // No names on the lobby's screen.
    expect(await display.getByTestId('display').textContent()).not.toContain('Siti')
    const digits = ticket.queueNumber.replace(/\D/g, '')
    await expect.poll(() => display.evaluate(() => window.spoken)).toHaveLength(1)
    const [said] = await display.evaluate(() => window.spoken)
    expect(said!.lang).toBe('id-ID')
    // Each digit on its own, so the voice says a ticket and not an amount ("A, nol, nol, satu").
    const words = [...digits].map((d) => DIGIT_WORDS[Number(d)]).join(', ')
    const lane = ticket.queueNumber.replace(/[^A-Z]/g, '')
    expect(said!.text).toBe(`Nomor antrean ${lane}, ${words}, silakan ke Meja 2`)
    expect(await seriousA11yViolations(display)).toEqual([])
    await screenshot(display, 'display-device')
  })

  it('keeps the voice switchable on the display, remembered there', async () => {
    await display.getByTestId('display-voice').click()
    expect(await display.evaluate(() => localStorage.getItem('mejabantu.display.voice'))).toBe('off')
    const kiosk = await pairedKiosk(server, admin.api)
    const ticket = await kiosk.checkIn('Rudi Hartono')
    await staff.getByTestId('call-next').click()
    await expect
      .poll(() => display.getByTestId('display-current').textContent())
      .toContain(ticket.queueNumber)
    expect(await display.evaluate(() => window.spoken)).toHaveLength(1)
    expect(staffProblems).toEqual([])
    expect(displayProblems).toEqual([])
  })
})
