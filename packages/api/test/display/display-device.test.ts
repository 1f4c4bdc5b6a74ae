import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser } from '../support/browser.ts'
import { checkInInput, dataOf, KioskBrowser, testOffice, type TestOffice } from '../support/kiosk.ts'
import { subscribe, type SseEvent } from '../support/sse.ts'
import { publishQueueMove } from '../../src/visits/queue-events.ts'

interface Board {
  office: { name: string; timeZone: string }
  called: { queueNumber: string; desk: string | null; calledAt: Date }[]
  next: string[]
  waiting: number
}

const boardOf = (event: SseEvent | null) => {
  expect(event?.event).toBe('message')
  return event!.data as Board
}

describe.each(testTargets())('the waiting-room display on $kind', (target) => {
  let api: ApiFixture
  let office: TestOffice
  let admin: Browser
  let desk: Browser
  let display: { id: string; token: string }
  let kiosk: KioskBrowser
  beforeAll(async () => {
    api = await startApi(target)
    office = await testOffice(api.db, api.url)
    admin = await office.as('admin')
    desk = await office.as('petugas')
    kiosk = await office.kiosk()
    display = await pairDisplay()
  })
  afterAll(() => api.close())

  async function pairDisplay() {
    const created = dataOf<{ device: { id: string; kind: string }; pairingCode: string }>(
      await admin.mutation('devices.create', { name: 'Layar ruang tunggu', kind: 'display' }),
    )
    expect(created.device.kind).toBe('display')
    const paired = dataOf<{ token: string }>(
      await new Browser(api.url).mutation('kiosk.pair', { code: created.pairingCode }),
    )
    return { id: created.device.id, token: paired.token }
  }

  const checkIn = async () =>
    dataOf<{ queueNumber: string }>(await kiosk.mutation('kiosk.checkIn', checkInInput()))

  it('lists devices with their kind; a kiosk is the default', async () => {
    const devices = dataOf<{ id: string; kind: string }[]>(await admin.query('devices.list'))
    expect(devices.find((d) => d.id === display.id)?.kind).toBe('display')
    expect(devices.find((d) => d.id === kiosk.deviceId)?.kind).toBe('kiosk')
  })

  it('refuses a display token at kiosk procedures, and a kiosk token at the display board', async () => {
    const asKiosk = new KioskBrowser(api.url, display.token, display.id)
    const refused = await asKiosk.mutation('kiosk.checkIn', checkInInput())
    expect([refused.status, refused.body.error?.data.rule]).toEqual([403, 'kiosk.wrong_kind'])
    const office = await asKiosk.query('kiosk.office')
    expect(office.status).toBe(403)

    const wrong = await new Browser(api.url).query('display.board', undefined, {
      headers: { authorization: `Bearer ${kiosk.deviceToken}` },
    })
    expect([wrong.status, wrong.body.error?.data.rule]).toEqual([403, 'kiosk.wrong_kind'])
    const none = await new Browser(api.url).query('display.board')
    expect([none.status, none.body.error?.data.rule]).toEqual([401, 'kiosk.unpaired'])
  })

  it('picks a desk (audited), refuses one the office lacks, and names it on the call', async () => {
    expect(dataOf<{ desks: string[] }>(await desk.query('queue.desks')).desks).toEqual([
      'Meja 1',
      'Meja 2',
      'Meja 3',
    ])
    const tooFar = await desk.mutation('queue.setDesk', { desk: 4 })
    expect([tooFar.status, tooFar.body.error?.data.rule]).toEqual([400, 'desk.unknown'])
    const picked = dataOf<{ mine: string }>(await desk.mutation('queue.setDesk', { desk: 2 }))
    expect(picked.mine).toBe('Meja 2')
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'queue.set_desk' },
      orderBy: { occurredAt: 'desc' },
    })
    expect(audit.after).toEqual({ desk: 'Meja 2' })

    const ticket = await checkIn()
    const called = dataOf<{ id: string; queueNumber: string; desk: string }>(
      await desk.mutation('queue.callNext'),
    )
    expect(called).toMatchObject({ queueNumber: ticket.queueNumber, desk: 'Meja 2' })
    const today = dataOf<{ visits: { queueNumber: string; desk: string | null }[] }>(
      await desk.query('visits.today'),
    )
    expect(today.visits.find((v) => v.queueNumber === ticket.queueNumber)?.desk).toBe('Meja 2')

    // Recalled from another desk, the guest is now sent there.
    await desk.mutation('queue.setDesk', { desk: 3 })
    const recalled = dataOf<{ desk: string }>(await desk.mutation('queue.recall', { visitId: called.id }))
    expect(recalled.desk).toBe('Meja 3')
  })

  it("lets the admin set the office's desk count in its settings, which the desk picker offers", async () => {
    const updated = dataOf<{ deskCount: number }>(
      await admin.mutation('admin.offices.update', { id: office.id, deskCount: 4 }),
    )
    expect(updated.deskCount).toBe(4)
    expect(dataOf<{ desks: string[] }>(await desk.query('queue.desks')).desks).toHaveLength(4)
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'office.update', targetId: office.id },
      orderBy: { occurredAt: 'desc' },
    })
    expect([audit.before, audit.after]).toMatchObject([{ deskCount: 3 }, { deskCount: 4 }])
    const tooMany = await admin.mutation('admin.offices.update', { id: office.id, deskCount: 31 })
    expect(tooMany.status).toBe(400)
  })

  it('pushes a new board on check-in and on a call, with the desk and no names, auditing no read', async () => {
    const stream = await subscribe(api.url, 'display.board', { connectionParams: { token: display.token } })
    expect(stream.status).toBe(200)
    try {
      const auditBefore = await api.db.prisma.auditEvent.count()
      const first = boardOf(await nextBoard(stream))
      expect(first.office.name).toMatch(/KPU Kabupaten Uji/)
      // Connecting and reading the board wrote no audit event.
      expect(await api.db.prisma.auditEvent.count()).toBe(auditBefore)

      const ticket = await checkIn()
      const waiting = boardOf(await nextBoard(stream))
      expect(waiting.next).toContain(ticket.queueNumber)
      expect(waiting.waiting).toBe(first.waiting + 1)

      await desk.mutation('queue.setDesk', { desk: 2 })
      const auditAfterDesk = await api.db.prisma.auditEvent.count()
      await desk.mutation('queue.callNext')
      const called = boardOf(await nextBoard(stream))
      expect(called.called[0]).toMatchObject({ queueNumber: ticket.queueNumber, desk: 'Meja 2' })
      expect(called.next).not.toContain(ticket.queueNumber)
      expect(JSON.stringify(called)).not.toContain('Budi')
      // The call wrote its event; the boards pushed around it wrote none.
      expect(await api.db.prisma.auditEvent.count()).toBe(auditAfterDesk + 1)
    } finally {
      stream.close()
    }
  })

  it("hears another server process's moves (NOTIFY on PostgreSQL, the one process's bus on PGlite)", async () => {
    const stream = await subscribe(api.url, 'display.board', { connectionParams: { token: display.token } })
    const otherProcess = await api.connectAgain()
    try {
      const before = boardOf(await nextBoard(stream))
      // Give the stream's LISTEN connection a moment to be up before the other process speaks.
      await new Promise((resolve) => setTimeout(resolve, 500))
      const ticket = dataOf<{ queueNumber: string }>(await kiosk.mutation('kiosk.checkIn', checkInInput()))
      await boardOf(await nextBoard(stream))
      // A move written by the other connection alone, announced only from there.
      await otherProcess.prisma.visit.updateMany({
        where: { officeId: office.id, queueNumber: ticket.queueNumber },
        data: { status: 'dipanggil', calledAt: new Date(), desk: 'Meja 3' },
      })
      await publishQueueMove(otherProcess, office.id)
      const after = boardOf(await nextBoard(stream))
      expect(after.called[0]).toMatchObject({ queueNumber: ticket.queueNumber, desk: 'Meja 3' })
      expect(after.waiting).toBe(before.waiting)
    } finally {
      stream.close()
      if (otherProcess !== api.db) await otherProcess.close()
    }
  })

  it('ends the stream once the display is revoked', async () => {
    const own = await pairDisplay()
    const stream = await subscribe(api.url, 'display.board', { connectionParams: { token: own.token } })
    try {
      boardOf(await nextBoard(stream))
      await admin.mutation('devices.revoke', { id: own.id })
      await checkIn()
      const last = await nextBoard(stream)
      expect(last?.event).toBe('serialized-error')
      expect(JSON.stringify(last?.data)).toContain('kiosk.revoked')
    } finally {
      stream.close()
    }
  })
})

/** The next board or error, skipping tRPC's own `connected` and `ping` events. */
async function nextBoard(stream: { next(timeoutMs?: number): Promise<SseEvent | null> }) {
  for (;;) {
    const event = await stream.next()
    if (event && (event.event === 'connected' || event.event === 'ping')) continue
    return event
  }
}
