import { randomUUID } from 'node:crypto'
import { applyMigrations, openDatabase, type Database } from '@mejabantu/db'
import { testTargets } from '@mejabantu/db/testing'
import { formatQueueNumber, laneFor, waitingOrder, type PriorityReason } from '@mejabantu/domain'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureFirstRun } from '../../src/offices/first-run.ts'
import { ticketOf, ticketsOf, ticketSelect, waitingEntries } from '../../src/visits/queue-position.ts'

const DAY = new Date('2024-09-06T00:00:00Z')
const BASE = Date.parse('2024-09-06T01:00:00Z')

// Few distinct times, so ties on check-in time (an outbox replaying offline check-ins) are common.
const visitArbitrary = fc.record({
  priority: fc.constantFrom<PriorityReason | null>(null, null, 'lansia', 'hamil'),
  minute: fc.integer({ min: 0, max: 4 }),
  status: fc.constantFrom('menunggu', 'menunggu', 'menunggu', 'dipanggil', 'selesai'),
})

describe.each(testTargets())('a ticket’s place in the queue on $kind', (target) => {
  let db: Database
  let dispose: () => Promise<void>
  let officeId: string
  let guestId: string
  beforeAll(async () => {
    const fresh = await target.create()
    db = await openDatabase(fresh.options)
    dispose = fresh.dispose
    await applyMigrations(db)
    await ensureFirstRun(db)
    officeId = (await db.prisma.office.findUniqueOrThrow({ where: { regionCode: '34.02' } })).id
    guestId = (
      await db.prisma.guest.create({
        data: { officeId, name: 'Pengunjung', phone: '+6281200000001', category: 'pemilih' },
      })
    ).id
  })
  afterAll(async () => {
    await db?.close()
    await dispose?.()
  })

  it('counts the visits ahead exactly as the domain’s calling order ranks them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(visitArbitrary, { minLength: 1, maxLength: 20 }), async (queue) => {
        await db.prisma.visit.deleteMany({ where: { officeId } })
        const sequences = { reguler: 0, prioritas: 0 }
        for (const visit of queue) {
          const lane = laneFor(visit.priority)
          const sequence = ++sequences[lane]
          await db.prisma.visit.create({
            data: {
              clientId: randomUUID(),
              officeId,
              guestId,
              topic: 'silon',
              priority: visit.priority,
              consentVersion: 'v1',
              serviceDay: DAY,
              queueLane: lane,
              queueSequence: sequence,
              queueNumber: formatQueueNumber(lane, sequence),
              status: visit.status,
              // The guest book's time runs against arrival, so the order must come from queuedAt.
              checkedInAt: new Date(BASE - visit.minute * 60_000),
              queuedAt: new Date(BASE + visit.minute * 60_000),
            },
          })
        }
        const order = waitingOrder(await waitingEntries(db.prisma, officeId, DAY)).map((e) => e.id)
        const stored = await db.prisma.visit.findMany({ where: { officeId }, select: ticketSelect })
        const expected = stored.map((v) => (v.status === 'menunggu' ? order.indexOf(v.id) : null))
        // One ticket at a time (each counts those ahead) and all at once (one ranking of the queue).
        const alone = await Promise.all(stored.map((visit) => ticketOf(db.prisma, visit)))
        expect(alone.map((t) => t.position)).toEqual(expected)
        expect((await ticketsOf(db.prisma, stored)).map((t) => t.position)).toEqual(expected)
      }),
      { numRuns: 25 },
    )
  })
})
