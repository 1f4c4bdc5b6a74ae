import { testTargets } from '@mejabantu/db/testing'
import { Channel, localDay, REDACTED } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationDetail, ConsultationRecord } from '../../src/consultations/schemas.ts'
import type { ApiFixture } from '../support/api-server.ts'
import { dataOf as data, type TrpcReply } from '../support/browser.ts'
import {
  addCandidatePair,
  addVisit,
  createSheet as create,
  openConsultationDesk,
  sheetAudits,
  sheetCounts,
  sheetInput,
  type Staff,
} from '../support/consultation-fixtures.ts'

const refusal = (reply: TrpcReply) => ({ status: reply.status, ...reply.body.error?.data })

describe.each(testTargets())('consultation sheets: create, update, get on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let bantul: Staff
  let bantul2: Staff
  let sleman: Staff
  let diy: Staff
  let pengawas: Staff

  beforeAll(async () => {
    ;({ api, office, bantul, bantul2, sleman, diy, pengawas } = await openConsultationDesk(target))
  })
  afterAll(() => api.close())

  const stored = (id: string) => api.db.prisma.consultation.findUniqueOrThrow({ where: { id } })
  const auditsOf = (id: string) => sheetAudits(api.db, id)
  const counts = () => sheetCounts(api.db)

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
