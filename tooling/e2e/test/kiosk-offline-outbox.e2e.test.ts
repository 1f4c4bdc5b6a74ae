import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import {
  checkInOffline,
  countCheckInsSent,
  crashBeforeReply,
  outboxState,
  walkIn,
  watchThrottle,
} from '../src/kiosk-outbox.ts'
import { openKiosk, pair } from '../src/kiosk-page.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { addStaff, firstAdmin, pairingCode } from '../src/staff.ts'

const CROWD = 100
// The server's default allowance per kiosk and minute (KIOSK_CHECK_INS_PER_MINUTE is not set).
const CHECK_INS_PER_MINUTE = 60
// The check-in whose answer is lost when the server crashes during the sync.
const LOST = 25
const waitLong = { timeout: 30_000, interval: 250 }

describe('a kiosk that checks in a crowd while the server is down', () => {
  let server: ServerUnderTest
  let browser: Browser

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('keeps every check-in until the server takes it, through a lost reply, a crash and the throttle, and sends each once', async () => {
    const admin = await firstAdmin(server)
    const petugas = await addStaff(server, admin.api, 'petugas')
    const { context, page, problems } = await openKiosk(browser, server.url)
    await pair(page, await pairingCode(admin.api))
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await expect.poll(() => outboxState(page), waitLong).toEqual({ state: 'online', pending: 0 })

    const { dataDir, port } = server
    await server.stop({ keepData: true })
    await expect.poll(() => outboxState(page), waitLong).toEqual({ state: 'offline', pending: 0 })

    const crowd = Array.from({ length: CROWD }, (_, i) => walkIn(i + 1))
    const provisional: string[] = []
    for (const visitor of crowd) provisional.push(await checkInOffline(page, visitor))
    expect(provisional).toEqual(crowd.map((_, i) => `L1-${String(i + 1).padStart(3, '0')}`))
    expect(await outboxState(page)).toEqual({ state: 'pending', pending: CROWD })

    // The server comes back, stores LOST check-ins and crashes before answering the last of them.
    const backAt = new Date()
    const restarted = startBuiltServer({}, { dataDir, port })
    const lost = await crashBeforeReply(context, LOST, async () => (await restarted).crash())
    const throttled = watchThrottle(page)
    server = await restarted
    await expect.poll(() => lost.reply, waitLong).not.toBeNull()
    await expect
      .poll(() => outboxState(page), waitLong)
      .toEqual({ state: 'pending', pending: CROWD - LOST + 1 })

    // Back again: the lost one is sent again, and the rest until the minute's allowance is used up.
    server = await startBuiltServer({}, { dataDir, port })
    await expect.poll(() => throttled.length, waitLong).toBeGreaterThan(0)
    const remaining = CROWD - CHECK_INS_PER_MINUTE
    await expect.poll(() => outboxState(page), waitLong).toEqual({ state: 'pending', pending: remaining })
    expect((await petugas.api.visits.today.query({})).visits).toHaveLength(CHECK_INS_PER_MINUTE)

    // The refused check-ins wait on the tablet and go out soon after the server allows them again.
    const allowedAgainAt = throttled[0]!.getTime()
    await expect
      .poll(() => outboxState(page), { timeout: allowedAgainAt - Date.now() + 30_000, interval: 250 })
      .toEqual({ state: 'online', pending: 0 })
    const syncedAt = Date.now()
    expect(syncedAt).toBeGreaterThanOrEqual(allowedAgainAt)
    expect(syncedAt - allowedAgainAt).toBeLessThan(20_000)

    // Later probes find the outbox empty and send nothing again.
    const sentSince = countCheckInsSent(page)
    await page.waitForTimeout(6_000)
    expect(sentSince()).toBe(0)

    const { visits } = await petugas.api.visits.today.query({})
    expect(visits).toHaveLength(CROWD)
    expect(new Set(visits.map((v) => v.clientId)).size).toBe(CROWD)
    expect(new Set(visits.map((v) => v.queueNumber)).size).toBe(CROWD)
    expect(visits.map((v) => v.guest.name).sort()).toEqual(crowd.map((v) => v.name).sort())
    // The visit whose answer was lost kept the number the server gave it before the crash.
    expect(visits.filter((v) => v.clientId === lost.reply!.clientId).map((v) => v.queueNumber)).toEqual([
      lost.reply!.queueNumber,
    ])
    // Each visit keeps the time the visitor checked in on the tablet, and the numbers follow arrival.
    expect(visits.every((v) => v.checkedInAt < backAt)).toBe(true)
    const byArrival = [...visits].sort((a, b) => a.checkedInAt.getTime() - b.checkedInAt.getTime())
    expect(byArrival.map((v) => v.guest.name)).toEqual(crowd.map((v) => v.name))
    expect(byArrival.map((v) => v.queueNumber)).toEqual(
      byArrival.map((v) => v.queueNumber).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    )

    const unexpected = problems.filter(
      (p) => !/ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|Failed to fetch|Failed to load resource/.test(p),
    )
    expect(unexpected).toEqual([])
    await context.close()
  }, 420_000)
})
