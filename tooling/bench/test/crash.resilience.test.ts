import { setTimeout as sleep } from 'node:timers/promises'
import { firstAdmin } from '@mejabantu/e2e'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flood, pairFleet, sendCheckIn, tally } from '../src/fleet.ts'
import { startTarget, targetKinds, type ServerTarget } from '../src/targets.ts'

describe.each(targetKinds())('kill -9 during check-ins on %s', (kind) => {
  let target: ServerTarget
  beforeAll(async () => {
    // Rate limits are not under test here: retries after the restart must not meet them.
    target = await startTarget(kind, { KIOSK_CHECK_INS_PER_MINUTE: '100000' })
  })
  afterAll(() => target?.dispose())

  it('keeps every acknowledged check-in, and clients retrying with their ids create no duplicates', async () => {
    const admin = await firstAdmin(target.server)
    const { kiosks, consentVersion } = await pairFleet(target.server.url, admin.api, 20)
    let alive = true
    const running = flood(kiosks, consentVersion, 100_000, () => alive)
    await sleep(3_000)
    await target.server.crash()
    alive = false
    const outcomes = await running
    const acknowledged = outcomes.filter((o) => o.result === 'ok')
    const unanswered = outcomes.filter((o) => o.result !== 'ok')
    expect(acknowledged.length).toBeGreaterThan(50)
    expect(unanswered.every((o) => o.result === 'failed' && o.httpStatus === null)).toBe(true)

    await target.restart()
    // Every client sends again what it got no answer for, and some send an answered one again too.
    const retried = await Promise.all(unanswered.map((o) => sendCheckIn(o.kiosk, o.input)))
    expect(tally(retried)).toEqual(retried.length ? { ok: retried.length } : {})
    const resent = await Promise.all(acknowledged.slice(0, 40).map((o) => sendCheckIn(o.kiosk, o.input)))
    expect(resent.map((o) => o.queueNumber)).toEqual(acknowledged.slice(0, 40).map((o) => o.queueNumber))

    await target.server.stop({ keepData: true })
    const db = await target.openDatabase()
    try {
      const stored = await db.prisma.visit.findMany({ select: { clientId: true, queueNumber: true } })
      const byClient = new Map(stored.map((v) => [v.clientId, v.queueNumber]))
      expect(stored).toHaveLength(acknowledged.length + unanswered.length)
      for (const o of acknowledged) expect(byClient.get(o.clientId)).toBe(o.queueNumber)
      for (const o of retried) expect(byClient.get(o.clientId)).toBe(o.queueNumber)
      expect(new Set(stored.map((v) => v.queueNumber)).size).toBe(stored.length)
    } finally {
      await db.close()
    }
  })
})
