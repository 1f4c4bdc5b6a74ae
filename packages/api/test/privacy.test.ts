import { randomUUID } from 'node:crypto'
import { testTargets } from '@mejabantu/db/testing'
import { ANONYMISED_NAME, type ReportContent } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PersonExport, PersonMatch } from '../src/services/privacy.ts'
import { runRetentionEverywhere } from '../src/services/retention.ts'
import { startApi, type ApiFixture } from './support/api-server.ts'
import { dataOf as data, type TrpcReply } from './support/browser.ts'
import { seedOffices, signInStaff, type Staff } from './support/consultation-fixtures.ts'

const refusal = (reply: TrpcReply) => ({ status: reply.status, rule: reply.body.error?.data.rule })
const september = { from: '2024-09-01', to: '2024-09-30' }

describe.each(testTargets())('guest-book retention and UU PDP requests on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let admin: Staff
  let petugas: Staff

  /** A guest with one visit at `at` and a sheet opened from it, written as check-in and serve would. */
  async function guestVisiting(at: Date, phone: string) {
    const officeId = office['34.02']!
    const guest = await api.db.prisma.guest.create({
      data: {
        officeId,
        name: 'Rina Marlina',
        institution: 'Partai Cahaya',
        phone,
        email: 'rina@contoh.id',
        category: 'lo',
        createdAt: at,
      },
    })
    const visit = await api.db.prisma.visit.create({
      data: {
        clientId: randomUUID(),
        officeId,
        guestId: guest.id,
        topic: 'silon',
        purpose: 'Tanya akun SILON milik Rina',
        consentVersion: 'uji',
        serviceDay: new Date(at.toISOString().slice(0, 10)),
        queueLane: 'reguler',
        queueSequence: 1,
        queueNumber: `A-${phone.slice(-4)}`,
        checkedInAt: at,
      },
    })
    await api.db.prisma.consultation.create({
      data: {
        officeId,
        number: `LK-UJI-${phone.slice(-6)}`,
        channel: 'tatap_muka',
        askerName: 'Rina Marlina',
        askerInstitution: 'Partai Cahaya',
        askerContact: phone,
        stakeholderCategory: 'lo',
        topic: 'silon',
        question: 'Akun SILON terkunci.',
        visitId: visit.id,
        occurredAt: at,
      },
    })
    return guest.id
  }

  beforeAll(async () => {
    api = await startApi(target)
    office = await seedOffices(api.db)
    ;[admin, petugas] = await Promise.all([
      signInStaff(api.db, api.url, '34.02', 'admin'),
      signInStaff(api.db, api.url, '34.02', 'petugas'),
    ])
    // Pilkada 2024 with the national calendar: its nomination stage ended 23 September 2024.
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

  it('anonymises guests last seen before the cutoff, keeping every visit, sheet and count', async () => {
    const old = await guestVisiting(new Date('2024-09-06T03:00:00Z'), '+6281300000001')
    const recent = await guestVisiting(new Date(), '+6281300000002')
    await api.db.prisma.dailySummary.deleteMany()
    const { rebuildDailySummaries } = await import('../src/services/daily-summary.ts')
    await rebuildDailySummaries(api.db)
    const reportBefore = data<ReportContent>(await admin.query('reports.draft', september))
    const counts = async () => ({
      guests: await api.db.prisma.guest.count(),
      visits: await api.db.prisma.visit.count(),
      sheets: await api.db.prisma.consultation.count(),
    })
    const before = await counts()

    const result = data<{ cutoff: Date; anonymised: number }>(await admin.mutation('privacy.runRetention'))
    expect(result).toEqual({ cutoff: new Date('2024-09-23T17:00:00Z'), anonymised: 1 })
    expect(await counts()).toEqual(before)
    const reportAfter = data<ReportContent>(await admin.query('reports.draft', september))
    expect(reportAfter.own).toEqual(reportBefore.own)
    expect(reportAfter.visits).toEqual(reportBefore.visits)

    const gone = await api.db.prisma.guest.findUniqueOrThrow({
      where: { id: old },
      include: { visits: { include: { consultations: true } } },
    })
    expect(gone).toMatchObject({
      name: ANONYMISED_NAME,
      institution: null,
      phone: null,
      email: null,
      category: 'lo',
    })
    expect(gone.anonymisedAt).toBeInstanceOf(Date)
    expect(gone.visits[0]!.purpose).toBeNull()
    expect(gone.visits[0]!.consultations[0]).toMatchObject({
      askerName: ANONYMISED_NAME,
      askerContact: null,
      askerInstitution: null,
    })
    expect(JSON.stringify(gone)).not.toMatch(/Rina|Cahaya|rina@|\+6281300000001/)
    const kept = await api.db.prisma.guest.findUniqueOrThrow({ where: { id: recent } })
    expect(kept).toMatchObject({ name: 'Rina Marlina', phone: '+6281300000002', anonymisedAt: null })

    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'privacy.retention' } })
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(/Rina|\+62813/)
    expect(data(await admin.mutation('privacy.runRetention'))).toMatchObject({ anonymised: 0 })
    expect((await runRetentionEverywhere(api.db, new Date())).every((r) => r.anonymised === 0)).toBe(true)
  })

  it('keeps everything while no nomination stage is 90 days past', async () => {
    const early = new Date('2024-12-01T00:00:00Z')
    const results = await runRetentionEverywhere(api.db, early)
    expect(results.find((r) => r.officeId === office['34.02'])).toMatchObject({ cutoff: null, anonymised: 0 })
  })

  it('finds a person by phone in any usual form, masked, then exports and erases their data, audited', async () => {
    const guestId = await guestVisiting(new Date(), '+6281377778888')
    const matches = data<PersonMatch[]>(await admin.query('privacy.find', { query: '0813-7777-8888' }))
    expect(matches).toEqual([
      expect.objectContaining({ guestId, maskedName: 'Rin* M*****', maskedPhone: '0813****888', visits: 1 }),
    ])
    expect(
      data<PersonMatch[]>(await admin.query('privacy.find', { query: 'marlina' })).length,
    ).toBeGreaterThan(0)

    const exported = data<PersonExport>(await admin.mutation('privacy.export', { guestId }))
    expect(exported.guest).toMatchObject({
      name: 'Rina Marlina',
      phone: '+6281377778888',
      email: 'rina@contoh.id',
    })
    expect(exported.visits[0]).toMatchObject({ purpose: 'Tanya akun SILON milik Rina' })
    expect(exported.visits[0]!.consultations[0]).toMatchObject({ question: 'Akun SILON terkunci.' })

    expect(data(await admin.mutation('privacy.erase', { guestId }))).toEqual({ erased: true })
    expect(await api.db.prisma.guest.findUniqueOrThrow({ where: { id: guestId } })).toMatchObject({
      phone: null,
      name: ANONYMISED_NAME,
    })
    expect(refusal(await admin.mutation('privacy.erase', { guestId }))).toEqual({
      status: 409,
      rule: 'privacy.guest.anonymised',
    })
    const actions = await api.db.prisma.auditEvent.findMany({
      where: { targetId: guestId },
      orderBy: { id: 'asc' },
    })
    expect(actions.map((a) => a.action)).toEqual(['privacy.export', 'privacy.erase'])
    expect(JSON.stringify(actions.map((a) => [a.before, a.after]))).not.toMatch(/Rina|\+62813/)
  })

  it('refuses unknown guests and other roles, changing nothing', async () => {
    const guestId = randomUUID()
    expect(refusal(await admin.mutation('privacy.erase', { guestId }))).toEqual({
      status: 404,
      rule: 'privacy.guest.notFound',
    })
    expect(refusal(await admin.mutation('privacy.export', { guestId }))).toEqual({
      status: 404,
      rule: 'privacy.guest.notFound',
    })
    expect(refusal(await petugas.mutation('privacy.runRetention'))).toEqual({
      status: 403,
      rule: 'auth.forbidden',
    })
    expect(refusal(await admin.query('privacy.find', { query: 'ab' })).status).toBe(400)
  })
})
