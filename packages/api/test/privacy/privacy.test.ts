import { testTargets } from '@mejabantu/db/testing'
import { ANONYMISED_NAME, type ReportContent } from '@mejabantu/domain'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PersonExport, PersonMatch } from '../../src/privacy/schemas.ts'
import { NO_COPIES } from '../../src/privacy/erase-everywhere.ts'
import { runRetentionEverywhere } from '../../src/privacy/retention.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf as data, type TrpcReply } from '../support/browser.ts'
import { seedOffices, signInStaff, type Staff } from '../support/consultation-fixtures.ts'
import { guestVisiting, RINA_PII, storedGuest } from '../support/privacy-fixtures.ts'

const refusal = (reply: TrpcReply) => ({ status: reply.status, rule: reply.body.error?.data.rule })
const september = { from: '2024-09-01', to: '2024-09-30' }
// Pilkada 2024's nomination stage ends when the ballot-number draw of 23 September 2024 (WIB) is over.
const stageEnd = new Date('2024-09-23T17:00:00Z')
const daysAfterEnd = (days: number) => new Date(stageEnd.getTime() + days * 24 * 60 * 60_000)

describe.each(testTargets())('guest-book retention and UU PDP requests on $kind', (target) => {
  let api: ApiFixture
  let officeId: string
  let admin: Staff
  let petugas: Staff
  const visitOn = (at: Date, phone: string, consent?: string) =>
    guestVisiting(api.db, officeId, at, phone, consent)
  const counts = async () => ({
    guests: await api.db.prisma.guest.count(),
    visits: await api.db.prisma.visit.count(),
    sheets: await api.db.prisma.consultation.count(),
  })
  const runAt = async (at: Date) =>
    (await runRetentionEverywhere(api.db, at)).find((r) => r.officeId === officeId)!

  beforeAll(async () => {
    api = await startApi(target)
    officeId = (await seedOffices(api.db))['34.02']!
    ;[admin, petugas] = await Promise.all([
      signInStaff(api.db, api.url, '34.02', 'admin'),
      signInStaff(api.db, api.url, '34.02', 'petugas'),
    ])
    data(
      await admin.mutation('elections.create', {
        name: 'Pilkada 2024 Bantul',
        kind: 'bupati',
        regionCode: '34.02',
        year: 2024,
      }),
    )
  })
  afterAll(() => api.close())

  it('keeps everything until the period is over, sooner for a guest whose consent promised less', async () => {
    await api.db.prisma.consentText.create({
      data: {
        version: 'bantul-30-hari',
        officeId,
        effectiveFrom: new Date('2024-01-01'),
        retentionDays: 30,
        bodyId: 'Data disimpan paling lama 30 hari setelah tahapan pencalonan berakhir.',
        bodyEn: 'Data is kept for at most 30 days after the nomination stage ends.',
      },
    })
    const office90 = await visitOn(new Date('2024-09-06T03:00:00Z'), '+6281300000010')
    const consent30 = await visitOn(new Date('2024-09-06T04:00:00Z'), '+6281300000011', 'bantul-30-hari')

    expect(await runAt(new Date(daysAfterEnd(30).getTime() - 60_000))).toMatchObject({
      cutoff: null,
      anonymised: { guests: 0, visits: 0, consultations: 0 },
    })
    expect((await storedGuest(api.db, consent30)).anonymisedAt).toBeNull()

    expect(await runAt(daysAfterEnd(30))).toMatchObject({
      cutoff: null,
      anonymised: { guests: 1, visits: 1, consultations: 1 },
    })
    expect(await storedGuest(api.db, consent30)).toMatchObject({ name: ANONYMISED_NAME, phone: null })
    expect(await runAt(new Date(daysAfterEnd(90).getTime() - 60_000))).toMatchObject({
      anonymised: { guests: 0 },
    })
    const kept = await storedGuest(api.db, office90)
    expect(kept).toMatchObject({ name: 'Rina Marlina', phone: '+6281300000010', anonymisedAt: null })
    expect(kept.visits[0]!.purpose).toBe('Tanya akun SILON milik Rina')
    expect(kept.visits[0]!.consultations[0]!.askerName).toBe('Rina Marlina')
  })

  it('anonymises guests last seen before the cutoff, keeping every visit, sheet and count', async () => {
    const old = await visitOn(new Date('2024-09-06T03:00:00Z'), '+6281300000001')
    const recent = await visitOn(new Date(), '+6281300000002')
    const { rebuildDailySummaries } = await import('../../src/reports/daily-summary.ts')
    await api.db.prisma.dailySummary.deleteMany()
    await rebuildDailySummaries(api.db)
    const reportBefore = data<ReportContent>(await admin.query('reports.draft', september))
    const before = await counts()

    const result = data(await admin.mutation('privacy.runRetention'))
    // Rina of the 90-day test above and `old`: both last seen in September 2024.
    expect(result).toEqual({
      cutoff: stageEnd,
      anonymised: { ...NO_COPIES, appointments: 0, guests: 2, visits: 2, consultations: 2 },
    })
    expect(await counts()).toEqual(before)
    const reportAfter = data<ReportContent>(await admin.query('reports.draft', september))
    expect(reportAfter.own).toEqual(reportBefore.own)
    expect(reportAfter.visits).toEqual(reportBefore.visits)

    const gone = await storedGuest(api.db, old)
    expect(gone).toMatchObject({ name: ANONYMISED_NAME, institution: null, phone: null, email: null })
    expect(gone).toMatchObject({ category: 'lo', officeId, createdAt: new Date('2024-09-06T03:00:00Z') })
    expect(gone.anonymisedAt).toBeInstanceOf(Date)
    expect(gone.visits[0]).toMatchObject({ purpose: null, topic: 'silon', queueNumber: 'A-0001' })
    expect(gone.visits[0]!.consultations[0]).toMatchObject({
      askerName: ANONYMISED_NAME,
      askerInstitution: null,
      askerContact: null,
      question: 'Akun SILON terkunci.',
    })
    expect(JSON.stringify(gone)).not.toMatch(RINA_PII)
    expect(await storedGuest(api.db, recent)).toMatchObject({ phone: '+6281300000002', anonymisedAt: null })

    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'privacy.retention', actorId: admin.userId },
    })
    expect(audit.after).toMatchObject({ guests: 2, visits: 2, consultations: 2, retentionDays: 90 })
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(RINA_PII)

    const anonymisedAt = gone.anonymisedAt
    expect(data(await admin.mutation('privacy.runRetention'))).toMatchObject({ anonymised: { guests: 0 } })
    expect((await runRetentionEverywhere(api.db, new Date())).every((r) => r.anonymised.guests === 0)).toBe(
      true,
    )
    expect(await counts()).toEqual(before)
    expect((await storedGuest(api.db, old)).anonymisedAt).toEqual(anonymisedAt)
  })

  it('finds a person by phone in any usual form or by name, masked, then exports and erases their data', async () => {
    const guestId = await visitOn(new Date(), '+6281377778888')
    const byPhone = data<PersonMatch[]>(await admin.mutation('privacy.find', { query: '0813-7777-8888' }))
    expect(byPhone).toEqual([
      expect.objectContaining({
        kind: 'guest',
        guestId,
        maskedName: 'Rin* M*****',
        maskedPhone: '0813****888',
        visits: 1,
        sheets: 1,
      }),
    ])
    expect(JSON.stringify(byPhone)).not.toMatch(RINA_PII)
    const byName = data<PersonMatch[]>(await admin.mutation('privacy.find', { query: 'marlina' }))
    expect(byName.map((m) => m.guestId)).toContain(guestId)
    expect(data<PersonMatch[]>(await admin.mutation('privacy.find', { query: ANONYMISED_NAME }))).toEqual([])

    const exported = data<PersonExport>(await admin.mutation('privacy.export', { guestId }))
    expect(exported.office).toMatchObject({ regionCode: '34.02' })
    expect(exported.guest).toMatchObject({
      id: guestId,
      name: 'Rina Marlina',
      institution: 'Partai Cahaya',
      phone: '+6281377778888',
      email: 'rina@contoh.id',
      category: 'lo',
    })
    expect(exported.visits).toHaveLength(1)
    expect(exported.visits[0]).toMatchObject({ purpose: 'Tanya akun SILON milik Rina', topic: 'silon' })
    expect(exported.visits[0]!.consultations).toEqual([
      expect.objectContaining({
        askerName: 'Rina Marlina',
        askerContact: '+6281377778888',
        question: 'Akun SILON terkunci.',
      }),
    ])

    const before = await counts()
    expect(data(await admin.mutation('privacy.erase', { guestId }))).toEqual({
      anonymised: { ...NO_COPIES, appointments: 0, guests: 1, visits: 1, consultations: 1 },
    })
    expect(await counts()).toEqual(before)
    expect(JSON.stringify(await storedGuest(api.db, guestId))).not.toMatch(RINA_PII)
    expect(data(await admin.mutation('privacy.find', { query: '081377778888' }))).toEqual([])

    const actions = await api.db.prisma.auditEvent.findMany({
      where: { targetId: guestId },
      orderBy: { id: 'asc' },
    })
    expect(actions.map((a) => [a.action, a.actorId])).toEqual([
      ['privacy.export', admin.userId],
      ['privacy.erase', admin.userId],
    ])
    expect(JSON.stringify(actions.map((a) => [a.before, a.after]))).not.toMatch(RINA_PII)

    for (const procedure of ['privacy.erase', 'privacy.export']) {
      const reply = await admin.mutation(procedure, { guestId })
      expect(refusal(reply)).toEqual({ status: 409, rule: 'privacy.guest.anonymised' })
      expect(reply.body.error?.data.message).toMatchObject({
        en: expect.stringMatching(/already been anonymised/),
      })
    }
  })

  it('refuses unknown guests, bad input and other roles, changing nothing', async () => {
    const guestId = await visitOn(new Date(), '+6281399990000')
    const auditsBefore = await api.db.prisma.auditEvent.count()
    for (const procedure of ['privacy.erase', 'privacy.export']) {
      const reply = await admin.mutation(procedure, { guestId: randomUUID() })
      expect(refusal(reply)).toEqual({ status: 404, rule: 'privacy.guest.notFound' })
      expect(reply.body.error?.data.message).toMatchObject({ id: expect.stringMatching(/tidak ditemukan/) })
      expect(refusal(await admin.mutation(procedure, { guestId: 'bukan-uuid' }))).toEqual({
        status: 400,
        rule: 'input.invalid',
      })
    }
    expect(refusal(await admin.mutation('privacy.find', { query: 'ab' }))).toEqual({
      status: 400,
      rule: 'input.invalid',
    })
    for (const [procedure, input] of [
      ['privacy.find', { query: '081399990000' }],
      ['privacy.export', { guestId }],
      ['privacy.erase', { guestId }],
      ['privacy.runRetention', undefined],
    ] as const) {
      expect(refusal(await petugas.mutation(procedure, input))).toEqual({
        status: 403,
        rule: 'auth.forbidden',
      })
    }
    expect(await api.db.prisma.auditEvent.count()).toBe(auditsBefore)
    expect(await storedGuest(api.db, guestId)).toMatchObject({ name: 'Rina Marlina', anonymisedAt: null })
  })
})
