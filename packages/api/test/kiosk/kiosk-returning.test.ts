import { testTargets } from '@mejabantu/db/testing'
import { localDay, maskName } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import type { KioskBrowser } from '../support/kiosk.ts'
import { checkInInput, dataOf, randomPhone, testOffice } from '../support/kiosk.ts'

interface Ticket {
  visitId: string
  queueNumber: string
  position: number | null
  checkedInAt: Date
}

describe.each(testTargets())('returning visitors at the kiosk on $kind', (target) => {
  let api: ApiFixture
  beforeAll(async () => {
    api = await startApi(target)
  })
  afterAll(() => api.close())

  async function freshKiosk(): Promise<{ officeId: string; kiosk: KioskBrowser }> {
    const office = await testOffice(api.db, api.url)
    return { officeId: office.id, kiosk: await office.kiosk() }
  }

  const checkIn = async (kiosk: KioskBrowser, overrides: Record<string, unknown>) =>
    dataOf<Ticket>(await kiosk.mutation('kiosk.checkIn', checkInInput(overrides)))

  const guestOf = (visitId: string) =>
    api.db.prisma.visit.findUniqueOrThrow({ where: { id: visitId }, include: { guest: true } })

  describe('a phone already in the guest book', () => {
    const earlier = { name: 'Bambang Pamungkas', institution: 'Partai Lama', category: 'lo' }

    it('never renames the guest: a new name on a known phone is a new guest', async () => {
      const { officeId, kiosk } = await freshKiosk()
      const phone = randomPhone()
      const first = await checkIn(kiosk, { guest: { ...earlier, phone } })
      const impostor = await checkIn(kiosk, {
        guest: { name: 'Orang Lain', institution: 'Partai Baru', phone, category: 'pemilih' },
      })

      expect((await guestOf(first.visitId)).guest).toMatchObject(earlier)
      const second = await guestOf(impostor.visitId)
      expect(second.guestId).not.toBe((await guestOf(first.visitId)).guestId)
      expect(second.guest).toMatchObject({ name: 'Orang Lain', institution: 'Partai Baru' })
      expect(await api.db.prisma.guest.count({ where: { officeId, phone } })).toBe(2)
    })

    it('signs the guest in again, unchanged, when the masked confirmation or the same name comes back', async () => {
      const { officeId, kiosk } = await freshKiosk()
      const phone = randomPhone()
      const first = await checkIn(kiosk, { guest: { ...earlier, phone } })
      const confirmed = await checkIn(kiosk, {
        guest: { name: maskName(earlier.name), institution: 'Ditimpa', phone, category: 'pemantau' },
      })
      const retyped = await checkIn(kiosk, {
        guest: { name: '  bambang   PAMUNGKAS ', phone, category: 'lo' },
      })

      const visits = await Promise.all([first, confirmed, retyped].map((t) => guestOf(t.visitId)))
      expect(new Set(visits.map((v) => v.guestId)).size).toBe(1)
      expect(visits[0]!.guest).toMatchObject(earlier)
      expect(await api.db.prisma.guest.count({ where: { officeId, phone } })).toBe(1)
      const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
        where: { targetType: 'Visit', targetId: confirmed.visitId },
      })
      expect(audit.after).toMatchObject({ guestCreated: false, guestUpdated: false })
    })
  })

  describe('look-up on the lobby screen', () => {
    it('shows the masked name and phone only, and audits the look-up without the phone', async () => {
      const { kiosk } = await freshKiosk()
      const phone = randomPhone()
      await checkIn(kiosk, {
        guest: { name: 'Budi Santoso', institution: 'Partai Maju', phone, category: 'lo' },
      })

      const reply = await kiosk.mutation('kiosk.lookup', { phone: `0${phone.slice(3)}` })

      expect(dataOf(reply)).toEqual({
        found: true,
        maskedName: 'Bud* S*****',
        maskedPhone: `0${phone.slice(3, 6)}****${phone.slice(-3)}`,
      })
      for (const secret of ['Budi', 'Santoso', 'Partai Maju', '"lo"', phone.slice(3)])
        expect(reply.text).not.toContain(secret)
      const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
        where: { action: 'kiosk.lookup', targetId: kiosk.deviceId },
        orderBy: { id: 'desc' },
      })
      expect(audit.after).toMatchObject({ found: true })
      expect(JSON.stringify([audit.before, audit.after])).not.toContain(phone.slice(3))
    })

    it('answers an unknown phone, or one known only to another office, in the same shape', async () => {
      const { kiosk } = await freshKiosk()
      const { kiosk: theirs } = await freshKiosk()
      const phone = randomPhone()
      await checkIn(theirs, { guest: { name: 'Ani', phone, category: 'lsm' } })
      for (const asked of [phone, randomPhone()]) {
        const found = dataOf<Record<string, unknown>>(await kiosk.mutation('kiosk.lookup', { phone: asked }))
        expect(found).toEqual({
          found: false,
          maskedName: null,
          maskedPhone: expect.stringMatching(/^0812\*{4}\d{3}$/),
        })
      }
    })

    it('refuses something that is not a phone number', async () => {
      const { kiosk } = await freshKiosk()
      const reply = await kiosk.mutation('kiosk.lookup', { phone: '12' })
      expect([reply.status, reply.body.error?.data.rule]).toEqual([400, 'input.invalid'])
    })
  })

  it('queues by when the server received a check-in: a back-dated one keeps its time but waits behind', async () => {
    const { kiosk } = await freshKiosk()
    const waiting = await checkIn(kiosk, {})
    const backDated = new Date(`${localDay(new Date(), 'WIB')}T00:00:01+07:00`)
    const late = await checkIn(kiosk, { checkedInAt: backDated })

    expect(late.checkedInAt).toEqual(backDated)
    expect([waiting.position, late.position]).toEqual([0, 1])
    const ticket = dataOf<Ticket>(
      await kiosk.query('kiosk.ticket', {
        visitId: waiting.visitId,
        clientId: await clientIdOf(waiting.visitId),
      }),
    )
    expect(ticket.position).toBe(0)
  })

  const clientIdOf = async (visitId: string) =>
    (await api.db.prisma.visit.findUniqueOrThrow({ where: { id: visitId } })).clientId
})
