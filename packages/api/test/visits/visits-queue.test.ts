import { testTargets } from '@mejabantu/db/testing'
import { localDay } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUESTION_PLACEHOLDER } from '../../src/visits/queue-serve.ts'
import { serveApi, startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser } from '../support/browser.ts'
import { checkInInput, dataOf, guestBookCounts, testOffice, type TestOffice } from '../support/kiosk.ts'

interface VisitView {
  id: string
  officeId: string
  queueNumber: string
  status: string
  priority: string | null
  deviceId: string | null
  servedById: string | null
  guest: { name: string; phone: string | null; institution?: string; category: string }
  calledAt: Date | null
  servedAt: Date | null
  checkedOutAt: Date | null
}
interface Ticket {
  visitId: string
  queueNumber: string
}

describe.each(testTargets())('guest book and queue on $kind', (target) => {
  let api: ApiFixture
  beforeAll(async () => {
    api = await startApi(target)
  })
  afterAll(() => api.close())

  /** An office of its own with a signed-in desk: each test has the queue to itself. */
  async function desk(): Promise<{ office: TestOffice; staff: Browser; userId: string }> {
    const office = await testOffice(api.db, api.url)
    const staff = await office.as('petugas')
    const me = dataOf<{ user: { id: string } }>(await staff.query('auth.me'))
    return { office, staff, userId: me.user.id }
  }

  const checkIn = async (staff: Browser, overrides: Record<string, unknown> = {}) =>
    dataOf<Ticket>(await staff.mutation('visits.checkIn', checkInInput(overrides)))
  const callNext = async (staff: Browser) => dataOf<VisitView | null>(await staff.mutation('queue.callNext'))
  const move = async (staff: Browser, path: string, visitId: string) =>
    dataOf<VisitView>(await staff.mutation(path, { visitId }))

  it('lets staff check a visitor in from the console, without a device, audited as them', async () => {
    const { office, staff, userId } = await desk()
    const ticket = await checkIn(staff)
    expect(ticket.queueNumber).toBe('A-001')
    const visit = await api.db.prisma.visit.findUniqueOrThrow({ where: { id: ticket.visitId } })
    expect(visit).toMatchObject({ officeId: office.id, deviceId: null })
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({ where: { targetId: ticket.visitId } })
    expect(audit).toMatchObject({ action: 'visit.check_in', actorId: userId })
  })

  it('calls the priority lane first, then by arrival, and returns null when nobody waits', async () => {
    const { staff, userId } = await desk()
    const a1 = await checkIn(staff)
    const a2 = await checkIn(staff)
    const p1 = await checkIn(staff, { priority: 'disabilitas' })
    const called = [await callNext(staff), await callNext(staff), await callNext(staff)]
    expect(called.map((v) => v?.queueNumber)).toEqual(['P-001', 'A-001', 'A-002'])
    expect(called.map((v) => v?.id)).toEqual([p1.visitId, a1.visitId, a2.visitId])
    expect(called.every((v) => v?.status === 'dipanggil' && v.calledAt instanceof Date)).toBe(true)
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { targetId: p1.visitId, action: 'queue.call' },
    })
    expect(audit).toMatchObject({
      actorId: userId,
      before: { status: 'menunggu' },
      after: { status: 'dipanggil' },
    })

    const before = await guestBookCounts(api.db)
    expect(await callNext(staff)).toBeNull()
    expect(await guestBookCounts(api.db)).toEqual(before)
  })

  it('never lets two desks call the same visitor, even through two server processes', async () => {
    const { office, staff } = await desk()
    const tickets = []
    for (let i = 0; i < 8; i++) tickets.push(await checkIn(staff))
    const second = await serveApi(await api.connectAgain())
    try {
      const otherDesk = await office.as('admin')
      const twin = new Browser(second.url)
      twin.sessionToken = otherDesk.sessionToken
      twin.csrfToken = otherDesk.csrfToken
      const desks = [staff, twin]
      const calls = await Promise.all(Array.from({ length: 10 }, (_, i) => callNext(desks[i % 2]!)))
      const ids = calls.filter((v) => v !== null).map((v) => v.id)
      expect(ids.sort()).toEqual(tickets.map((t) => t.visitId).sort())
      expect(calls.filter((v) => v === null)).toHaveLength(2)
      expect(
        await api.db.prisma.auditEvent.count({ where: { action: 'queue.call', targetId: { in: ids } } }),
      ).toBe(8)
    } finally {
      await second.close()
    }
  })

  it('recalls, marks a no-show, requeues with the same number, and audits each move', async () => {
    const { staff, userId } = await desk()
    const ticket = await checkIn(staff)
    const called = (await callNext(staff))!
    const recalled = await move(staff, 'queue.recall', ticket.visitId)
    expect(recalled.status).toBe('dipanggil')
    expect(recalled.calledAt!.getTime()).toBeGreaterThanOrEqual(called.calledAt!.getTime())

    const missing = await move(staff, 'queue.noShow', ticket.visitId)
    expect(missing.status).toBe('tidak_hadir')
    const back = await move(staff, 'queue.requeue', ticket.visitId)
    expect(back).toMatchObject({ status: 'menunggu', queueNumber: ticket.queueNumber, calledAt: null })
    expect((await callNext(staff))?.id).toBe(ticket.visitId)

    const actions = await api.db.prisma.auditEvent.findMany({
      where: { targetId: ticket.visitId },
      orderBy: { id: 'asc' },
      select: { action: true, actorId: true },
    })
    expect(actions.map((a) => a.action)).toEqual([
      'visit.check_in',
      'queue.call',
      'queue.recall',
      'queue.no_show',
      'queue.requeue',
      'queue.call',
    ])
    expect(actions.every((a) => a.actorId === userId)).toBe(true)
  })

  it('serves a called visitor: the visit is being served by the desk, and a consultation is opened from it', async () => {
    const { office, staff, userId } = await desk()
    const ticket = await checkIn(staff, {
      guest: { name: 'Rina Wulandari', institution: 'Tim Paslon 2', phone: '081298765432', category: 'lo' },
      topic: 'foto',
      purpose: 'Latar foto pasangan calon',
    })
    await callNext(staff)
    const served = dataOf<{ visit: VisitView; consultationId: string; consultationNumber: string }>(
      await staff.mutation('queue.serve', { visitId: ticket.visitId }),
    )
    expect(served.visit).toMatchObject({ status: 'dilayani', servedById: userId })
    expect(served.visit.servedAt).toBeInstanceOf(Date)
    const year = localDay(new Date(), 'WIB').slice(0, 4)
    const office_ = await api.db.prisma.office.findUniqueOrThrow({ where: { id: office.id } })
    expect(served.consultationNumber).toBe(`LK-${office_.regionCode}-${year}-00001`)

    const consultation = await api.db.prisma.consultation.findUniqueOrThrow({
      where: { id: served.consultationId },
    })
    expect(consultation).toMatchObject({
      officeId: office.id,
      number: served.consultationNumber,
      channel: 'tatap_muka',
      askerName: 'Rina Wulandari',
      askerInstitution: 'Tim Paslon 2',
      askerContact: '+6281298765432',
      stakeholderCategory: 'lo',
      topic: 'foto',
      question: 'Latar foto pasangan calon',
      status: 'baru',
      staffId: userId,
      visitId: ticket.visitId,
    })
    const audits = await api.db.prisma.auditEvent.findMany({
      where: {
        targetId: { in: [ticket.visitId, served.consultationId] },
        action: { in: ['queue.serve', 'consultation.create'] },
      },
    })
    expect(audits.map((a) => a.action).sort()).toEqual(['consultation.create', 'queue.serve'])

    // Without a purpose the sheet waits for the question; numbers go on.
    const plain = await checkIn(staff, { purpose: undefined })
    await callNext(staff)
    const second = dataOf<{ consultationId: string; consultationNumber: string }>(
      await staff.mutation('queue.serve', { visitId: plain.visitId }),
    )
    expect(second.consultationNumber).toBe(`LK-${office_.regionCode}-${year}-00002`)
    const sheet = await api.db.prisma.consultation.findUniqueOrThrow({ where: { id: second.consultationId } })
    expect(sheet.question).toBe(QUESTION_PLACEHOLDER)

    const done = await move(staff, 'queue.checkOut', ticket.visitId)
    expect(done.status).toBe('selesai')
    expect(done.checkedOutAt).toBeInstanceOf(Date)
  })

  it('lets only one of two desks serve the same visitor, opening one consultation', async () => {
    const { office, staff } = await desk()
    const ticket = await checkIn(staff)
    await callNext(staff)
    const admin = await office.as('admin')
    const replies = await Promise.all([
      staff.mutation('queue.serve', { visitId: ticket.visitId }),
      admin.mutation('queue.serve', { visitId: ticket.visitId }),
    ])
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409])
    expect(replies.find((r) => r.status === 409)?.body.error?.data.rule).toBe('visit.transition')
    expect(await api.db.prisma.consultation.count({ where: { visitId: ticket.visitId } })).toBe(1)
  })

  it('refuses moves the visit lifecycle forbids, with the statuses named, changing nothing', async () => {
    const { staff } = await desk()
    const waiting = await checkIn(staff)
    const before = await guestBookCounts(api.db)
    for (const path of ['queue.recall', 'queue.noShow', 'queue.requeue', 'queue.serve', 'queue.checkOut']) {
      const reply = await staff.mutation(path, { visitId: waiting.visitId })
      const rule = path === 'queue.recall' ? 'visit.recall' : 'visit.transition'
      expect([reply.status, reply.body.error?.data.rule], path).toEqual([409, rule])
      expect(reply.body.error?.data.params).toMatchObject({ from: 'menunggu' })
      expect(reply.body.error?.data.message).toMatchObject({
        id: expect.stringContaining('Menunggu'),
        en: expect.stringContaining('Waiting'),
      })
    }
    const unknown = await staff.mutation('queue.serve', { visitId: '00000000-0000-4000-8000-000000000000' })
    expect([unknown.status, unknown.body.error?.data.rule]).toEqual([404, 'visit.notFound'])
    const bad = await staff.mutation('queue.serve', { visitId: 'A-001' })
    expect([bad.status, bad.body.error?.data.rule]).toEqual([400, 'input.invalid'])
    expect(await guestBookCounts(api.db)).toEqual(before)
  })

  it("refuses another office's staff and read-only roles, changing nothing", async () => {
    const { office, staff } = await desk()
    const ticket = await checkIn(staff)
    await callNext(staff)
    const other = await testOffice(api.db, api.url)
    const stranger = await other.as('petugas')
    const pimpinan = await office.as('pimpinan')
    const before = await guestBookCounts(api.db)
    for (const path of ['queue.recall', 'queue.noShow', 'queue.serve']) {
      const reply = await stranger.mutation(path, { visitId: ticket.visitId })
      expect([reply.status, reply.body.error?.data.rule], path).toEqual([403, 'tenancy.office'])
    }
    for (const [path, input] of [
      ['visits.today', { officeId: office.id }],
      ['queue.board', { officeId: office.id }],
    ] as const) {
      const reply = await stranger.query(path, input)
      expect([reply.status, reply.body.error?.data.rule], path).toEqual([403, 'tenancy.office'])
    }
    // Their own callNext never reaches our queue.
    expect(await callNext(stranger)).toBeNull()
    for (const reply of [
      await pimpinan.mutation('queue.callNext'),
      await pimpinan.mutation('visits.checkIn', checkInInput()),
      await pimpinan.mutation('queue.noShow', { visitId: ticket.visitId }),
    ]) {
      expect([reply.status, reply.body.error?.data.rule]).toEqual([403, 'auth.forbidden'])
    }
    expect(await guestBookCounts(api.db)).toEqual(before)
  })

  it("lists today's guest book: the desk's visits, the waiting ones in calling order, then the rest; with filters", async () => {
    const { office, staff } = await desk()
    const done = await checkIn(staff)
    const absent = await checkIn(staff)
    const atDesk = await checkIn(staff)
    const called = await checkIn(staff)
    for (let i = 0; i < 4; i++) await callNext(staff)
    const a5 = await checkIn(staff)
    const a6 = await checkIn(staff)
    const p1 = await checkIn(staff, { priority: 'hamil' })
    dataOf(await staff.mutation('queue.serve', { visitId: done.visitId }))
    await move(staff, 'queue.checkOut', done.visitId)
    await move(staff, 'queue.noShow', absent.visitId)
    dataOf(await staff.mutation('queue.serve', { visitId: atDesk.visitId }))

    const pimpinan = await office.as('pimpinan')
    const today = dataOf<{ serviceDay: string; counts: Record<string, number>; visits: VisitView[] }>(
      await pimpinan.query('visits.today'),
    )
    expect(today.serviceDay).toBe(localDay(new Date(), 'WIB'))
    expect(today.counts).toEqual({ menunggu: 3, dipanggil: 1, dilayani: 1, selesai: 1, tidak_hadir: 1 })
    expect(today.visits.map((v) => v.id)).toEqual([
      called.visitId,
      atDesk.visitId,
      p1.visitId,
      a5.visitId,
      a6.visitId,
      absent.visitId,
      done.visitId,
    ])
    expect(today.visits[0]!.guest).toMatchObject({ name: 'Budi Santoso', category: 'lo' })

    const waiting = dataOf<{ visits: VisitView[]; counts: Record<string, number> }>(
      await staff.query('visits.today', { status: ['menunggu', 'tidak_hadir'] }),
    )
    expect(waiting.visits.map((v) => v.queueNumber)).toEqual(['P-001', 'A-005', 'A-006', 'A-002'])
    expect(waiting.counts.selesai).toBe(1)
  })

  it('shows the waiting room the called numbers and the next ones, and no names', async () => {
    const { office, staff } = await desk()
    for (let i = 0; i < 8; i++) await checkIn(staff)
    await checkIn(staff, { priority: 'lansia' })
    await callNext(staff)
    await callNext(staff)
    const tv = await office.as('pengawas')
    const reply = await tv.query('queue.board')
    const board = dataOf<{ called: { queueNumber: string }[]; next: string[]; waiting: number }>(reply)
    expect(board.called.map((c) => c.queueNumber)).toEqual(['A-001', 'P-001'])
    expect(board.next).toEqual(['A-002', 'A-003', 'A-004', 'A-005', 'A-006'])
    expect(board.waiting).toBe(7)
    expect(reply.text).not.toContain('Budi')
    expect(reply.text).not.toContain('+62')
  })
})
