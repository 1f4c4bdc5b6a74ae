import { firstAdmin } from '@mejabantu/e2e'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flood, pairFleet, tally } from '../src/fleet.ts'
import { startTarget, targetKinds, type ServerTarget } from '../src/targets.ts'

const CLIENTS = 200
const PER_CLIENT = 50

describe.each(targetKinds())('a flood of check-ins on %s', (kind) => {
  let target: ServerTarget
  beforeAll(async () => {
    target = await startTarget(kind)
  })
  afterAll(() => target?.dispose())

  it(`takes ${CLIENTS * PER_CLIENT} check-ins from ${CLIENTS} kiosks at once: every one a visit with a number of its own, no 5xx`, async () => {
    const admin = await firstAdmin(target.server)
    const { kiosks, consentVersion } = await pairFleet(target.server.url, admin.api, CLIENTS)
    const outcomes = await flood(kiosks, consentVersion, PER_CLIENT)

    const errors = () =>
      target.server
        .output()
        .split('\n')
        .filter((line) => line.includes('"level":50'))
    const why = [...outcomes.flatMap((o) => o.reason ?? []).slice(0, 5), ...errors().slice(0, 5)]
    expect(tally(outcomes), why.join('\n')).toEqual({ ok: CLIENTS * PER_CLIENT })
    const numbers = new Set(outcomes.map((o) => o.queueNumber))
    expect(numbers.size).toBe(CLIENTS * PER_CLIENT)

    await target.server.stop({ keepData: true })
    const db = await target.openDatabase()
    try {
      expect(await db.prisma.visit.count()).toBe(CLIENTS * PER_CLIENT)
      const shared = await db.prisma.$queryRaw<unknown[]>`
        SELECT "officeId", "serviceDay", "queueNumber" FROM "Visit"
        GROUP BY 1, 2, 3 HAVING count(*) > 1`
      expect(shared).toEqual([])
      const stored = await db.prisma.visit.findMany({ select: { clientId: true, queueNumber: true } })
      const answered = new Map(outcomes.map((o) => [o.clientId, o.queueNumber]))
      expect(stored.every((v) => answered.get(v.clientId) === v.queueNumber)).toBe(true)
    } finally {
      await db.close()
    }
  })
})
