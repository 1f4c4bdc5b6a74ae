import { randomUUID } from 'node:crypto'
import { testTargets } from '@mejabantu/db/testing'
import { localDay } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_KIOSK_LIMITS } from '../../src/kiosk/throttle.ts'
import { serveApi, startApi, type ApiFixture } from '../support/api-server.ts'
import {
  checkInInput,
  dataOf,
  guestBookCounts,
  KioskBrowser,
  randomPhone,
  testOffice,
  type TestOffice,
} from '../support/kiosk.ts'

interface Ticket {
  visitId: string
  queueNumber: string
  status: string
  called: boolean
  position: number | null
  estimatedWaitMinutes: number | null
  checkedInAt: Date
  calledAt: Date | null
}

describe.each(testTargets())('kiosk check-in on $kind', (target) => {
  let api: ApiFixture
  beforeAll(async () => {
    api = await startApi(target)
  })
  afterAll(() => api.close())

  /** An office of its own with a paired kiosk: each test starts its queue at 001. */
  async function freshKiosk(): Promise<{ office: TestOffice; kiosk: KioskBrowser }> {
    const office = await testOffice(api.db, api.url)
    return { office, kiosk: await office.kiosk() }
  }

  it("tells the kiosk its office, the office's date and the consent text", async () => {
    const { office, kiosk } = await freshKiosk()
    const info = dataOf<{
      office: { id: string; name: string; timeZone: string }
      today: string
      consent: unknown
    }>(await kiosk.query('kiosk.office'))
    expect(info.office).toMatchObject({ id: office.id, timeZone: 'WIB' })
    expect(info.office.name).toMatch(/^KPU Kabupaten Uji/)
    expect(info.today).toBe(localDay(new Date(), 'WIB'))
    expect(info.consent).toMatchObject({ version: 'default-2024' })
  })

  it('checks a walk-in in: a ticket numbered per lane, a guest, the device, an audit without personal data', async () => {
    const { office, kiosk } = await freshKiosk()
    const input = checkInInput({ guest: { name: 'Siti Aminah', phone: '0812-1111-2222', category: 'media' } })
    const first = dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', input))
    expect(first).toMatchObject({
      queueNumber: 'A-001',
      status: 'menunggu',
      called: false,
      position: 0,
      estimatedWaitMinutes: 0,
    })
    const second = dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', checkInInput()))
    expect(second).toMatchObject({ queueNumber: 'A-002', position: 1, estimatedWaitMinutes: 10 })
    const priority = dataOf<Ticket>(
      await kiosk.mutation('kiosk.checkIn', checkInInput({ priority: 'lansia' })),
    )
    // The priority lane is called first.
    expect(priority).toMatchObject({ queueNumber: 'P-001', position: 0 })

    const visit = await api.db.prisma.visit.findUniqueOrThrow({
      where: { id: first.visitId },
      include: { guest: true },
    })
    expect(visit).toMatchObject({
      officeId: office.id,
      deviceId: kiosk.deviceId,
      clientId: input.clientId,
      queueLane: 'reguler',
      queueSequence: 1,
      status: 'menunggu',
      topic: 'silon',
      consentVersion: 'default-2024',
    })
    expect(visit.guest).toMatchObject({ officeId: office.id, name: 'Siti Aminah', phone: '+6281211112222' })
    expect(visit.serviceDay.toISOString().slice(0, 10)).toBe(localDay(new Date(), 'WIB'))

    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'visit.check_in', targetId: first.visitId },
    })
    expect(audit).toMatchObject({ actorId: null, targetType: 'Visit' })
    expect(audit.after).toMatchObject({ deviceId: kiosk.deviceId, queueNumber: 'A-001', guestCreated: true })
    expect(JSON.stringify(audit.after)).not.toMatch(/Siti|8121111/)
  })

  it('answers a retry with the same visit, number and time, and writes nothing more', async () => {
    const { kiosk } = await freshKiosk()
    const input = checkInInput()
    const first = dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', input))
    const before = await guestBookCounts(api.db)
    // An offline outbox replays the same check-in later, even with other details.
    const retry = dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', { ...input, topic: 'jadwal' }))
    expect(retry).toEqual(first)
    expect(await guestBookCounts(api.db)).toEqual(before)
  })

  it('gives 50 concurrent copies of one check-in, through two server processes, one visit and one number', async () => {
    const { office, kiosk } = await freshKiosk()
    dataOf(await kiosk.mutation('kiosk.checkIn', checkInInput()))
    const second = await serveApi(await api.connectAgain())
    try {
      const twin = new KioskBrowser(second.url, kiosk.deviceToken, kiosk.deviceId)
      const input = checkInInput()
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 ? twin : kiosk).mutation('kiosk.checkIn', input)),
      )
      const tickets = replies.map((r) => dataOf<Ticket>(r))
      expect(new Set(tickets.map((t) => t.visitId)).size).toBe(1)
      expect(new Set(tickets.map((t) => t.queueNumber))).toEqual(new Set(['A-002']))
      expect(new Set(tickets.map((t) => t.checkedInAt.getTime())).size).toBe(1)
      expect(await api.db.prisma.visit.count({ where: { clientId: input.clientId } })).toBe(1)
      expect(await api.db.prisma.auditEvent.count({ where: { targetId: tickets[0]!.visitId } })).toBe(1)
      const counter = await api.db.prisma.queueCounter.findFirstOrThrow({
        where: { officeId: office.id, lane: 'reguler' },
      })
      expect(counter.last).toBe(2)
    } finally {
      await second.close()
    }
  })

  it('gives concurrent check-ins on several devices and processes unique, gapless numbers', async () => {
    const { office, kiosk } = await freshKiosk()
    const other = await office.kiosk()
    const second = await serveApi(await api.connectAgain())
    try {
      const kiosks = [kiosk, new KioskBrowser(second.url, other.deviceToken, other.deviceId)]
      const replies = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          kiosks[i % 2]!.mutation('kiosk.checkIn', checkInInput({ priority: i % 3 === 0 ? 'hamil' : null })),
        ),
      )
      const numbers = replies.map((r) => dataOf<Ticket>(r).queueNumber).sort()
      const expected = [
        ...Array.from({ length: 16 }, (_, i) => `A-${String(i + 1).padStart(3, '0')}`),
        ...Array.from({ length: 8 }, (_, i) => `P-${String(i + 1).padStart(3, '0')}`),
      ]
      expect(numbers).toEqual(expected)
      expect(await api.db.prisma.visit.count({ where: { officeId: office.id } })).toBe(24)
    } finally {
      await second.close()
    }
  })

  it('keeps the time an offline check-in happened today, but not a time in the future', async () => {
    const { kiosk } = await freshKiosk()
    const now = Date.now()
    const todayStart = new Date(`${localDay(new Date(now), 'WIB')}T00:00:00+07:00`).getTime()
    const earlier = new Date(Math.max(todayStart, now - 60 * 60_000))
    const offline = dataOf<Ticket>(
      await kiosk.mutation('kiosk.checkIn', checkInInput({ checkedInAt: earlier })),
    )
    expect(offline.checkedInAt).toEqual(earlier)
    const future = new Date(now + 24 * 60 * 60_000)
    const ahead = dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', checkInInput({ checkedInAt: future })))
    expect(ahead.checkedInAt.getTime()).toBeLessThan(future.getTime())
    expect(ahead.checkedInAt.getTime()).toBeGreaterThanOrEqual(now)
  })

  it('refuses an unknown consent version and bad input, changing nothing', async () => {
    const { kiosk } = await freshKiosk()
    const before = await guestBookCounts(api.db)
    const unknown = await kiosk.mutation('kiosk.checkIn', checkInInput({ consentVersion: 'tidak-ada' }))
    expect([unknown.status, unknown.body.error?.data.rule]).toEqual([400, 'consent.unknown_version'])
    expect(unknown.body.error?.data).toMatchObject({
      params: { version: 'tidak-ada' },
      message: { id: expect.stringContaining('tidak dikenal'), en: expect.stringContaining('unknown') },
    })
    const badPhone = await kiosk.mutation(
      'kiosk.checkIn',
      checkInInput({ guest: { name: 'Ani', phone: 'abc', category: 'lo' } }),
    )
    expect([badPhone.status, badPhone.body.error?.data.rule]).toEqual([400, 'input.invalid'])
    expect(await guestBookCounts(api.db)).toEqual(before)
  })

  it('refuses every copy of a refused check-in that arrives at once, from staff or a kiosk', async () => {
    const { office, kiosk } = await freshKiosk()
    const staff = await office.as('petugas')
    const before = await guestBookCounts(api.db)
    const unknown = checkInInput({ consentVersion: 'tidak-ada' })
    const replies = await Promise.all([
      ...Array.from({ length: 4 }, () => staff.mutation('visits.checkIn', unknown)),
      ...Array.from({ length: 4 }, () =>
        kiosk.mutation(
          'kiosk.checkIn',
          checkInInput({ consentVersion: 'tidak-ada', clientId: unknown.clientId }),
        ),
      ),
    ])
    expect(replies.map((r) => r.body.error?.data.rule)).toEqual(Array(8).fill('consent.unknown_version'))
    expect(await guestBookCounts(api.db)).toEqual(before)
  })

  it("refuses a client id another office's visit already has", async () => {
    const { kiosk } = await freshKiosk()
    const { kiosk: theirs } = await freshKiosk()
    const input = checkInInput()
    dataOf(await theirs.mutation('kiosk.checkIn', input))
    const before = await guestBookCounts(api.db)
    const reply = await kiosk.mutation('kiosk.checkIn', {
      ...input,
      guest: { ...input.guest, phone: randomPhone() },
    })
    expect([reply.status, reply.body.error?.data.rule]).toEqual([409, 'visit.client_id_taken'])
    expect(await guestBookCounts(api.db)).toEqual(before)
  })

  describe('rate limit per device', () => {
    const limitKey = (deviceId: string, action: string) => `kiosk:${action}:${deviceId}`

    it('counts check-ins per device in the database', async () => {
      const { kiosk } = await freshKiosk()
      dataOf(await kiosk.mutation('kiosk.checkIn', checkInInput()))
      dataOf(await kiosk.mutation('kiosk.checkIn', checkInInput()))
      const row = await api.db.prisma.rateLimit.findUniqueOrThrow({
        where: { key: limitKey(kiosk.deviceId, 'checkIn') },
      })
      expect(row.failures).toBe(2)
    })

    it('refuses a check-in over the limit with id/en text, but still answers replays and other devices', async () => {
      const { office, kiosk } = await freshKiosk()
      const done = checkInInput()
      const ticket = dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', done))
      await api.db.prisma.rateLimit.update({
        where: { key: limitKey(kiosk.deviceId, 'checkIn') },
        data: { failures: DEFAULT_KIOSK_LIMITS.checkIn, windowStartedAt: new Date() },
      })
      const before = await guestBookCounts(api.db)
      const refused = await kiosk.mutation('kiosk.checkIn', checkInInput())
      expect(refused.status).toBe(429)
      expect(refused.body.error?.data).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        rule: 'kiosk.rate_limited',
        params: { retryAt: expect.any(String), seconds: expect.any(String) },
        message: {
          id: expect.stringContaining('Terlalu banyak permintaan'),
          en: expect.stringContaining('Too many requests'),
        },
      })
      expect(await guestBookCounts(api.db)).toEqual(before)
      expect(dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', done)).visitId).toBe(ticket.visitId)

      const other = await office.kiosk()
      expect((await other.mutation('kiosk.checkIn', checkInInput())).status).toBe(200)
    })

    it('starts a new window once the minute has passed', async () => {
      const { kiosk } = await freshKiosk()
      dataOf(await kiosk.mutation('kiosk.checkIn', checkInInput()))
      await api.db.prisma.rateLimit.update({
        where: { key: limitKey(kiosk.deviceId, 'checkIn') },
        data: { failures: DEFAULT_KIOSK_LIMITS.checkIn, windowStartedAt: new Date(Date.now() - 61_000) },
      })
      dataOf(await kiosk.mutation('kiosk.checkIn', checkInInput()))
      const row = await api.db.prisma.rateLimit.findUniqueOrThrow({
        where: { key: limitKey(kiosk.deviceId, 'checkIn') },
      })
      expect(row.failures).toBe(1)
    })

    it("holds the server's own allowance when it sets one", async () => {
      const { kiosk } = await freshKiosk()
      const strict = await serveApi(api.db, undefined, { kioskLimits: { checkIn: 2 } })
      try {
        const tablet = new KioskBrowser(strict.url, kiosk.deviceToken, kiosk.deviceId)
        for (let i = 0; i < 2; i++) dataOf(await tablet.mutation('kiosk.checkIn', checkInInput()))
        const refused = await tablet.mutation('kiosk.checkIn', checkInInput())
        expect([refused.status, refused.body.error?.data.rule]).toEqual([429, 'kiosk.rate_limited'])
        // The default allowance is larger: the same device on the default server is still within it.
        dataOf(await kiosk.mutation('kiosk.checkIn', checkInInput()))
      } finally {
        await strict.close()
      }
    })

    it('lets exactly the allowance through when a burst over it arrives at once, numbers without gaps', async () => {
      const { kiosk } = await freshKiosk()
      const strict = await serveApi(api.db, undefined, { kioskLimits: { checkIn: 5 } })
      try {
        const tablet = new KioskBrowser(strict.url, kiosk.deviceToken, kiosk.deviceId)
        const copy = checkInInput()
        const inputs = [copy, copy, ...Array.from({ length: 10 }, () => checkInInput())]
        const replies = await Promise.all(inputs.map((input) => tablet.mutation('kiosk.checkIn', input)))
        const accepted = replies.filter((r) => r.status === 200).map((r) => dataOf<Ticket>(r))
        const refused = replies.filter((r) => r.status !== 200)
        expect(
          refused.every((r) => r.status === 429 && r.body.error?.data.rule === 'kiosk.rate_limited'),
        ).toBe(true)
        const numbers = new Set(accepted.map((t) => t.queueNumber))
        expect([...numbers].sort()).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-005'])
        // The two copies of one check-in are one visit: either both answered with it, or both refused.
        expect(replies[0]!.status).toBe(replies[1]!.status)
        const visits = await api.db.prisma.visit.count({ where: { deviceId: kiosk.deviceId } })
        expect(visits).toBe(5)
      } finally {
        await strict.close()
      }
    })

    it('limits phone look-ups too', async () => {
      const { kiosk } = await freshKiosk()
      dataOf(await kiosk.mutation('kiosk.lookup', { phone: randomPhone() }))
      await api.db.prisma.rateLimit.update({
        where: { key: limitKey(kiosk.deviceId, 'lookup') },
        data: { failures: DEFAULT_KIOSK_LIMITS.lookup },
      })
      const refused = await kiosk.mutation('kiosk.lookup', { phone: randomPhone() })
      expect([refused.status, refused.body.error?.data.rule]).toEqual([429, 'kiosk.rate_limited'])
    })
  })

  describe('ticket status', () => {
    it('follows a visit by id and client id: waiting, then called', async () => {
      const { office, kiosk } = await freshKiosk()
      const input = checkInInput()
      const checkedIn = dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', input))
      const ref = { visitId: checkedIn.visitId, clientId: input.clientId }
      expect(dataOf<Ticket>(await kiosk.query('kiosk.ticket', ref))).toEqual(checkedIn)

      dataOf(await (await office.as('petugas')).mutation('queue.callNext'))
      const called = dataOf<Ticket>(await kiosk.query('kiosk.ticket', ref))
      expect(called).toMatchObject({
        status: 'dipanggil',
        called: true,
        position: null,
        estimatedWaitMinutes: null,
      })
      expect(called.calledAt).toBeInstanceOf(Date)
    })

    it("does not show a ticket with the wrong client id, or another office's ticket", async () => {
      const { kiosk } = await freshKiosk()
      const { kiosk: theirs } = await freshKiosk()
      const input = checkInInput()
      const mine = dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', input))
      for (const [browser, ref] of [
        [kiosk, { visitId: mine.visitId, clientId: randomUUID() }],
        [theirs, { visitId: mine.visitId, clientId: input.clientId }],
      ] as const) {
        const reply = await browser.query('kiosk.ticket', ref)
        expect([reply.status, reply.body.error?.data.rule]).toEqual([404, 'visit.notFound'])
      }
    })
  })
})
