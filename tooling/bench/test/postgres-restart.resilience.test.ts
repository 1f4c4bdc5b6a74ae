import { setTimeout as sleep } from 'node:timers/promises'
import { openDatabase } from '@mejabantu/db'
import { firstAdmin, startBuiltServer, type ServerUnderTest } from '@mejabantu/e2e'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flood, pairFleet, sendCheckIn, tally } from '../src/fleet.ts'
import {
  createPrivatePostgres,
  privatePostgresUnavailable,
  type PrivatePostgres,
} from '../src/private-postgres.ts'

const unavailable = process.env.DATABASE_URL_TEST ? privatePostgresUnavailable() : 'needs DATABASE_URL_TEST'
const waitLong = { timeout: 60_000, interval: 100 }

async function healthStatus(url: string): Promise<string> {
  const res = await fetch(`${url}/health`).catch(() => null)
  if (!res) return 'unanswered'
  return ((await res.json()) as { status: string }).status
}

// Its own cluster, so stopping PostgreSQL disturbs no other test's database.
describe.skipIf(unavailable !== null)('PostgreSQL restarting under load', () => {
  let postgres: PrivatePostgres
  let server: ServerUnderTest
  beforeAll(async () => {
    postgres = await createPrivatePostgres('mejabantu_restart', 54329)
    server = await startBuiltServer({ DATABASE_URL: postgres.url, KIOSK_CHECK_INS_PER_MINUTE: '100000' })
  })
  afterAll(async () => {
    await server?.stop()
    await postgres?.drop()
  })

  it('reports degraded while the database is down, reconnects by itself, and loses no acknowledged check-in', async () => {
    const admin = await firstAdmin(server)
    const { kiosks, consentVersion } = await pairFleet(server.url, admin.api, 10)
    const seen: string[] = []
    let watching = true
    const watcher = (async () => {
      while (watching) {
        const status = await healthStatus(server.url)
        if (seen.at(-1) !== status) seen.push(status)
        await sleep(50)
      }
    })()
    let loading = true
    const load = flood(kiosks, consentVersion, 1_000_000, () => loading)

    await sleep(2_000)
    await postgres.stop()
    await expect.poll(() => healthStatus(server.url), waitLong).toBe('degraded')
    await sleep(2_000)
    await postgres.start()
    await expect.poll(() => healthStatus(server.url), waitLong).toBe('ok')
    await sleep(2_000)
    loading = false
    const outcomes = await load
    watching = false
    await watcher

    expect(seen).toEqual(['ok', 'degraded', 'ok'])
    const acknowledged = outcomes.filter((o) => o.result === 'ok')
    const unanswered = outcomes.filter((o) => o.result !== 'ok')
    // The outage refused check-ins with an error the client can retry on; the server never went away.
    expect(unanswered.length).toBeGreaterThan(0)
    expect(unanswered.every((o) => o.httpStatus !== null && o.httpStatus >= 500)).toBe(true)
    expect(acknowledged.length).toBeGreaterThan(0)

    // After the restart check-ins go through again, and retries of the refused ones create no duplicates.
    const retried = await Promise.all(unanswered.map((o) => sendCheckIn(o.kiosk, o.input)))
    expect(tally(retried)).toEqual({ ok: retried.length })

    const db = await openDatabase({ url: postgres.url })
    try {
      const stored = await db.prisma.visit.findMany({ select: { clientId: true, queueNumber: true } })
      expect(stored).toHaveLength(acknowledged.length + unanswered.length)
      const byClient = new Map(stored.map((v) => [v.clientId, v.queueNumber]))
      for (const o of [...acknowledged, ...retried]) expect(byClient.get(o.clientId)).toBe(o.queueNumber)
    } finally {
      await db.close()
    }
  })
})
