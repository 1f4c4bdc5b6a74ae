import { randomUUID } from 'node:crypto'
import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SavedRating } from '../../src/consultations/rating.ts'
import type { ConsultationDetail, ConsultationRecord } from '../../src/consultations/schemas.ts'
import type { PendingRating } from '../../src/kiosk/rating.ts'
import type { RatingForm } from '../../src/publication/rating.ts'
import type { ApiFixture } from '../support/api-server.ts'
import { Browser, dataOf as data, type TrpcReply } from '../support/browser.ts'
import {
  createSheet as create,
  openConsultationDesk,
  signInStaff,
  type Staff,
} from '../support/consultation-fixtures.ts'
import { checkInInput, pairKiosk, randomPhone, type KioskBrowser } from '../support/kiosk.ts'

const refusal = (reply: TrpcReply) => ({ status: reply.status, ...reply.body.error?.data })
const translated = { id: expect.any(String), en: expect.any(String) }

describe.each(testTargets())('the asker’s rating on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let bantul: Staff
  let admin: Staff
  const anyone = (ip = '198.51.100.7') => {
    const browser = new Browser(api.url)
    // From loopback the forwarded address is trusted, as behind the server's reverse proxy.
    const send = (options = {}) => ({ headers: { 'x-forwarded-for': ip }, ...options })
    return {
      query: (path: string, input?: unknown) => browser.query(path, input, send()),
      mutation: (path: string, input?: unknown) => browser.mutation(path, input, send()),
    }
  }

  beforeAll(async () => {
    ;({ api, office, bantul } = await openConsultationDesk(target))
    admin = await signInStaff(api.db, api.url, '34.02', 'admin')
  })
  afterAll(() => api.close())

  const stored = (id: string) =>
    api.db.prisma.consultation.findUniqueOrThrow({ where: { id }, include: { rating: true } })
  const closeSheet = async (sheet: ConsultationRecord, staff = bantul) => {
    data(await staff.mutation('consultations.answer', { id: sheet.id, answer: 'Unggah ulang dalam PDF.' }))
    return data<ConsultationRecord>(await staff.mutation('consultations.close', { id: sheet.id }))
  }
  const closedWithToken = async (overrides: Record<string, unknown> = {}) => {
    const sheet = await create(bantul, overrides)
    await closeSheet(sheet)
    return { sheet, token: (await stored(sheet.id)).ratingToken! }
  }

  describe('through the closing message’s link', () => {
    it('closing sets a secret that no reply, view or audit event carries', async () => {
      const sheet = await create(bantul)
      const closed = await closeSheet(sheet)
      const token = (await stored(sheet.id)).ratingToken
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
      const view = await bantul.query('consultations.get', { id: sheet.id })
      const audits = await api.db.prisma.auditEvent.findMany({ where: { targetId: sheet.id } })
      const trail = audits.map((a) => [a.before, a.after])
      expect(JSON.stringify([closed, view.text, trail])).not.toContain(token)
    })

    it('shows the form without the asker, saves one rating via the link, audited without the comment', async () => {
      const { sheet, token } = await closedWithToken({ topic: 'jadwal' })
      const form = data<RatingForm>(await anyone().query('public.ratingForm', { token }))
      expect(form).toEqual({
        office: { name: 'KPU Kabupaten Bantul', regionCode: '34.02' },
        number: sheet.number,
        topic: 'jadwal',
        topicLabel: { id: 'Jadwal tahapan', en: 'Stage schedule' },
        closedAt: (await stored(sheet.id)).closedAt,
        ratable: true,
        refusal: null,
      })
      expect(JSON.stringify(form)).not.toMatch(/Siti|Rahmawati|0812|SILON|Partai/)

      const saved = data<SavedRating>(
        await anyone().mutation('public.rate', {
          token,
          score: 4,
          comment: '  Jelas, terima kasih Bu Rina. ',
        }),
      )
      expect(saved).toMatchObject({ number: sheet.number, score: 4 })
      expect((await stored(sheet.id)).rating).toMatchObject({
        score: 4,
        comment: 'Jelas, terima kasih Bu Rina.',
        via: 'link',
      })
      const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
        where: { targetId: sheet.id, action: 'consultation.rate' },
      })
      expect(audit).toMatchObject({
        actorId: null,
        officeId: office['34.02'],
        after: { score: 4, via: 'link', commented: true },
      })
      expect(JSON.stringify([audit.before, audit.after])).not.toContain('Rina')

      // Staff read it on the sheet.
      const view = data<ConsultationDetail>(await bantul.query('consultations.get', { id: sheet.id }))
      expect(view.rating).toMatchObject({ score: 4, via: 'link', comment: 'Jelas, terima kasih Bu Rina.' })

      // Once: the form says so, a second rating is refused.
      const again = data<RatingForm>(await anyone().query('public.ratingForm', { token }))
      expect(again).toMatchObject({ ratable: false, refusal: { rule: 'consultation.rating.done' } })
      expect(refusal(await anyone().mutation('public.rate', { token, score: 1 }))).toMatchObject({
        status: 409,
        rule: 'consultation.rating.done',
        message: { id: 'Layanan ini sudah dinilai. Terima kasih.', en: expect.any(String) },
      })
      expect((await stored(sheet.id)).rating?.score).toBe(4)
    })

    it('refuses an unknown token, bad scores and a late rating, translated, changing nothing', async () => {
      const { sheet, token } = await closedWithToken()
      const ratings = () => api.db.prisma.consultationRating.count()
      const before = await ratings()
      expect(
        refusal(
          await anyone().query('public.ratingForm', {
            token: `${token.startsWith('x') ? 'y' : 'x'}${token.slice(1)}`,
          }),
        ),
      ).toEqual(
        expect.objectContaining({
          status: 404,
          rule: 'consultation.rating.linkNotFound',
          message: {
            id: 'Tautan penilaian tidak dikenal. Periksa kembali tautan pada pesan yang Anda terima.',
            en: expect.any(String),
          },
        }),
      )
      for (const input of [
        { token, score: 6 },
        { token, score: 0 },
        { token, score: 3.5 },
        { token, score: '5' },
        { token, score: 5, comment: 'x'.repeat(1001) },
        { token: 'pendek', score: 5 },
        { token: `${token}'--`, score: 5 },
        { token, score: 5, consultationId: sheet.id },
        {},
      ]) {
        const reply = await anyone().mutation('public.rate', input)
        expect(reply.status, JSON.stringify(input)).toBe(400)
        expect(reply.body.error?.data.message).toEqual(translated)
      }
      expect(await ratings()).toBe(before)

      // Thirty days after closing the form is shut.
      await api.db.prisma.consultation.update({
        where: { id: sheet.id },
        data: { closedAt: new Date(Date.now() - 31 * 86_400_000) },
      })
      expect(data<RatingForm>(await anyone().query('public.ratingForm', { token }))).toMatchObject({
        ratable: false,
        refusal: { rule: 'consultation.rating.expired' },
      })
      expect(refusal(await anyone().mutation('public.rate', { token, score: 5 }))).toMatchObject({
        status: 409,
        rule: 'consultation.rating.expired',
        message: translated,
      })
      expect(await ratings()).toBe(before)
    })

    it('holds an address that keeps trying unknown tokens, and audits the tries', async () => {
      const { token } = await closedWithToken()
      const guesser = anyone('203.0.113.99')
      let last: TrpcReply | undefined
      for (let i = 0; i < 21; i++) {
        last = await guesser.query('public.ratingForm', { token: randomUUID().replaceAll('-', '') })
      }
      expect(refusal(last!)).toMatchObject({
        status: 429,
        rule: 'consultation.rating.locked',
        message: translated,
      })
      // Even the right token waits at that address; others are not held.
      expect(refusal(await guesser.query('public.ratingForm', { token }))).toMatchObject({ status: 429 })
      expect((await anyone('203.0.113.100').query('public.ratingForm', { token })).status).toBe(200)
      const failed = await api.db.prisma.auditEvent.count({
        where: { action: 'consultation.rating_link.failed', ip: '203.0.113.99' },
      })
      expect(failed).toBeGreaterThanOrEqual(19)
    })

    it('sends the link in the answer’s mail thread when the sheet came by mail', async () => {
      const sheet = await create(bantul, { channel: 'email', askerContact: 'penanya@contoh.id' })
      await api.db.prisma.mailbox.create({
        data: {
          officeId: office['34.02']!,
          address: 'helpdesk@kpu-bantul.test',
          imapHost: '127.0.0.1',
          imapPort: 1143,
          imapTls: false,
          imapUser: 'helpdesk@kpu-bantul.test',
          imapSecret: 'sealed',
          smtpHost: '127.0.0.1',
          smtpPort: 1025,
          smtpTls: false,
          smtpUser: 'helpdesk@kpu-bantul.test',
          smtpSecret: 'sealed',
          signature: 'Helpdesk Pencalonan KPU Kabupaten Bantul',
        },
      })
      await api.db.prisma.inboundMail.create({
        data: {
          officeId: office['34.02']!,
          messageId: 'tanya-1@contoh.id',
          uidValidity: 1n,
          uid: 1,
          fromAddress: 'penanya@contoh.id',
          subject: 'Unggah dokumen',
          sentAt: new Date(),
          disposition: 'sheet',
          consultationId: sheet.id,
        },
      })
      await closeSheet(sheet)
      const token = (await stored(sheet.id)).ratingToken!
      const mails = await api.db.prisma.outboxMessage.findMany({
        where: { consultationId: sheet.id },
        orderBy: { createdAt: 'asc' },
      })
      expect(mails).toHaveLength(2)
      const closing = mails.find((m) => m.text.includes('/nilai/'))!
      expect(closing).toMatchObject({
        kind: 'consultation_answer',
        recipient: 'penanya@contoh.id',
        inReplyTo: 'tanya-1@contoh.id',
        subject: expect.stringContaining(sheet.number),
      })
      expect(closing.text).toContain(`/nilai/${token}`)
      expect(closing.text).toContain('30 hari')
      expect(mails.filter((m) => m !== closing)[0]!.text).not.toContain('/nilai/')
      await api.db.prisma.mailbox.delete({ where: { officeId: office['34.02']! } })
    })
  })

  describe('at the kiosk', () => {
    let kiosk: KioskBrowser
    let otherKiosk: KioskBrowser
    beforeAll(async () => {
      kiosk = await pairKiosk(admin, api.url)
      otherKiosk = await pairKiosk(admin, api.url)
    })

    /** A guest's first visit, checked in at the kiosk, with a sheet answered and closed at the desk. */
    const firstVisit = async (phone = randomPhone(), name = 'Budi Santoso') => {
      const input = checkInInput({ guest: { name, institution: 'Partai Contoh', phone, category: 'lo' } })
      const { visitId } = data<{ visitId: string }>(await kiosk.mutation('kiosk.checkIn', input))
      const sheet = await create(bantul, { channel: 'tatap_muka', askerName: name, visitId })
      return { phone, name, visitId, sheet: await closeSheet(sheet) }
    }
    const checkIn = async (device: KioskBrowser, phone: string, name = 'Budi Santoso') => {
      const input = checkInInput({ guest: { name, institution: 'Partai Contoh', phone, category: 'lo' } })
      const { visitId } = data<{ visitId: string }>(await device.mutation('kiosk.checkIn', input))
      return { visitId, clientId: input.clientId }
    }

    it('offers a returning guest their closed, unrated sheets, and saves their rating via the kiosk', async () => {
      const { phone, visitId, sheet } = await firstVisit()
      // A second question of that visit, still open: nothing to rate yet.
      await create(bantul, { channel: 'tatap_muka', askerName: 'Budi Santoso', visitId })
      const back = await checkIn(kiosk, phone)
      const pending = data<PendingRating[]>(await kiosk.query('kiosk.pendingRatings', back))
      expect(pending).toEqual([
        {
          consultationId: sheet.id,
          number: sheet.number,
          topic: 'silon',
          topicLabel: { id: 'SILON', en: 'SILON application' },
          closedAt: sheet.closedAt,
        },
      ])
      const saved = data<SavedRating>(
        await kiosk.mutation('kiosk.rate', { ...back, consultationId: sheet.id, score: 5 }),
      )
      expect(saved).toMatchObject({ number: sheet.number, score: 5 })
      expect((await stored(sheet.id)).rating).toMatchObject({ score: 5, via: 'kiosk', comment: null })
      expect(
        await api.db.prisma.auditEvent.findFirstOrThrow({
          where: { targetId: sheet.id, action: 'consultation.rate' },
        }),
      ).toMatchObject({ actorId: null, after: { score: 5, via: 'kiosk', deviceId: kiosk.deviceId } })
      expect(data<PendingRating[]>(await kiosk.query('kiosk.pendingRatings', back))).toEqual([])
      expect(
        refusal(await kiosk.mutation('kiosk.rate', { ...back, consultationId: sheet.id, score: 1 })),
      ).toMatchObject({ status: 409, rule: 'consultation.rating.done' })
    })

    it('rates only sheets of the guest this tablet just checked in', async () => {
      const { phone, sheet } = await firstVisit()
      const stranger = await firstVisit()
      const back = await checkIn(kiosk, phone)
      const before = await api.db.prisma.consultationRating.count()
      const rate = (device: KioskBrowser, input: Record<string, unknown>) =>
        device.mutation('kiosk.rate', { consultationId: sheet.id, score: 5, ...input })

      // Another guest's sheet is not theirs to rate.
      expect(refusal(await rate(kiosk, { ...back, consultationId: stranger.sheet.id }))).toMatchObject({
        status: 404,
        rule: 'consultation.rating.sheetNotFound',
        message: translated,
      })
      // Another tablet, a wrong client id, or a check-in long past: not this tablet's guest now.
      const notFound = { status: 404, rule: 'consultation.rating.visitNotFound', message: translated }
      expect(refusal(await rate(otherKiosk, back))).toMatchObject(notFound)
      expect(refusal(await otherKiosk.query('kiosk.pendingRatings', back))).toMatchObject(notFound)
      expect(refusal(await rate(kiosk, { ...back, clientId: randomUUID() }))).toMatchObject(notFound)
      await api.db.prisma.visit.update({
        where: { id: back.visitId },
        data: { checkedInAt: new Date(Date.now() - 2 * 3_600_000) },
      })
      expect(refusal(await rate(kiosk, back))).toMatchObject(notFound)
      // Staff cannot call it, nor can anyone without a device token.
      expect(
        (await bantul.mutation('kiosk.rate', { ...back, consultationId: sheet.id, score: 5 })).status,
      ).toBe(401)
      for (const input of [
        { ...back, score: 9 },
        { ...back, consultationId: 'LK-1' },
      ]) {
        expect((await rate(kiosk, input)).status).toBe(400)
      }
      expect(await api.db.prisma.consultationRating.count()).toBe(before)
      // The guest checks in again and rates after all.
      const again = await checkIn(kiosk, phone)
      expect((await rate(kiosk, { ...again, comment: 'Cepat.' })).status).toBe(200)
    })
  })
})
