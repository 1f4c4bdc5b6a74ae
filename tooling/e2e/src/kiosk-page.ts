import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { seriousA11yViolations } from './axe.ts'

/** Where the kiosk README's screenshots live; the check-in test takes them. */
export const kioskScreenshots = path.resolve(import.meta.dirname, '../../../apps/kiosk/docs/screenshots')

export const PORTRAIT = { width: 768, height: 1024 }
export const LANDSCAPE = { width: 1280, height: 800 }

export interface Visitor {
  category: string
  phone: string
  name: string
  institution?: string
  email?: string
  topic: string
  purpose?: string
  /** The priority lane tile to pick (lansia, disabilitas, hamil); "tidak" when left out. */
  priority?: string
}

/** A tablet on the kiosk page that records script errors, failed requests and CSP reports. */
export async function openKiosk(
  browser: Browser,
  url: string,
  viewport = PORTRAIT,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, hasTouch: true })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} ${message.location().url}`)
  })
  await page.goto(`${url}/kiosk/`)
  return { context, page, problems }
}

export async function pair(page: Page, code: string) {
  await page.getByTestId('step-pair').waitFor()
  await page.locator('#pairing-code').fill(code)
  await page.getByTestId('pair-submit').click()
  await page.getByTestId('step-welcome').waitFor()
}

/** Types digits on the kiosk's number pad, as a visitor does. */
export async function typeOnPad(page: Page, digits: string) {
  const pad = page.getByRole('group', { name: /Papan angka|Number pad/ })
  for (const digit of digits) await pad.getByRole('button', { name: digit, exact: true }).click()
}

/** Runs after each screen is shown: no serious accessibility violation, touch targets of 48 px. */
export type StepCheck = (page: Page, step: string) => Promise<void>

export const checkStep: StepCheck = async (page, step) => {
  expect(await seriousA11yViolations(page), `axe on ${step}`).toEqual([])
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, input:not([type=checkbox]), textarea')]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.height < 48 || box.width < 48))
      .map(({ el }) => el.outerHTML.slice(0, 80)),
  )
  expect(small, `touch targets under 48 px on ${step}`).toEqual([])
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
  expect(overflow, `horizontal scrolling on ${step}`).toBe(false)
}

export async function screenshot(page: Page, name: string) {
  await mkdir(kioskScreenshots, { recursive: true })
  await page.screenshot({ path: path.join(kioskScreenshots, `${name}.png`) })
}

const noCheck: StepCheck = async () => {}

/** A new visitor from the welcome screen to the ticket; returns the queue number shown. */
export async function checkInNewVisitor(page: Page, visitor: Visitor, check: StepCheck = noCheck) {
  await page.getByTestId('start').click()
  await page.getByTestId('step-category').waitFor()
  await check(page, 'category')
  await page.getByTestId(`category-${visitor.category}`).click()
  await page.getByTestId('step-phone').waitFor()
  await typeOnPad(page, visitor.phone)
  await check(page, 'phone')
  await page.getByTestId('next').click()
  await page.getByTestId('step-details').waitFor()
  await page.locator('#name').fill(visitor.name)
  if (visitor.institution) await page.locator('#institution').fill(visitor.institution)
  if (visitor.email) await page.locator('#email').fill(visitor.email)
  await check(page, 'details')
  await page.getByTestId('next').click()
  return choosePurposeAndConsent(page, visitor, check)
}

/** The priority lane screen: picks `reason` (or leaves "Tidak") and goes on. */
export async function passPriority(page: Page, reason = 'tidak') {
  await page.getByTestId('step-priority').waitFor()
  await page.getByTestId(`priority-${reason}`).click()
  await page.getByTestId('next').click()
}

/** From the purpose screen through consent to the ticket; returns the queue number shown. */
export async function choosePurposeAndConsent(page: Page, visitor: Visitor, check: StepCheck = noCheck) {
  await page.getByTestId('step-purpose').waitFor()
  await page.getByTestId(`topic-${visitor.topic}`).click()
  if (visitor.purpose) await page.locator('#purpose').fill(visitor.purpose)
  await check(page, 'purpose')
  await page.getByTestId('next').click()
  await passPriority(page, visitor.priority)
  await page.getByTestId('step-consent').waitFor()
  await page.getByTestId('consent-body').waitFor()
  await check(page, 'consent')
  await page.getByTestId('consent-accept').check()
  await page.getByTestId('next').click()
  await page.getByTestId('step-ticket').waitFor()
  return (await page.getByTestId('queue-number').textContent())!.trim()
}
