import { testTargets } from '@mejabantu/db/testing'
import { REDACTED } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationDetail, ConsultationRecord } from '../../src/consultations/schemas.ts'
import type { ApiFixture } from '../support/api-server.ts'
import { dataOf as data, type TrpcReply } from '../support/browser.ts'
import {
  createSheet as create,
  openConsultationDesk,
  sheetAudits,
  type Staff,
} from '../support/consultation-fixtures.ts'

const refusal = (reply: TrpcReply) => ({ status: reply.status, ...reply.body.error?.data })

describe.each(testTargets())('answering, closing and referring consultations on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let bantul: Staff
  let bantul2: Staff
  let sleman: Staff
  let diy: Staff
  let ri: Staff

  beforeAll(async () => {
    ;({ api, office, bantul, bantul2, sleman, diy, ri } = await openConsultationDesk(target))
  })
  afterAll(() => api.close())

  const stored = (id: string) => api.db.prisma.consultation.findUniqueOrThrow({ where: { id } })
  const auditsOf = (id: string) => sheetAudits(api.db, id)

  describe('answer and close', () => {
    it('answers, then closes; audited with before and after; first response stamped once', async () => {
      const sheet = await create(bantul)
      const answered = data<ConsultationRecord>(
        await bantul2.mutation('consultations.answer', {
          id: sheet.id,
          answer: 'Unggah ulang dalam format PDF.',
          legalBasis: 'PKPU 8/2024 Pasal 20',
        }),
      )
      expect(answered).toMatchObject({
        status: 'dijawab',
        answer: 'Unggah ulang dalam format PDF.',
        legalBasis: 'PKPU 8/2024 Pasal 20',
        answeredById: bantul2.userId,
        staffId: bantul.userId,
      })
      expect(answered.firstResponseAt).toEqual(answered.answeredAt)

      const closed = data<ConsultationRecord>(await bantul.mutation('consultations.close', { id: sheet.id }))
      expect(closed).toMatchObject({ status: 'selesai', firstResponseAt: answered.firstResponseAt })
      expect(closed.closedAt).toBeInstanceOf(Date)

      const audits = await auditsOf(sheet.id)
      expect(audits.map((a) => a.action)).toEqual([
        'consultation.create',
        'consultation.answer',
        'consultation.close',
      ])
      expect(audits[1]).toMatchObject({
        actorId: bantul2.userId,
        before: { status: 'baru', answer: null, firstResponseAt: null },
        after: { status: 'dijawab', answer: REDACTED },
      })
      expect(audits[2]).toMatchObject({ before: { status: 'dijawab' }, after: { status: 'selesai' } })
    })

    it.each([
      ['close a new sheet', 'baru', 'consultations.close', {}],
      ['answer an answered sheet', 'dijawab', 'consultations.answer', { answer: 'Lagi' }],
      ['answer a closed sheet', 'selesai', 'consultations.answer', { answer: 'Lagi' }],
      ['refer a closed sheet', 'selesai', 'consultations.refer', { note: 'Rujuk' }],
    ] as const)(
      'refuses to %s with the typed transition, changing nothing',
      async (_case, status, path, extra) => {
        const sheet = await create(bantul)
        if (status !== 'baru')
          await bantul.mutation('consultations.answer', { id: sheet.id, answer: 'Jawaban' })
        if (status === 'selesai') await bantul.mutation('consultations.close', { id: sheet.id })
        const before = await stored(sheet.id)
        const audits = (await auditsOf(sheet.id)).length

        const reply = await bantul.mutation(path, { id: sheet.id, ...extra })
        expect(refusal(reply)).toMatchObject({
          status: 409,
          rule: 'consultation.transition',
          params: { from: status, action: path.split('.')[1] },
          message: { id: expect.stringContaining('Konsultasi berstatus'), en: expect.any(String) },
        })
        expect(await stored(sheet.id)).toEqual(before)
        expect(await auditsOf(sheet.id)).toHaveLength(audits)
      },
    )

    it('refuses another office, and an unknown sheet', async () => {
      const sheet = await create(bantul)
      for (const [path, extra] of [
        ['consultations.answer', { answer: 'Jawaban' }],
        ['consultations.refer', { note: 'Rujuk' }],
        ['consultations.close', {}],
      ] as const) {
        const reply = await sleman.mutation(path, { id: sheet.id, ...extra })
        expect(refusal(reply)).toMatchObject({ status: 403, rule: 'tenancy.office' })
      }
      const unknown = '00000000-0000-4000-8000-000000000000'
      expect(refusal(await bantul.mutation('consultations.close', { id: unknown }))).toMatchObject({
        status: 404,
        rule: 'consultation.notFound',
      })
      expect((await stored(sheet.id)).status).toBe('baru')
      expect(await auditsOf(sheet.id)).toHaveLength(1)
    })
  })

  describe('referral up the office tree', () => {
    it('goes to the parent office, is answered there, read throughout by the origin, closed at home', async () => {
      const sheet = await create(bantul)
      const referred = data<ConsultationRecord>(
        await bantul.mutation('consultations.refer', { id: sheet.id, note: 'Perlu tafsir KPU Provinsi.' }),
      )
      expect(referred).toMatchObject({
        status: 'dirujuk',
        referredToOfficeId: office['34'],
        referralNote: 'Perlu tafsir KPU Provinsi.',
      })
      expect(referred.firstResponseAt).toEqual(referred.referredAt)

      const inbox = data<{ items: { id: string; office: { regionCode: string } }[]; total: number }>(
        await diy.query('consultations.inbox'),
      )
      expect(inbox.items.map((i) => i.id)).toContain(sheet.id)
      expect(inbox.items.find((i) => i.id === sheet.id)?.office.regionCode).toBe('34.02')
      const bantulInbox = data<{ items: { id: string }[] }>(await bantul.query('consultations.inbox'))
      expect(bantulInbox.items.map((i) => i.id)).not.toContain(sheet.id)

      // While referred, the origin reads it but the parent office holds it.
      expect(
        refusal(await bantul.mutation('consultations.answer', { id: sheet.id, answer: 'x' })),
      ).toMatchObject({
        status: 403,
        rule: 'tenancy.office',
      })
      expect(
        data<ConsultationDetail>(await diy.query('consultations.get', { id: sheet.id })).consultation.status,
      ).toBe('dirujuk')

      const answered = data<ConsultationRecord>(
        await diy.mutation('consultations.answer', { id: sheet.id, answer: 'Jawaban KPU Provinsi.' }),
      )
      expect(answered).toMatchObject({
        status: 'dijawab',
        answeredById: diy.userId,
        firstResponseAt: referred.firstResponseAt,
      })
      expect(
        data<{ items: { id: string }[] }>(await diy.query('consultations.inbox')).items.map((i) => i.id),
      ).not.toContain(sheet.id)

      const detail = data<ConsultationDetail>(await bantul.query('consultations.get', { id: sheet.id }))
      expect(detail.consultation.answer).toBe('Jawaban KPU Provinsi.')
      expect(detail.answeredBy).toEqual({
        id: diy.userId,
        displayName: expect.stringContaining('Yogyakarta'),
      })
      expect(detail.referredToOffice?.regionCode).toBe('34')
      expect(refusal(await diy.mutation('consultations.close', { id: sheet.id }))).toMatchObject({
        status: 403,
        rule: 'tenancy.office',
      })
      expect(
        data<ConsultationRecord>(await bantul.mutation('consultations.close', { id: sheet.id })).status,
      ).toBe('selesai')
      expect(
        data<ConsultationDetail>(await diy.query('consultations.get', { id: sheet.id })).consultation.status,
      ).toBe('selesai')
      expect(refusal(await sleman.query('consultations.get', { id: sheet.id }))).toMatchObject({
        status: 403,
        rule: 'tenancy.office',
      })
    })

    it('is referred further up to KPU RI, which has no parent to refer to', async () => {
      const sheet = await create(bantul)
      await bantul.mutation('consultations.refer', { id: sheet.id, note: 'Ke Provinsi.' })
      const up = data<ConsultationRecord>(
        await diy.mutation('consultations.refer', { id: sheet.id, note: 'Ke KPU RI.' }),
      )
      expect(up).toMatchObject({
        status: 'dirujuk',
        referredToOfficeId: office['00'],
        referralNote: 'Ke KPU RI.',
      })
      expect(
        data<{ items: { id: string }[] }>(await ri.query('consultations.inbox')).items.map((i) => i.id),
      ).toContain(sheet.id)
      // The province handled it on the way and still follows it; Bantul, where it started, too.
      expect((await diy.query('consultations.get', { id: sheet.id })).status).toBe(200)
      expect((await bantul.query('consultations.get', { id: sheet.id })).status).toBe(200)
      expect(
        refusal(await diy.mutation('consultations.answer', { id: sheet.id, answer: 'x' })),
      ).toMatchObject({
        status: 403,
        rule: 'tenancy.office',
      })

      const before = await stored(sheet.id)
      const top = await ri.mutation('consultations.refer', { id: sheet.id, note: 'Ke atas lagi.' })
      expect(refusal(top)).toMatchObject({ status: 400, rule: 'consultation.refer.noParent' })
      expect(await stored(sheet.id)).toEqual(before)
      expect(
        data<ConsultationRecord>(
          await ri.mutation('consultations.answer', { id: sheet.id, answer: 'Jawaban RI.' }),
        ).status,
      ).toBe('dijawab')

      const own = await create(ri)
      expect(refusal(await ri.mutation('consultations.refer', { id: own.id, note: 'x' }))).toMatchObject({
        status: 400,
        rule: 'consultation.refer.noParent',
        message: { id: 'Kantor ini tidak memiliki kantor atasan untuk rujukan.' },
      })
    })

    it('keeps inboxes within scope', async () => {
      expect(refusal(await bantul.query('consultations.inbox', { officeId: office['34'] }))).toMatchObject({
        status: 403,
        rule: 'tenancy.office',
      })
    })
  })
})
