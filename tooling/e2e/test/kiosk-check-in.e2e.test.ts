import { readFileSync } from 'node:fs'
import path from 'node:path'
import { maskName, maskPhone, normalisePhone } from '@mejabantu/domain'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { addStaff, firstAdmin, pairingCode, type StaffAccount } from '../src/staff.ts'
import {
  checkInNewVisitor,
  checkStep,
  choosePurposeAndConsent,
  LANDSCAPE,
  openKiosk,
  pair,
  screenshot,
  typeOnPad,
  type StepCheck,
  type Visitor,
} from '../src/kiosk-page.ts'

const english = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../apps/kiosk/i18n/locales/en.json'), 'utf8'),
) as Record<string, Record<string, string>>

/** Each step is checked (axe, touch targets, no sideways scrolling) and photographed for the README. */
const shots = [
  'pairing',
  'welcome',
  'category',
  'phone',
  'details',
  'purpose',
  'consent',
  'ticket',
  'returning-phone',
  'returning-confirm',
  'welcome-landscape',
]
const checkAndShoot: StepCheck = async (page, step) => {
  await checkStep(page, step)
  const index = shots.indexOf(step)
  await screenshot(page, `${String(index).padStart(2, '0')}-${step}`)
}

describe('a walk-in signs the guest book at the kiosk', () => {
  let server: ServerUnderTest
  let browser: Browser
  let admin: StaffAccount
  let petugas: StaffAccount

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    admin = await firstAdmin(server)
    petugas = await addStaff(server, admin.api, 'petugas')
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('pairs, checks a new and then a returning visitor in, and both wait in the staff queue', async () => {
    const { context, page, problems } = await openKiosk(browser, server.url)
    await page.getByTestId('step-pair').waitFor()
    await checkAndShoot(page, 'pairing')
    await pair(page, await pairingCode(admin.api))
    await expect.poll(() => page.getByTestId('kiosk-status').getAttribute('data-state')).toBe('online')
    await checkAndShoot(page, 'welcome')

    const visitor: Visitor = {
      category: 'lo',
      phone: '081234567891',
      name: 'Budi Santoso',
      institution: 'Partai Contoh',
      email: 'budi@example.org',
      topic: 'silon',
      purpose: 'Unggah ulang KTP di SILON',
    }
    const first = await checkInNewVisitor(page, visitor, checkAndShoot)
    expect(first).toMatch(/^A-\d{3}$/)
    await checkAndShoot(page, 'ticket')

    const inQueue = async () =>
      (await petugas.api.visits.today.query({})).visits.filter((v) => v.guest.name === visitor.name)
    const [visit] = await inQueue()
    expect(visit).toMatchObject({
      queueNumber: first,
      status: 'menunggu',
      topic: 'silon',
      purpose: visitor.purpose,
      guest: { category: 'lo', institution: visitor.institution, email: visitor.email },
    })

    // The next day's visit: the same phone, confirmed by its masked name, then category and purpose.
    await page.getByTestId('done').click()
    await page.getByTestId('returning').click()
    await page.getByTestId('step-lookup').waitFor()
    await typeOnPad(page, visitor.phone)
    await checkAndShoot(page, 'returning-phone')
    await page.getByTestId('next').click()
    await page.getByTestId('step-lookup-confirm').waitFor()
    await expect.poll(() => page.getByTestId('masked-name').textContent()).toBe(maskName(visitor.name))
    expect(await page.getByTestId('masked-phone').textContent()).toBe(
      maskPhone(normalisePhone(visitor.phone)!),
    )
    expect(await page.content()).not.toContain(visitor.name)
    await checkAndShoot(page, 'returning-confirm')
    await page.getByTestId('next').click()
    // The lobby screen showed no category: the visitor says who they come as today.
    await page.getByTestId('step-category').waitFor()
    await page.getByTestId('category-lo').click()
    const second = await choosePurposeAndConsent(page, { ...visitor, topic: 'syarat_calon', purpose: '' })
    expect(second).not.toBe(first)

    const visits = await inQueue()
    expect(visits.map((v) => v.queueNumber)).toEqual([first, second])
    expect(new Set(visits.map((v) => v.guestId)).size).toBe(1)
    expect(visits[1]!.guest).toMatchObject({ institution: visitor.institution, email: visitor.email })

    // Landscape tablets get the same screens without scrolling sideways.
    await page.getByTestId('done').click()
    await page.setViewportSize(LANDSCAPE)
    await page.getByTestId('step-welcome').waitFor()
    await checkAndShoot(page, 'welcome-landscape')

    expect(problems).toEqual([])
    await context.close()
  })

  it('speaks English on every screen after the toggle, and Bahasa Indonesia again after the next', async () => {
    const { context, page, problems } = await openKiosk(browser, server.url)
    await pair(page, await pairingCode(admin.api, 'Kios ruang tunggu'))
    const heading = page.getByRole('heading', { level: 1 })
    const indonesian = await heading.textContent()
    await page.getByTestId('locale-toggle').click()
    await expect.poll(() => heading.textContent()).toBe(english.welcome!.heading)
    expect(await page.getAttribute('html', 'lang')).toBe('en')

    await page.getByTestId('start').click()
    await expect.poll(() => heading.textContent()).toBe(english.category!.title)
    await page.getByTestId('category-pemilih').click()
    await expect.poll(() => heading.textContent()).toBe(english.phone!.title)
    await expect.poll(() => page.getByTestId('locale-toggle').textContent()).toContain('Bahasa Indonesia')
    await page.getByTestId('locale-toggle').click()
    await page.getByTestId('back').click()
    await page.getByTestId('back').click()
    await expect.poll(() => heading.textContent()).toBe(indonesian)

    expect(problems).toEqual([])
    await context.close()
  })
})
