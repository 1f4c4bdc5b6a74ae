import { testTargets } from '@mejabantu/db/testing'
import { localDay } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { autoCheckOut, endOfServiceDay } from '../../src/visits/auto-checkout.ts'
import { dateColumn } from '../../src/visits/day.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser } from '../support/browser.ts'
import { checkInInput, dataOf, KioskBrowser, testOffice, type TestOffice } from '../support/kiosk.ts'

interface Pairing {
  token: string
  device: { id: string; name: string; offlinePrefix: string | null }
}
interface Ticket {
  visitId: string
  queueNumber: string
}
interface InBuilding {
  serviceDay: string
  count: number
  visitors: { visitId: string; queueNumber: string; provisionalNumber: string | null; name: string }[]
}

const DAY_MS = 86_400_000

describe.each(testTargets())(
  'waiting room: offline tickets and who is in the building on $kind',
  (target) => {
    let api: ApiFixture
    beforeAll(async () => {
      api = await startApi(target)
    })
    afterAll(() => api.close())

    /** Creates a device in the office and pairs a tablet with its code: the pairing answer and the tablet. */
    async function pair(office: TestOffice): Promise<{ pairing: Pairing; kiosk: KioskBrowser }> {
      const admin = await office.as('admin')
      const created = dataOf<{ pairingCode: string; device: { id: string } }>(
        await admin.mutation('devices.create', { name: 'Kios lobi' }),
      )
      const pairing = dataOf<Pairing>(
        await new Browser(api.url).mutation('kiosk.pair', { code: created.pairingCode }),
      )
      return { pairing, kiosk: new KioskBrowser(api.url, pairing.token, created.device.id) }
    }

    it('gives each tablet of an office its own offline prefix, in the pairing answer and kiosk.office', async () => {
      const office = await testOffice(api.db, api.url)
      const first = await pair(office)
      const [second, third] = await Promise.all([pair(office), pair(office)])
      const prefixes = [first, second, third].map((p) => p.pairing.device.offlinePrefix)
      expect(prefixes[0]).toBe('L1')
      expect([...prefixes].sort()).toEqual(['L1', 'L2', 'L3'])
      const info = dataOf<{ offlinePrefix: string | null }>(await second.kiosk.query('kiosk.office'))
      expect(info.offlinePrefix).toBe(second.pairing.device.offlinePrefix)
      const stored = await api.db.prisma.kioskDevice.findUniqueOrThrow({
        where: { id: first.pairing.device.id },
      })
      expect(stored.offlinePrefix).toBe('L1')
      // A tablet paired before prefixes existed gets the next free one when it asks for its office.
      await api.db.prisma.kioskDevice.update({
        where: { id: third.pairing.device.id },
        data: { offlinePrefix: null },
      })
      const late = dataOf<{ offlinePrefix: string | null }>(await third.kiosk.query('kiosk.office'))
      expect(late.offlinePrefix).toBe(third.pairing.device.offlinePrefix)
      expect(
        await api.db.prisma.auditEvent.count({
          where: { action: 'device.offline_prefix', targetId: third.pairing.device.id },
        }),
      ).toBe(1)
      // Another office counts from L1 again.
      const elsewhere = await pair(await testOffice(api.db, api.url))
      expect(elsewhere.pairing.device.offlinePrefix).toBe('L1')
    })

    it('keeps the provisional number a synced offline check-in carried, beside the real one', async () => {
      const office = await testOffice(api.db, api.url)
      const { kiosk } = await pair(office)
      const offline = checkInInput({ provisionalNumber: 'L1-003', checkedInAt: new Date() })
      const ticket = dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', offline))
      expect(ticket.queueNumber).toBe('A-001')
      // A replay of the same check-in is the same visit, number and provisional number.
      expect(dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', offline)).visitId).toBe(ticket.visitId)
      const online = dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', checkInInput()))
      const staff = await office.as('petugas')
      const today = dataOf<{
        visits: { id: string; queueNumber: string; provisionalNumber: string | null }[]
      }>(await staff.query('visits.today'))
      const byId = new Map(today.visits.map((v) => [v.id, v]))
      expect(byId.get(ticket.visitId)).toMatchObject({ queueNumber: 'A-001', provisionalNumber: 'L1-003' })
      expect(byId.get(online.visitId)).toMatchObject({ queueNumber: 'A-002', provisionalNumber: null })
      const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
        where: { targetId: ticket.visitId, action: 'visit.check_in' },
      })
      expect(audit.after).toMatchObject({ queueNumber: 'A-001', provisionalNumber: 'L1-003' })
    })

    it('refuses a provisional number of another shape', async () => {
      const office = await testOffice(api.db, api.url)
      const { kiosk } = await pair(office)
      for (const provisionalNumber of ['L-001', 'A-001', 'L123-001', 'L1-01']) {
        const reply = await kiosk.mutation('kiosk.checkIn', checkInInput({ provisionalNumber }))
        expect(reply.status, provisionalNumber).toBe(400)
      }
    })

    it('lists who is in the building: checked in today and not checked out, with a count', async () => {
      const office = await testOffice(api.db, api.url)
      const staff = await office.as('petugas')
      const stays = dataOf<Ticket>(
        await staff.mutation('visits.checkIn', checkInInput({ guest: guest('Siti Aminah') })),
      )
      const leaves = dataOf<Ticket>(await staff.mutation('visits.checkIn', checkInInput()))
      const yesterday = dataOf<Ticket>(await staff.mutation('visits.checkIn', checkInInput()))
      await api.db.prisma.visit.update({
        where: { id: yesterday.visitId },
        data: { serviceDay: dateColumn(localDay(new Date(Date.now() - DAY_MS), 'WIB')) },
      })
      // The first caller is the first in line: serve and check them out at the desk.
      const called = dataOf<{ id: string }>(await staff.mutation('queue.callNext'))
      expect(called.id).toBe(stays.visitId)
      await staff.mutation('queue.serve', { visitId: stays.visitId })
      const out = dataOf<{ checkOutKind: string | null; checkedOutAt: Date | null }>(
        await staff.mutation('queue.checkOut', { visitId: stays.visitId }),
      )
      expect(out).toMatchObject({ checkOutKind: 'staff' })
      const inside = dataOf<InBuilding>(await (await office.as('pimpinan')).query('visits.inBuilding'))
      expect(inside.count).toBe(1)
      expect(inside.visitors.map((v) => v.visitId)).toEqual([leaves.visitId])
      expect(inside.visitors[0]).toMatchObject({ queueNumber: 'A-002', name: 'Budi Santoso' })
    })

    it('checks out only earlier days at their end, once, as one system event per office and day', async () => {
      const office = await testOffice(api.db, api.url)
      const staff = await office.as('petugas')
      const tickets = [] as Ticket[]
      for (let i = 0; i < 4; i++)
        tickets.push(dataOf<Ticket>(await staff.mutation('visits.checkIn', checkInInput())))
      const [earlier, alsoEarlier, dayBefore, today] = tickets as [Ticket, Ticket, Ticket, Ticket]
      const now = new Date()
      const day = (daysAgo: number) => localDay(new Date(now.getTime() - daysAgo * DAY_MS), 'WIB')
      for (const [ticket, daysAgo] of [
        [earlier, 1],
        [alsoEarlier, 1],
        [dayBefore, 2],
      ] as const) {
        await api.db.prisma.visit.update({
          where: { id: ticket.visitId },
          data: { serviceDay: dateColumn(day(daysAgo)) },
        })
      }
      const [first, second] = await Promise.all([autoCheckOut(api.db, now), autoCheckOut(api.db, now)])
      const ours = [...first!, ...second!].filter((d) => d.officeId === office.id)
      expect(ours.sort((a, b) => a.serviceDay.localeCompare(b.serviceDay))).toEqual([
        { officeId: office.id, serviceDay: day(2), visits: 1 },
        { officeId: office.id, serviceDay: day(1), visits: 2 },
      ])
      expect((await autoCheckOut(api.db, now)).filter((d) => d.officeId === office.id)).toEqual([])
      const visits = await api.db.prisma.visit.findMany({ where: { officeId: office.id } })
      const byId = new Map(visits.map((v) => [v.id, v]))
      expect(byId.get(earlier.visitId)).toMatchObject({
        checkOutKind: 'otomatis',
        checkedOutAt: endOfServiceDay(day(1), 'WIB'),
      })
      expect(byId.get(dayBefore.visitId)!.checkedOutAt).toEqual(endOfServiceDay(day(2), 'WIB'))
      expect(byId.get(today.visitId)).toMatchObject({ checkedOutAt: null, checkOutKind: null })
      const audits = await api.db.prisma.auditEvent.findMany({
        where: { action: 'visit.auto_check_out', officeId: office.id },
      })
      expect(audits).toHaveLength(2)
      expect(audits.every((a) => a.actorId === null && a.targetId === office.id)).toBe(true)
      expect(audits.map((a) => a.after)).toContainEqual(
        expect.objectContaining({ serviceDay: day(1), visits: 2 }),
      )
    })

    it('ends a service day at local midnight of the office', () => {
      expect(endOfServiceDay('2026-12-07', 'WIB').toISOString()).toBe('2026-12-07T16:59:59.999Z')
      expect(endOfServiceDay('2026-12-31', 'WIT').toISOString()).toBe('2026-12-31T14:59:59.999Z')
    })
  },
)

function guest(name: string) {
  return { name, phone: '0812-5555-0101', category: 'lo' }
}
