import type { BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { checkInNewVisitor, type Visitor } from './kiosk-page.ts'

/** What the kiosk's status dot says: its state, and how many check-ins wait in the outbox. */
export interface OutboxState {
  state: string | null
  pending: number
}

/** Read in one go, so a poll never pairs the state of one moment with the count of another. */
export async function outboxState(page: Page): Promise<OutboxState> {
  const { state, text } = await page
    .getByTestId('kiosk-status')
    .evaluate((el) => ({ state: el.getAttribute('data-state'), text: el.textContent ?? '' }))
  return { state, pending: state === 'pending' ? Number(text.match(/\d+/)?.[0]) : 0 }
}

/** Visitor `n` of a crowd: a name and a phone number of their own, so each is a new guest. */
export function walkIn(n: number): Visitor {
  const id = String(n).padStart(3, '0')
  return {
    category: 'pemilih',
    phone: `08579${id.padStart(7, '0')}`,
    name: `Pengunjung Luring ${id}`,
    topic: 'jadwal',
  }
}

/**
 * A whole check-in through the kiosk's screens while the server is away: the visitor must get the
 * offline ticket, and the kiosk must be back on its welcome screen for the next one. Returns the
 * provisional number.
 */
export async function checkInOffline(page: Page, visitor: Visitor): Promise<string> {
  const number = await checkInNewVisitor(page, visitor)
  const offline = await page.getByTestId('ticket-offline').isVisible()
  expect(offline, `offline ticket for ${visitor.name}`).toBe(true)
  await page.getByTestId('done').click()
  await page.getByTestId('step-welcome').waitFor()
  return number
}

const CHECK_IN = '**/trpc/kiosk.checkIn*'

/** The visit the server stored for a check-in whose answer never reached the kiosk. */
export interface LostReply {
  clientId: string
  queueNumber: string
}

/**
 * Lets the `nth` check-in the kiosk sends from now on reach the server and be stored, then crashes the
 * server and drops the connection before the answer gets back: the kiosk cannot know it arrived. The
 * other check-ins go through untouched. `lost.reply` is set once it has happened.
 */
export async function crashBeforeReply(
  context: BrowserContext,
  nth: number,
  crash: () => Promise<void>,
): Promise<{ reply: LostReply | null }> {
  const lost: { reply: LostReply | null } = { reply: null }
  let seen = 0
  await context.route(CHECK_IN, async (route) => {
    seen += 1
    if (seen !== nth) return route.continue()
    const answer = await route.fetch()
    // The kiosk's client batches calls: the body and the answer are keyed by position.
    const [sent] = Object.values(
      route.request().postDataJSON() as Record<string, { json: { clientId: string } }>,
    )
    const [ticket] = (await answer.json()) as { result: { data: { json: { queueNumber: string } } } }[]
    await crash()
    await route.abort('connectionreset')
    lost.reply = { clientId: sent!.json.clientId, queueNumber: ticket!.result.data.json.queueNumber }
  })
  return lost
}

/** When the server says a throttled kiosk may send again, for each check-in it refused with 429. */
export function watchThrottle(page: Page): Date[] {
  const retryAts: Date[] = []
  page.on('response', async (response) => {
    if (response.status() !== 429 || !response.url().includes('/trpc/kiosk.checkIn')) return
    const [refusal] = (await response.json()) as {
      error: { json: { data: { params: { retryAt: string } } } }
    }[]
    retryAts.push(new Date(refusal!.error.json.data.params.retryAt))
  })
  return retryAts
}

/** How many check-ins the page has sent since this was called. */
export function countCheckInsSent(page: Page): () => number {
  let sent = 0
  page.on('request', (request) => {
    if (request.url().includes('/trpc/kiosk.checkIn')) sent += 1
  })
  return () => sent
}
