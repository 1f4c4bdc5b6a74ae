import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { firstAdmin, pairingCode, type StaffAccount } from '../src/staff.ts'
import { checkStep, PORTRAIT, pair, screenshot, typeOnPad } from '../src/kiosk-page.ts'

describe('a kiosk left alone mid check-in', () => {
  let server: ServerUnderTest
  let browser: Browser
  let admin: StaffAccount

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    admin = await firstAdmin(server)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('asks "Masih di sini?" after 60 s, keeps the form on an answer, and wipes it 20 s after none', async () => {
    const context = await browser.newContext({ viewport: PORTRAIT, hasTouch: true })
    const page = await context.newPage()
    await page.clock.install()
    await page.goto(`${server.url}/kiosk/`)
    await pair(page, await pairingCode(admin.api))
    const overlay = page.getByTestId('idle-overlay')

    await page.getByTestId('start').click()
    await page.getByTestId('category-media').click()
    await typeOnPad(page, '081399988877')
    await page.getByTestId('next').click()
    await page.locator('#name').fill('Sari Wartawati')

    await page.clock.runFor(59_000)
    expect(await overlay.isVisible()).toBe(false)
    await page.clock.runFor(2_000)
    await overlay.waitFor()
    await checkStep(page, 'idle')
    await screenshot(page, '11-idle')
    await page.getByTestId('idle-continue').click()
    await overlay.waitFor({ state: 'hidden' })
    expect(await page.locator('#name').inputValue()).toBe('Sari Wartawati')

    await page.clock.runFor(61_000)
    await overlay.waitFor()
    await page.clock.runFor(21_000)
    await page.getByTestId('step-welcome').waitFor()
    expect(await overlay.isVisible()).toBe(false)

    // The next visitor finds nothing of the last one.
    await page.getByTestId('start').click()
    await page.getByTestId('step-category').waitFor()
    expect(await page.locator('[aria-pressed=true]').count()).toBe(0)
    await page.getByTestId('category-pemilih').click()
    expect(await page.locator('#phone').inputValue()).toBe('')
    expect(await page.content()).not.toContain('Sari Wartawati')
    await context.close()
  })
})
