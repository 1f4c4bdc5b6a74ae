import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousA11yViolations, type Violation } from '../src/axe.ts'
import { launchBrowser } from '../src/browser.ts'
import { signInConsole, watchProblems } from '../src/console.ts'
import { openKiosk, pair } from '../src/kiosk-page.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { addStaff, firstAdmin, pairingCode, type StaffAccount } from '../src/staff.ts'

/**
 * The serious axe violations inside one screen area: the rest of a page (the public page's period picker
 * and language toggle) is not this feature's and is checked by its own tests.
 */
async function violationsWithin(page: Page, testId: string): Promise<Violation[]> {
  const all = await seriousA11yViolations(page)
  const inside = await page.evaluate(
    ({ list, id }) =>
      list.map((v) => ({
        ...v,
        targets: v.targets.filter((selector) =>
          document.querySelector(selector)?.closest(`[data-testid="${id}"]`),
        ),
      })),
    { list: all, id: testId },
  )
  return inside.filter((v) => v.targets.length > 0)
}

/**
 * An LO books today's first free slot on the public page and keeps the code; at the kiosk the code alone
 * checks them in (no name or phone typed again); the queue screen shows the booking hadir beside the new
 * visit. The office offers slots all day, every day, so today has one left whenever the test runs.
 */
describe('appointments: booked on the public page, checked in at the kiosk by code', () => {
  let server: ServerUnderTest
  let browser: Browser
  let admin: StaffAccount
  let petugas: StaffAccount
  let regionCode: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    admin = await firstAdmin(server)
    petugas = await addStaff(server, admin.api, 'petugas')
    const { office } = await admin.api.auth.me.query()
    regionCode = office.regionCode
    // Slots all day, every day, in whichever of the three zones it is not yet a quarter to midnight, so
    // today always has one left whenever the test runs.
    const hour = (offset: number) => (new Date().getUTCHours() + offset) % 24
    const zone = hour(7) < 23 ? 'WIB' : 'WITA'
    await admin.api.admin.offices.update.mutate({
      id: office.id,
      timeZone: zone,
      workingDays: [0, 1, 2, 3, 4, 5, 6],
      slotsFrom: '00:00',
      slotsTo: '23:45',
      slotMinutes: 15,
    })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('books, checks in by code at the kiosk, and lists the booking hadir next to the queue', async () => {
    const slots = await admin.api.public.appointmentSlots.query({ regionCode })
    const today = slots.days[0]
    const bookableToday = today === slots.day && slots.slots.length > 0
    expect(bookableToday, `no free slot left today (${today}) in ${slots.office.timeZone}`).toBe(true)

    // The public page, signed out.
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await visitor.newPage()
    const problems = watchProblems(page)
    await page.goto(`${server.url}/console/publik/${regionCode}`)
    const form = page.getByTestId('book-appointment')
    await form.waitFor()
    // Nuxt UI puts the test id on the input itself or on its wrapper, depending on the component.
    const field = (id: string) => form.locator(`input[data-testid=${id}], [data-testid=${id}] input`)
    const first = slots.slots[0]!.time
    expect(await violationsWithin(page, 'book-appointment'), 'axe on the booking form').toEqual([])
    await form.getByTestId(`slot-${first}`).click()
    await form.getByTestId('appointment-topic').selectOption('silon')
    await field('appointment-name').fill('Rina Wulandari')
    await field('appointment-phone').fill('0812-7000-5555')
    await form.getByTestId('appointment-submit').click()
    const code = (await page.getByTestId('appointment-code').textContent())!.trim()
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    await page.getByTestId('appointment-qr').locator('svg').waitFor()
    expect(await page.getByTestId('appointment-when').textContent()).toContain(slots.office.timeZone)
    expect(await violationsWithin(page, 'book-appointment'), 'axe on the booked code').toEqual([])
    expect(problems).toEqual([])
    await visitor.close()

    // The kiosk: only the code is typed.
    const kiosk = await openKiosk(browser, server.url)
    await pair(kiosk.page, await pairingCode(admin.api))
    await kiosk.page.getByTestId('has-appointment').click()
    await kiosk.page.getByTestId('step-appointment').waitFor()
    expect(await seriousA11yViolations(kiosk.page), 'axe on the code step').toEqual([])
    await kiosk.page.locator('#appointment-code').fill(code.toLowerCase())
    await kiosk.page.getByTestId('next').click()
    await kiosk.page.getByTestId('appointment-found').waitFor()
    expect(await kiosk.page.getByTestId('appointment-found').textContent()).toContain('Rin* W*****')
    expect(await seriousA11yViolations(kiosk.page), 'axe on the booking shown').toEqual([])
    await kiosk.page.getByTestId('appointment-consent').check()
    await kiosk.page.getByTestId('next').click()
    await kiosk.page.getByTestId('step-ticket').waitFor()
    const ticketText = await kiosk.page.getByTestId('step-ticket').textContent()
    expect(ticketText).toMatch(/A-001/)
    expect(kiosk.problems).toEqual([])
    await kiosk.context.close()

    // The console's queue: the booking hadir with its ticket, the visit waiting in the queue.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    const staffPage = await desk.newPage()
    const deskProblems = watchProblems(staffPage)
    await signInConsole(staffPage, server.url, petugas.username, petugas.password)
    await staffPage.goto(`${server.url}/console/queue`)
    const booked = staffPage.getByTestId(`appointment-${code}`)
    await booked.waitFor()
    expect(await staffPage.getByTestId(`appointment-status-${code}`).textContent()).toContain('Hadir')
    expect(await booked.textContent()).toContain('A-001')
    await expect.poll(() => staffPage.getByTestId('queue-list').textContent()).toContain('Rina Wulandari')
    expect(await violationsWithin(staffPage, 'today-appointments'), 'axe on today’s appointments').toEqual([])
    // The staff's booking-by-phone form opens in the same panel.
    await staffPage.getByTestId('book-by-phone').click()
    await staffPage.getByTestId('today-appointments').getByTestId('book-appointment').waitFor()
    expect(await violationsWithin(staffPage, 'today-appointments'), 'axe on booking by phone').toEqual([])
    expect(deskProblems).toEqual([])
    await desk.close()
  })
})
