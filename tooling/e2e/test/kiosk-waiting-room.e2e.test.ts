import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousA11yViolations } from '../src/axe.ts'
import { launchBrowser } from '../src/browser.ts'
import { signInConsole, watchProblems } from '../src/console.ts'
import { checkInOffline } from '../src/kiosk-outbox.ts'
import { checkStep, openKiosk, pair, typeOnPad } from '../src/kiosk-page.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { addStaff, firstAdmin, pairingCode } from '../src/staff.ts'

const status = (page: Page) => page.getByTestId('kiosk-status').getAttribute('data-state')
const waitLong = { timeout: 30_000, interval: 250 }

/** A new visitor up to the priority screen, which is checked (axe, touch targets) in both languages. */
async function reachPriority(page: Page, name: string) {
  await page.getByTestId('start').click()
  await page.getByTestId('category-lo').click()
  await page.getByTestId('step-phone').waitFor()
  await typeOnPad(page, '081298765432')
  await page.getByTestId('next').click()
  await page.getByTestId('step-details').waitFor()
  await page.locator('#name').fill(name)
  await page.getByTestId('next').click()
  await page.getByTestId('step-purpose').waitFor()
  await page.getByTestId('topic-silon').click()
  await page.getByTestId('next').click()
  await page.getByTestId('step-priority').waitFor()
}

describe('the waiting room: priority lane, offline tickets that reconcile, who is in the building', () => {
  let server: ServerUnderTest
  let browser: Browser

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('serves "Lansia" first, links an offline L1- ticket to its real number, and lists who is inside', async () => {
    const admin = await firstAdmin(server)
    const petugas = await addStaff(server, admin.api, 'petugas')
    const { context, page, problems } = await openKiosk(browser, server.url)
    await pair(page, await pairingCode(admin.api))
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await expect.poll(() => status(page), waitLong).toBe('online')

    // The priority lane: "Tidak" is chosen until the guest picks a reason.
    await reachPriority(page, 'Mbah Sastro Lansia')
    expect(await page.getByTestId('priority-tidak').getAttribute('aria-pressed')).toBe('true')
    await checkStep(page, 'priority')
    await page.getByTestId('locale-toggle').click()
    await expect.poll(() => page.getByTestId('priority-lansia').textContent()).toContain('Elderly')
    await checkStep(page, 'priority (en)')
    await page.getByTestId('locale-toggle').click()
    await page.getByTestId('priority-lansia').click()
    expect(await page.getByTestId('priority-lansia').getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByTestId('priority-tidak').getAttribute('aria-pressed')).toBe('false')
    await page.getByTestId('next').click()
    await page.getByTestId('step-consent').waitFor()
    await page.getByTestId('consent-body').waitFor()
    await page.getByTestId('consent-accept').check()
    await page.getByTestId('next').click()
    await page.getByTestId('step-ticket').waitFor()
    expect((await page.getByTestId('queue-number').textContent())!.trim()).toBe('P-001')
    await page.getByTestId('done').click()
    await page.getByTestId('step-welcome').waitFor()

    // The tablet loses the server and hands out a provisional number with its own prefix.
    const { dataDir, port } = server
    await server.stop({ keepData: true })
    await expect.poll(() => status(page), waitLong).toBe('offline')
    const provisional = await checkInOffline(page, {
      category: 'pemilih',
      phone: '085790001234',
      name: 'Rina Luring',
      topic: 'jadwal',
    })
    expect(provisional).toBe('L1-001')
    expect(await page.getByTestId('synced-tickets').count()).toBe(0)

    // Back online: the outbox syncs and the welcome screen tells the guest their real number.
    server = await startBuiltServer({}, { dataDir, port })
    await expect.poll(() => status(page), waitLong).toBe('online')
    const synced = page.getByTestId('synced-L1-001')
    await synced.waitFor(waitLong)
    expect(await page.getByTestId('synced-tickets').textContent()).toContain('Nomor Anda sekarang')
    expect((await synced.getByTestId('synced-number').textContent())!.trim()).toBe('A-001')
    await checkStep(page, 'welcome with synced tickets')
    await page.getByTestId('locale-toggle').click()
    await expect.poll(() => page.getByTestId('synced-tickets').textContent()).toContain('Your number now')
    await checkStep(page, 'welcome with synced tickets (en)')
    await page.getByTestId('locale-toggle').click()
    // Its ticket, to print, now carries the real number.
    await synced.getByTestId('synced-print').click()
    await page.getByTestId('step-ticket').waitFor()
    expect((await page.getByTestId('queue-number').textContent())!.trim()).toBe('A-001')
    expect(await page.getByTestId('step-ticket').getAttribute('data-offline')).toBe('false')
    await page.getByTestId('done').click()

    const { visits } = await petugas.api.visits.today.query({})
    expect(visits.map((v) => [v.queueNumber, v.provisionalNumber, v.priority]).sort()).toEqual([
      ['A-001', 'L1-001', null],
      ['P-001', null, 'lansia'],
    ])
    const unexpected = problems.filter(
      (p) => !/ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|Failed to fetch|Failed to load resource/.test(p),
    )
    expect(unexpected).toEqual([])
    await context.close()

    // The console's queue shows both numbers, and the in-building panel lists both guests.
    const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const consolePage = await desk.newPage()
    const consoleProblems = watchProblems(consolePage)
    await signInConsole(consolePage, server.url, petugas.username, petugas.password)
    await consolePage.goto(`${server.url}/console/queue`)
    const row = consolePage.getByTestId('visit-A-001')
    await row.waitFor()
    expect(await row.textContent()).toMatch(/A-001\s*·\s*L1-001/)
    const inside = consolePage.getByTestId('in-building')
    await inside.getByTestId('in-building-A-001').waitFor()
    expect(await inside.getByTestId('in-building-count').textContent()).toContain('2 orang')
    expect(await inside.getByTestId('in-building-P-001').textContent()).toContain('Mbah Sastro Lansia')
    expect(await inside.getByTestId('in-building-A-001').textContent()).toContain('Rina Luring')
    expect(await inside.getByTestId('in-building-A-001').textContent()).toContain('L1-001')
    // The console shell is not under test here: only violations inside what this feature adds count.
    const ours = []
    for (const violation of await seriousA11yViolations(consolePage)) {
      for (const target of violation.targets) {
        const inside = await consolePage.evaluate(
          (selector) =>
            [...document.querySelectorAll(selector)].some((el) =>
              el.closest('[data-testid="in-building"], [data-testid="visit-provisional"]'),
            ),
          target,
        )
        if (inside) ours.push({ id: violation.id, target })
      }
    }
    expect(ours, 'axe on the in-building panel and the provisional number').toEqual([])
    expect(consoleProblems).toEqual([])
    await desk.close()
  }, 240_000)
})
