import { randomUUID } from 'node:crypto'
import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_CONSENT_TEXT } from '../../src/kiosk/consent-default.ts'
import { bookingPolicy } from '../../src/appointments/public-book.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser, type TrpcReply } from '../support/browser.ts'
import { dataOf, randomPhone, testOffice, type TestOffice } from '../support/kiosk.ts'
import { testClock } from '../support/nomination.ts'

interface Slots {
  days: string[]
  day: string | null
  slots: { startsAt: Date; time: string; free: number }[]
  topics: { code: string }[]
}
interface Booked {
  code: string
  startsAt: Date
}
interface Ticket {
  visitId: string
  queueNumber: string
  status: string
}

const refusal = (reply: TrpcReply) => ({ status: reply.status, rule: reply.body.error?.data.rule })
// Tuesday 8 December 2026: the test's "now" is 07:00 WIB that morning, before the first slot.
const DAY = '2026-12-08'
const atTen = new Date('2026-12-08T03:00:00Z')

describe.each(testTargets())('appointments on $kind', (target) => {
  let api: ApiFixture
  const clock = testClock()
  beforeAll(async () => {
    api = await startApi(target, undefined, { clock: clock.now })
  })
  afterAll(() => api.close())

  let ipCount = 0
  /** A visitor of the public page at an address of its own, so tests do not share its booking allowance. */
  const visitor = () => {
    ipCount += 1
    const browser = new Browser(api.url)
    const headers = { 'x-forwarded-for': `203.0.113.${ipCount}` }
    return {
      query: (path: string, input?: unknown) => browser.query(path, input, { headers }),
      mutation: (path: string, input?: unknown) => browser.mutation(path, input, { headers }),
    }
  }
  const regionOf = async (office: TestOffice) =>
    (await api.db.prisma.office.findUniqueOrThrow({ where: { id: office.id } })).regionCode
  const booking = (overrides: Record<string, unknown> = {}) => ({
    purpose: 'serah_dokumen',
    topic: 'silon',
    guestName: 'Rina Wulandari',
    guestPhone: randomPhone().replace('+62', '0'),
    category: 'lo',
    startsAt: atTen,
    ...overrides,
  })
  const bookPublicly = async (office: TestOffice, overrides: Record<string, unknown> = {}) =>
    visitor().mutation('public.book', { regionCode: await regionOf(office), ...booking(overrides) })

  it('lists the free slots of a working day with the topics, and none of a weekend', async () => {
    clock.set(`${DAY}T07:00`, 'WIB')
    const office = await testOffice(api.db, api.url)
    const regionCode = await regionOf(office)
    const slots = dataOf<Slots>(await visitor().query('public.appointmentSlots', { regionCode }))
    expect(slots.day).toBe(DAY)
    expect(slots.days).not.toContain('2026-12-12')
    expect(slots.slots[0]).toMatchObject({ time: '08:00', free: 2 })
    expect(slots.slots).toHaveLength(16)
    expect(slots.topics.map((t) => t.code)).toContain('silon')
    const weekend = await visitor().query('public.appointmentSlots', { regionCode, day: '2026-12-12' })
    expect(dataOf<Slots>(weekend).slots).toEqual([])
  })

  it('books a slot publicly: a code, the phone normalised, audited without actor or name', async () => {
    clock.set(`${DAY}T07:00`, 'WIB')
    const office = await testOffice(api.db, api.url)
    const booked = dataOf<Booked>(await bookPublicly(office, { guestPhone: '0812-7000-1234' }))
    expect(booked.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    expect(new Date(booked.startsAt)).toEqual(atTen)
    const stored = await api.db.prisma.appointment.findUniqueOrThrow({ where: { code: booked.code } })
    expect(stored).toMatchObject({ officeId: office.id, guestPhone: '+6281270001234', status: 'dipesan' })
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'appointment.book', targetId: stored.id },
    })
    expect(audit.actorId).toBeNull()
    expect(JSON.stringify(audit.after)).not.toMatch(/Rina|6281270001234/)
  })

  it('fills a slot at its capacity, and refuses the past, a time off the grid and an unknown topic', async () => {
    clock.set(`${DAY}T07:00`, 'WIB')
    const office = await testOffice(api.db, api.url)
    expect((await bookPublicly(office)).status).toBe(200)
    expect((await bookPublicly(office)).status).toBe(200)
    expect(refusal(await bookPublicly(office))).toEqual({ status: 409, rule: 'appointment.slot.full' })
    const slots = dataOf<Slots>(
      await visitor().query('public.appointmentSlots', { regionCode: await regionOf(office) }),
    )
    expect(slots.slots.map((s) => s.time)).not.toContain('10:00')
    const past = await bookPublicly(office, { startsAt: new Date('2026-12-07T03:00:00Z') })
    expect(refusal(past)).toEqual({ status: 409, rule: 'appointment.slot.past' })
    const offGrid = await bookPublicly(office, { startsAt: new Date('2026-12-08T03:10:00Z') })
    expect(refusal(offGrid)).toEqual({ status: 409, rule: 'appointment.slot.invalid' })
    const topic = await bookPublicly(office, { topic: 'tidak_ada' })
    expect(refusal(topic)).toEqual({ status: 400, rule: 'appointment.topicUnknown' })
  })

  it('limits public bookings per address', async () => {
    clock.set(`${DAY}T07:00`, 'WIB')
    const office = await testOffice(api.db, api.url)
    const regionCode = await regionOf(office)
    const sameAddress = visitor()
    const replies: TrpcReply[] = []
    for (let i = 0; i <= bookingPolicy.limit; i++) {
      const startsAt = new Date(atTen.getTime() + (i % 8) * 30 * 60_000)
      replies.push(await sameAddress.mutation('public.book', { regionCode, ...booking({ startsAt }) }))
    }
    expect(replies.slice(0, bookingPolicy.limit).every((r) => r.status === 200)).toBe(true)
    expect(refusal(replies.at(-1)!)).toEqual({ status: 429, rule: 'appointment.rateLimited' })
  })

  it('lets staff book by phone, list today with status, and cancel (freeing the slot)', async () => {
    clock.set(`${DAY}T07:00`, 'WIB')
    const office = await testOffice(api.db, api.url)
    const petugas = await office.as('petugas')
    const booked = dataOf<Booked>(
      await petugas.mutation('appointments.create', booking({ guestName: 'Agus Salim' })),
    )
    await bookPublicly(office)
    const today = dataOf<{
      day: string
      appointments: { id: string; code: string; status: string; byStaff: boolean }[]
    }>(await petugas.query('appointments.today'))
    expect(today.day).toBe(DAY)
    expect(today.appointments.map((a) => [a.status, a.byStaff])).toEqual([
      ['dipesan', true],
      ['dipesan', false],
    ])
    const mine = today.appointments.find((a) => a.code === booked.code)!
    expect(dataOf(await petugas.mutation('appointments.cancel', { id: mine.id }))).toEqual({
      id: mine.id,
      status: 'batal',
    })
    expect(refusal(await petugas.mutation('appointments.cancel', { id: mine.id }))).toEqual({
      status: 409,
      rule: 'appointment.notCancellable',
    })
    expect((await bookPublicly(office)).status).toBe(200)
    const other = await testOffice(api.db, api.url)
    const stranger = await other.as('petugas')
    expect(refusal(await stranger.mutation('appointments.cancel', { id: mine.id })).status).toBe(404)
  })

  it('checks a booked guest in at the kiosk of the office, once, with the booking’s data', async () => {
    clock.set(`${DAY}T07:00`, 'WIB')
    const office = await testOffice(api.db, api.url)
    const kiosk = await office.kiosk()
    const booked = dataOf<Booked>(
      await bookPublicly(office, { guestName: 'Rina Wulandari', category: 'media' }),
    )
    const seen = dataOf<{ maskedName: string; topic: string }>(
      await kiosk.mutation('kiosk.appointment', { code: booked.code.toLowerCase() }),
    )
    expect(seen).toMatchObject({ maskedName: 'Rin* W*****', topic: 'silon' })
    expect(JSON.stringify(seen)).not.toMatch(/Rina|\+62/)

    const input = { code: booked.code, clientId: randomUUID(), consentVersion: DEFAULT_CONSENT_TEXT.version }
    const ticket = dataOf<Ticket>(await kiosk.mutation('kiosk.checkInAppointment', input))
    expect(ticket).toMatchObject({ queueNumber: 'A-001', status: 'menunggu' })
    const again = dataOf<Ticket>(await kiosk.mutation('kiosk.checkInAppointment', input))
    expect(again.visitId).toBe(ticket.visitId)

    const stored = await api.db.prisma.appointment.findUniqueOrThrow({ where: { code: booked.code } })
    expect(stored).toMatchObject({ status: 'hadir', visitId: ticket.visitId })
    const visit = await api.db.prisma.visit.findUniqueOrThrow({
      where: { id: ticket.visitId },
      include: { guest: true },
    })
    expect(visit).toMatchObject({ topic: 'silon', deviceId: kiosk.deviceId })
    expect(visit.guest).toMatchObject({ name: 'Rina Wulandari', category: 'media', phone: stored.guestPhone })

    const second = await kiosk.mutation('kiosk.checkInAppointment', { ...input, clientId: randomUUID() })
    expect(refusal(second)).toEqual({ status: 409, rule: 'appointment.alreadyCheckedIn' })
    const listed = dataOf<{ appointments: { status: string; queueNumber: string | null }[] }>(
      await (await office.as('petugas')).query('appointments.today'),
    )
    expect(listed.appointments).toEqual([expect.objectContaining({ status: 'hadir', queueNumber: 'A-001' })])
  })

  it('refuses at the kiosk another office’s code, another day’s booking and a cancelled one', async () => {
    clock.set(`${DAY}T07:00`, 'WIB')
    const office = await testOffice(api.db, api.url)
    const kiosk = await office.kiosk()
    const other = await testOffice(api.db, api.url)
    const elsewhere = dataOf<Booked>(await bookPublicly(other))
    expect(refusal(await kiosk.mutation('kiosk.appointment', { code: elsewhere.code }))).toEqual({
      status: 404,
      rule: 'appointment.notFound',
    })
    const tomorrow = dataOf<Booked>(
      await bookPublicly(office, { startsAt: new Date('2026-12-09T03:00:00Z') }),
    )
    expect(refusal(await kiosk.mutation('kiosk.appointment', { code: tomorrow.code }))).toEqual({
      status: 409,
      rule: 'appointment.notToday',
    })
    const cancelled = dataOf<Booked>(await bookPublicly(office))
    const staff = await office.as('petugas')
    const { id } = await api.db.prisma.appointment.findUniqueOrThrow({ where: { code: cancelled.code } })
    await staff.mutation('appointments.cancel', { id })
    const input = {
      code: cancelled.code,
      clientId: randomUUID(),
      consentVersion: DEFAULT_CONSENT_TEXT.version,
    }
    expect(refusal(await kiosk.mutation('kiosk.checkInAppointment', input))).toEqual({
      status: 409,
      rule: 'appointment.cancelled',
    })
    expect(await api.db.prisma.visit.count({ where: { officeId: office.id } })).toBe(0)
  })
})
