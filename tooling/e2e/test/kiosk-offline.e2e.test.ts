import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { addStaff, firstAdmin, pairingCode, type StaffAccount } from '../src/staff.ts'
import { checkInNewVisitor, openKiosk, pair, screenshot } from '../src/kiosk-page.ts'

const status = (page: Page) => page.getByTestId('kiosk-status').getAttribute('data-state')
const waitLong = { timeout: 30_000, interval: 500 }

describe('a kiosk whose server goes away', () => {
  let server: ServerUnderTest
  let browser: Browser
  let petugas: StaffAccount

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('keeps check-ins on the tablet, survives a reload, and syncs each exactly once when the server is back', async () => {
    const admin = await firstAdmin(server)
    petugas = await addStaff(server, admin.api, 'petugas')
    const { context, page, problems } = await openKiosk(browser, server.url)
    await pair(page, await pairingCode(admin.api))
    // The service worker holds the whole app before the network is needed.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await expect.poll(() => status(page), waitLong).toBe('online')

    await server.stop({ keepData: true })
    await expect.poll(() => status(page), waitLong).toBe('offline')
    await page.reload()
    await page.getByTestId('step-welcome').waitFor()

    const names = ['Rina Offline Satu', 'Dodi Offline Dua']
    const numbers: string[] = []
    for (const [i, name] of names.entries()) {
      numbers.push(
        await checkInNewVisitor(page, {
          category: 'pemilih',
          phone: `08579000111${i}`,
          name,
          topic: 'jadwal',
        }),
      )
      expect(await page.getByTestId('ticket-offline').isVisible()).toBe(true)
      if (i === 0) await screenshot(page, '12-offline-ticket')
      await page.getByTestId('done').click()
    }
    expect(numbers).toEqual(['L1-001', 'L1-002'])
    await page.reload()
    await expect.poll(() => status(page), waitLong).toBe('pending')
    expect(await page.getByTestId('kiosk-status').textContent()).toContain('2')

    server = await startBuiltServer({}, { dataDir: server.dataDir, port: server.port })
    await expect.poll(() => status(page), waitLong).toBe('online')

    const synced = async () =>
      (await petugas.api.visits.today.query({})).visits.filter((v) => names.includes(v.guest.name))
    expect((await synced()).map((v) => v.guest.name).sort()).toEqual([...names].sort())
    // Later probes find the outbox empty and send nothing again.
    await page.waitForTimeout(6_000)
    expect(await synced()).toHaveLength(2)

    const unexpected = problems.filter(
      (p) => !/ERR_CONNECTION_REFUSED|Failed to fetch|Failed to load resource/.test(p),
    )
    expect(unexpected).toEqual([])
    await context.close()
  })
})
