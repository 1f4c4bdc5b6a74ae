import { testTargets } from '@mejabantu/db/testing'
import { Channel, localDay, REDACTED } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationDetail, ConsultationRecord } from '../src/services/consultation-schemas.ts'
import { startApi, type ApiFixture } from './support/api-server.ts'
import { dataOf as data, type TrpcReply } from './support/browser.ts'
import {
  addCandidatePair,
  addVisit,
  seedOffices,
  sheetInput,
  signInStaff,
  type Staff,
} from './support/consultation-fixtures.ts'

const refusal = (reply: TrpcReply) => ({ status: reply.status, ...reply.body.error?.data })

describe.each(testTargets())('consultations on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let bantul: Staff
  let bantul2: Staff
  let sleman: Staff
  let diy: Staff
  let ri: Staff
  let pengawas: Staff

  beforeAll(async () => {
    api = await startApi(target)
    office = await seedOffices(api.db)
    ;[bantul, bantul2, sleman, diy, ri, pengawas] = await Promise.all([
      signInStaff(api.db, api.url, '34.02', 'petugas'),
      signInStaff(api.db, api.url, '34.02', 'petugas'),
      signInStaff(api.db, api.url, '34.04', 'petugas'),
      signInStaff(api.db, api.url, '34', 'petugas'),
      signInStaff(api.db, api.url, '00', 'petugas'),
      signInStaff(api.db, api.url, '34.02', 'pengawas'),
    ])
  })
  afterAll(() => api.close())

  const create = async (staff: Staff, overrides: Record<string, unknown> = {}) =>
    data<ConsultationRecord>(await staff.mutation('consultations.create', sheetInput(overrides)))
  const stored = (id: string) => api.db.prisma.consultation.findUniqueOrThrow({ where: { id } })
  const auditsOf = (id: string) =>
    api.db.prisma.auditEvent.findMany({
      where: { targetType: 'Consultation', targetId: id },
      orderBy: { id: 'asc' },
    })
  const counts = async () => ({
    consultations: await api.db.prisma.consultation.count(),
    counters: await api.db.prisma.consultationCounter.findMany({
      orderBy: [{ officeId: 'asc' }, { year: 'asc' }],
    }),
    audits: await api.db.prisma.auditEvent.count(),
  })

  describe('create', () => {
    it.each(Channel.values)(
      'records a sheet from the %s channel, numbered, dated now, by its creator',
      async (channel) => {
        const before = Date.now()
        const sheet = await create(bantul, { channel })
        const year = localDay(sheet.occurredAt, 'WIB').slice(0, 4)

        expect(sheet).toMatchObject({
          officeId: office['34.02'],
          channel,
          status: 'baru',
          staffId: bantul.userId,
          askerName: 'Siti Rahmawati',
          participants: [],
          firstResponseAt: null,
        })
        expect(sheet.number).toMatch(new RegExp(`^LK-34\\.02-${year}-\\d{5}$`))
        expect(sheet.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
        expect(sheet.occurredAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
        const [audit] = await auditsOf(sheet.id)
        expect(audit).toMatchObject({
          action: 'consultation.create',
          actorId: bantul.userId,
          // The trail names the asker's fields but never holds their values (UU PDP erasure reaches no copy).
          after: expect.objectContaining({ number: sheet.number, channel, askerName: REDACTED }),
        })
      },
    )

    it('keeps the participants and minutes of a group chat or an online meeting', async () => {
      const participants = [{ name: 'Andi', institution: 'Partai A', category: 'lo' }, { name: 'Rina' }]
      const sheet = await create(bantul, {
        channel: 'pertemuan_daring',
        participants,
        minutes: 'Notulen rapat.',
      })
      expect(sheet).toMatchObject({ participants, minutes: 'Notulen rapat.' })
      expect((await stored(sheet.id)).participants).toEqual(participants)
    })

    it('numbers sheets per office and per year of the consultation, without gaps under concurrency', async () => {
      const year = Number(localDay(new Date(), 'WIB').slice(0, 4))
      const counter = () =>
        api.db.prisma.consultationCounter.findUnique({
          where: { officeId_year: { officeId: office['34.02']!, year } },
        })
      const start = (await counter())?.last ?? 0
      const sheets = await Promise.all(Array.from({ length: 8 }, () => create(bantul)))
      const sequences = sheets.map((s) => Number(s.number.slice(-5))).sort((a, b) => a - b)
      expect(sequences).toEqual(Array.from({ length: 8 }, (_, i) => start + i + 1))
      expect((await counter())?.last).toBe(start + 8)

      const elsewhere = await create(sleman)
      expect(elsewhere.number).toMatch(/^LK-34\.04-\d{4}-\d{5}$/)
      const backdated = await create(bantul, { occurredAt: new Date('2023-12-31T16:59:00Z') })
      expect(backdated.number).toBe('LK-34.02-2023-00001') // 23.59 WIB on 31 December 2023
      const newYear = await create(bantul, { occurredAt: new Date('2023-12-31T17:00:00Z') })
      expect(newYear.number).toBe('LK-34.02-2024-00001') // 00.00 WIB on 1 January 2024
    })

    it('links a visit and a candidate pair of its own office, shown on the sheet', async () => {
      const visitId = await addVisit(api.db, office['34.02']!)
      const candidatePairId = await addCandidatePair(api.db, office['34.02']!)
      const sheet = await create(bantul, { visitId, candidatePairId })
      const detail = data<ConsultationDetail>(await bantul.query('consultations.get', { id: sheet.id }))
      expect(detail.visit?.id).toBe(visitId)
      expect(detail.candidatePair).toMatchObject({
        id: candidatePairId,
        pathway: 'partai',
        candidates: [
          { role: 'kepala', fullName: 'Calon Kepala' },
          { role: 'wakil', fullName: 'Calon Wakil' },
        ],
      })
    })

    it.each([
      ['a visit of another office', 'visitId', 'consultation.visit.notFound'],
      ['a candidate pair of another office', 'candidatePairId', 'consultation.candidatePair.notFound'],
    ] as const)('refuses to link %s, writing nothing', async (_case, field, rule) => {
      const foreign =
        field === 'visitId'
          ? await addVisit(api.db, office['34.04']!)
          : await addCandidatePair(api.db, office['34.04']!)
      const before = await counts()
      const reply = await bantul.mutation('consultations.create', sheetInput({ [field]: foreign }))
      expect(refusal(reply)).toMatchObject({ status: 404, rule, params: { [field]: foreign } })
      expect(await counts()).toEqual(before)
    })

    it('refuses a consultation dated in the future, and invalid input, writing nothing', async () => {
      const before = await counts()
      const future = await bantul.mutation(
        'consultations.create',
        sheetInput({ occurredAt: new Date(Date.now() + 60 * 60_000) }),
      )
      expect(refusal(future)).toMatchObject({ status: 400, rule: 'consultation.occurredAt.future' })
      const invalid = await bantul.mutation(
        'consultations.create',
        sheetInput({ channel: 'fax', question: ' ' }),
      )
      expect(refusal(invalid)).toMatchObject({ status: 400, rule: 'input.invalid' })
      expect(await counts()).toEqual(before)
    })

    it('refuses roles without consultation.write', async () => {
      const reply = await pengawas.mutation('consultations.create', sheetInput())
      expect(refusal(reply)).toMatchObject({
        status: 403,
        rule: 'auth.forbidden',
        params: { permission: 'consultation.write' },
      })
    })
  })

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

  describe('update', () => {
    it('fixes typos on an open sheet, audited with the values before and after', async () => {
      const sheet = await create(bantul, { channel: 'grup_pesan', participants: [{ name: 'Andi' }] })
      const fixed = data<ConsultationRecord>(
        await bantul2.mutation('consultations.update', {
          id: sheet.id,
          askerName: 'Siti Rahmawaty',
          askerContact: null,
          participants: [{ name: 'Andi' }, { name: 'Rina' }],
          minutes: 'Notulen grup.',
        }),
      )
      expect(fixed).toMatchObject({
        askerName: 'Siti Rahmawaty',
        askerInstitution: 'Partai Contoh',
        participants: [{ name: 'Andi' }, { name: 'Rina' }],
        minutes: 'Notulen grup.',
        question: sheet.question,
      })
      expect(fixed.askerContact).toBeUndefined()
      const audit = (await auditsOf(sheet.id)).at(-1)!
      expect(audit).toMatchObject({
        action: 'consultation.update',
        actorId: bantul2.userId,
        before: { askerName: REDACTED, askerContact: REDACTED, participants: REDACTED, minutes: null },
        after: { askerName: REDACTED, askerContact: null, participants: REDACTED, minutes: REDACTED },
      })
      expect(Object.keys(audit.after as object).sort()).toEqual([
        'askerContact',
        'askerName',
        'minutes',
        'participants',
      ])
      // The trigger keeps the search vector current.
      const [hit] = await api.db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "Consultation"
        WHERE "id" = ${sheet.id}::uuid AND "search" @@ websearch_to_tsquery('simple', 'Rahmawaty')`
      expect(hit!.n).toBe(1)
    })

    it('refuses a closed sheet, another office, an empty change and pengawas, changing nothing', async () => {
      const sheet = await create(bantul)
      await bantul.mutation('consultations.answer', { id: sheet.id, answer: 'Jawaban' })
      const open = await create(bantul)
      await bantul.mutation('consultations.close', { id: sheet.id })
      const before = [await stored(sheet.id), await stored(open.id)]
      const audits = await api.db.prisma.auditEvent.count()

      expect(
        refusal(await bantul.mutation('consultations.update', { id: sheet.id, question: 'Baru?' })),
      ).toMatchObject({
        status: 409,
        rule: 'consultation.closed',
        params: { number: sheet.number },
      })
      expect(
        refusal(await sleman.mutation('consultations.update', { id: open.id, question: 'Baru?' })),
      ).toMatchObject({
        status: 403,
        rule: 'tenancy.office',
      })
      expect(
        refusal(await diy.mutation('consultations.update', { id: open.id, question: 'Baru?' })),
      ).toMatchObject({
        status: 403,
        rule: 'tenancy.office',
      })
      expect(refusal(await bantul.mutation('consultations.update', { id: open.id }))).toMatchObject({
        status: 400,
        rule: 'input.invalid',
      })
      expect(
        refusal(await pengawas.mutation('consultations.update', { id: open.id, question: 'Baru?' })),
      ).toMatchObject({
        status: 403,
        rule: 'auth.forbidden',
      })
      expect([await stored(sheet.id), await stored(open.id)]).toEqual(before)
      expect(await api.db.prisma.auditEvent.count()).toBe(audits)
    })
  })

  describe('get', () => {
    it('shows the sheet with its offices, people and history, to readers of its office', async () => {
      const sheet = await create(bantul)
      await bantul.mutation('consultations.update', { id: sheet.id, question: 'Pertanyaan yang diperbaiki?' })
      await bantul.mutation('consultations.answer', { id: sheet.id, answer: 'Jawaban' })

      const reply = await pengawas.query('consultations.get', { id: sheet.id })
      const detail = data<ConsultationDetail>(reply)
      expect(detail).toMatchObject({
        consultation: { id: sheet.id, question: 'Pertanyaan yang diperbaiki?', status: 'dijawab' },
        office: { regionCode: '34.02', name: 'KPU Kabupaten Bantul', timeZone: 'WIB' },
        referredToOffice: null,
        staff: { id: bantul.userId },
        answeredBy: { id: bantul.userId },
        visit: null,
        candidatePair: null,
        attachments: [],
      })
      expect(detail.history.map((h) => [h.action, h.actor?.id])).toEqual([
        ['consultation.create', bantul.userId],
        ['consultation.update', bantul.userId],
        ['consultation.answer', bantul.userId],
      ])
      expect(detail.history[1]!.after).toEqual({ question: REDACTED })
      // An observer's reads are themselves on the record.
      await expect(
        api.db.prisma.auditEvent.count({
          where: { actorId: pengawas.userId, action: 'read', targetType: 'Consultation', targetId: sheet.id },
        }),
      ).resolves.toBeGreaterThan(0)
    })

    it('refuses an unknown id and a malformed one', async () => {
      expect(
        refusal(await bantul.query('consultations.get', { id: '00000000-0000-4000-8000-000000000001' })),
      ).toMatchObject({
        status: 404,
        rule: 'consultation.notFound',
      })
      expect(refusal(await bantul.query('consultations.get', { id: "' OR 1=1 --" }))).toMatchObject({
        status: 400,
        rule: 'input.invalid',
      })
    })
  })
})
