import { testTargets } from '@mejabantu/db/testing'
import { expectedChecks, pkpu8of2024, REDACTED } from '@mejabantu/domain'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import type { Browser } from '../support/browser.ts'
import {
  bupatiElection,
  data,
  ensureOffice,
  pairInput,
  ruleOf,
  signInAt,
  testClock,
} from '../support/nomination.ts'

interface Pair {
  id: string
  electionId: string
  officeId: string
  ballotNumber: number | null
  candidates: { role: string; fullName: string; birthDate: string }[]
  liaisonOfficer: { name: string; phone: string; email?: string }
}
interface DossierCheck {
  id: string
  requirementCode: string
  subject: string
  status: string
  kind: string
  researcherName: string | null
  history: { from: string; to: string; byName: string | null }[]
  due: { stage: string; by: string; minutesLeft: number; overdue: boolean; window: { closesAt: Date } } | null
}
interface Dossier {
  pair: Pair
  complete: boolean
  outstanding: unknown[]
  timeZone: string
  now: Date
  groups: { syarat_calon: DossierCheck[]; syarat_pencalonan: DossierCheck[] }
  handovers: unknown[]
  consultationIds: string[]
}

const checksOf = (d: Dossier) => [...d.groups.syarat_calon, ...d.groups.syarat_pencalonan]
const step = (checkId: string, to: string, reason: string | null = null) => ({
  checkId,
  to,
  reason,
  evidence: null,
})

describe.each(testTargets())('candidates on $kind', (target) => {
  let api: ApiFixture
  const clock = testClock()
  let admin: Browser
  let petugas: Browser & { userId: string }
  let pimpinan: Browser
  let slemanPetugas: Browser
  let electionId: string
  let pair: Pair

  beforeAll(async () => {
    api = await startApi(target, undefined, { clock: clock.now })
    await ensureOffice(api.db, {
      regionCode: '34.04',
      name: 'KPU Kabupaten Sleman',
      level: 'KABKOTA',
      parentRegionCode: '34',
    })
    admin = await signInAt(api, '34.02', 'admin')
    petugas = await signInAt(api, '34.02', 'petugas')
    pimpinan = await signInAt(api, '34.02', 'pimpinan')
    slemanPetugas = await signInAt(api, '34.04', 'petugas')
    electionId = data<{ id: string }>(await admin.mutation('elections.create', bupatiElection('34.02'))).id
  })
  afterAll(() => api.close())
  beforeEach(async () => {
    await api.db.prisma.rateLimit.deleteMany()
    clock.set('2024-08-28T10:00', 'WIB')
  })

  const state = async () => ({
    pairs: await api.db.prisma.candidatePair.findMany({ orderBy: { createdAt: 'asc' } }),
    candidates: await api.db.prisma.candidate.count(),
    checks: await api.db.prisma.requirementCheck.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, status: true },
    }),
    audits: await api.db.prisma.auditEvent.count({ where: { targetType: 'CandidatePair' } }),
  })

  it('registers a pair with one unsubmitted check per document its pathway owes, audited', async () => {
    const input = pairInput(electionId)
    pair = data<Pair>(await petugas.mutation('candidates.create', input))
    expect(pair).toMatchObject({
      electionId,
      ballotNumber: null,
      candidates: input.pair.candidates,
      liaisonOfficer: input.pair.liaisonOfficer,
    })
    const checks = await api.db.prisma.requirementCheck.findMany({ where: { pairId: pair.id } })
    const expected = expectedChecks(pkpu8of2024, { pathway: 'partai', parties: input.pair.parties })
    expect(checks.map((c) => `${c.requirementCode}|${c.subject}`).sort()).toEqual(
      expected.map((c) => `${c.requirementCode}|${c.subject}`).sort(),
    )
    expect(new Set(checks.map((c) => c.status))).toEqual(new Set(['belum_diserahkan']))
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'pair.create', targetId: pair.id },
    })
    expect(audit).toMatchObject({
      actorId: petugas.userId,
      after: {
        pathway: 'partai',
        parties: input.pair.parties,
        checks: expected.length,
        loName: REDACTED,
      },
    })
  })

  it('registers an independent pair without party documents', async () => {
    const independent = data<Pair>(
      await petugas.mutation(
        'candidates.create',
        pairInput(electionId, { pathway: 'perseorangan', parties: [] }),
      ),
    )
    const codes = await api.db.prisma.requirementCheck.findMany({ where: { pairId: independent.id } })
    expect(codes).toHaveLength(expectedChecks(pkpu8of2024, { pathway: 'perseorangan', parties: [] }).length)
    expect(codes.some((c) => c.subject.startsWith('Partai'))).toBe(false)
  })

  it('registers a pair with a candidate too young on the penetapan date, the age a finding in its dossier', async () => {
    const young = pairInput(electionId, {
      candidates: [
        { role: 'kepala', fullName: 'Budi Santoso', birthDate: '1975-03-01' },
        { role: 'wakil', fullName: 'Rizky Muda', birthDate: '1999-09-23' },
      ],
    })
    const created = data<{ id: string }>(await petugas.mutation('candidates.create', young))
    const file = data<{ status: string; ageFindings: { rule: string; params: Record<string, string> }[] }>(
      await petugas.query('candidates.dossier', { pairId: created.id }),
    )
    expect(file.status).toBe('bakal_pasangan_calon')
    expect(file.ageFindings).toMatchObject([
      { rule: 'candidate.age', params: { age: '24', minimum: '25', on: '2024-09-22', role: 'wakil' } },
    ])
  })

  it('counts the governor’s minimum age of 30 at the province', async () => {
    const provinceAdmin = await signInAt(api, '34', 'admin')
    const governor = data<{ id: string }>(
      await provinceAdmin.mutation('elections.create', {
        name: 'Pilkada Gubernur DIY',
        kind: 'gubernur',
        regionCode: '34',
        year: 2024,
      }),
    )
    const created = data<{ id: string }>(
      await provinceAdmin.mutation(
        'candidates.create',
        pairInput(governor.id, {
          candidates: [
            { role: 'kepala', fullName: 'Calon Muda', birthDate: '1995-01-01' },
            { role: 'wakil', fullName: 'Siti Aminah', birthDate: '1980-07-12' },
          ],
        }),
      ),
    )
    const file = data<{ ageFindings: unknown[] }>(
      await provinceAdmin.query('candidates.dossier', { pairId: created.id }),
    )
    expect(file.ageFindings).toMatchObject([{ rule: 'candidate.age', params: { age: '29', minimum: '30' } }])
  })

  it.each([
    ['a party listed twice', { parties: ['Partai Amanah', 'partai amanah'] }, 'pair.parties.duplicate'],
    ['a party pathway without parties', { parties: [] }, 'input.invalid'],
    [
      'two heads',
      { candidates: [pairInput('x').pair.candidates[0], pairInput('x').pair.candidates[0]] },
      'input.invalid',
    ],
  ])('refuses %s and changes nothing', async (_what, fields, rule) => {
    const before = await state()
    const reply = await petugas.mutation('candidates.create', pairInput(electionId, fields))
    expect([reply.status, ruleOf(reply)]).toEqual([400, rule])
    expect(await state()).toEqual(before)
  })

  it('refuses other offices, read-only roles and unknown elections', async () => {
    const before = await state()
    const sibling = await slemanPetugas.mutation('candidates.create', pairInput(electionId))
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
    const readOnly = await pimpinan.mutation('candidates.create', pairInput(electionId))
    expect([readOnly.status, ruleOf(readOnly)]).toEqual([403, 'auth.forbidden'])
    const unknown = await petugas.mutation(
      'candidates.create',
      pairInput('00000000-0000-4000-8000-000000000000'),
    )
    expect([unknown.status, ruleOf(unknown)]).toEqual([404, 'election.notFound'])
    expect(await state()).toEqual(before)
  })

  it('updates the LO and the ballot number, audited; a number already drawn is refused', async () => {
    const lo = { name: 'Bagus Pratama', phone: '+6281390001111' }
    const updated = data<Pair>(
      await petugas.mutation('candidates.update', { pairId: pair.id, liaisonOfficer: lo, ballotNumber: 1 }),
    )
    expect(updated).toMatchObject({ ballotNumber: 1, liaisonOfficer: lo })
    expect(updated.liaisonOfficer.email).toBeUndefined()
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'pair.update', targetId: pair.id },
    })
    expect(audit).toMatchObject({
      before: { ballotNumber: null, loName: REDACTED, loEmail: REDACTED },
      after: { ballotNumber: 1, loName: REDACTED, loEmail: null },
    })

    const other = data<Pair>(await petugas.mutation('candidates.create', pairInput(electionId)))
    const before = await state()
    const taken = await petugas.mutation('candidates.update', { pairId: other.id, ballotNumber: 1 })
    expect([taken.status, ruleOf(taken)]).toEqual([409, 'pair.ballotNumber.taken'])
    const sibling = await slemanPetugas.mutation('candidates.update', { pairId: pair.id, ballotNumber: 2 })
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
    const unknown = await petugas.mutation('candidates.update', {
      pairId: '00000000-0000-4000-8000-000000000000',
      ballotNumber: 2,
    })
    expect([unknown.status, ruleOf(unknown)]).toEqual([404, 'pair.notFound'])
    expect(await state()).toEqual(before)
  })

  it('lists an election’s pairs by ballot number with how their documents stand', async () => {
    const list = data<
      (Pair & { statusCounts: Record<string, number>; outstanding: number; complete: boolean })[]
    >(await pimpinan.query('candidates.list', { electionId }))
    expect(list[0]).toMatchObject({ id: pair.id, ballotNumber: 1, complete: false })
    const owed = expectedChecks(pkpu8of2024, {
      pathway: 'partai',
      parties: ['Partai Amanah', 'Partai Bintang'],
    }).length
    expect(list[0]!.statusCounts).toEqual({ belum_diserahkan: owed })
    expect(list[0]!.outstanding).toBe(owed)
    const sibling = await slemanPetugas.query('candidates.list', { electionId })
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
  })

  it('shows the dossier: documents by kind with status, deadline in the office zone, history and researcher', async () => {
    const before = data<Dossier>(await pimpinan.query('candidates.dossier', { pairId: pair.id }))
    expect(before).toMatchObject({
      complete: false,
      timeZone: 'WIB',
      now: clock.now(),
      handovers: [],
      consultationIds: [],
    })
    expect(before.groups.syarat_calon[0]).toMatchObject({
      requirementCode: 'C1',
      subject: 'kepala',
      status: 'belum_diserahkan',
      kind: 'syarat_calon',
      researcherName: null,
      history: [],
      // Registration closes at the end of 29 August 2024 23.59 WIB: 38 hours after 28 August 10.00.
      due: { stage: 'pendaftaran', by: 'pasangan', minutesLeft: 38 * 60, overdue: false },
    })
    expect(before.groups.syarat_pencalonan.every((c) => c.kind === 'syarat_pencalonan')).toBe(true)
    expect(before.outstanding).toHaveLength(checksOf(before).length)

    // Everything submitted, then found MS: the pair is complete and nothing is due any more.
    const ids = checksOf(before).map((c) => c.id)
    data(
      await petugas.mutation('requirements.recordMany', { steps: ids.map((id) => step(id, 'diserahkan')) }),
    )
    clock.set('2024-09-02T10:00', 'WIB')
    data(await petugas.mutation('requirements.recordMany', { steps: ids.map((id) => step(id, 'MS')) }))
    const after = data<Dossier>(await pimpinan.query('candidates.dossier', { pairId: pair.id }))
    expect(after).toMatchObject({ complete: true, outstanding: [] })
    expect(checksOf(after)[0]).toMatchObject({
      status: 'MS',
      researcherName: 'petugas KPU Kabupaten Bantul',
      due: null,
      history: [
        { from: 'belum_diserahkan', to: 'diserahkan', byName: 'petugas KPU Kabupaten Bantul' },
        { from: 'diserahkan', to: 'MS', byName: 'petugas KPU Kabupaten Bantul' },
      ],
    })
  })

  it('links the consultations about the pair that the reader may open', async () => {
    const [bantul, sleman] = await Promise.all(
      ['34.02', '34.04'].map((regionCode) =>
        api.db.prisma.office.findUniqueOrThrow({ where: { regionCode } }),
      ),
    )
    const sheet = (officeId: string, number: string) =>
      api.db.prisma.consultation.create({
        data: {
          officeId,
          number,
          channel: 'telepon',
          askerName: 'Andi Wijaya',
          stakeholderCategory: 'lo',
          topic: 'syarat_calon',
          question: 'Berkas C5 apa saja?',
          occurredAt: new Date('2024-09-06T03:00:00Z'),
          candidatePairId: pair.id,
        },
      })
    const own = await sheet(bantul!.id, 'LK-34.02-2024-00001')
    await sheet(sleman!.id, 'LK-34.04-2024-00001')
    const dossier = data<Dossier>(await petugas.query('candidates.dossier', { pairId: pair.id }))
    expect(dossier.consultationIds).toEqual([own.id])
  })

  it('audits an observer’s reading of a dossier, and refuses a sibling office and an unknown pair', async () => {
    const pengawas = await signInAt(api, '34.02', 'pengawas')
    expect((await pengawas.query('candidates.dossier', { pairId: pair.id })).status).toBe(200)
    expect(
      await api.db.prisma.auditEvent.count({
        where: { action: 'read', targetType: 'CandidatePair', targetId: pair.id, actorId: pengawas.userId },
      }),
    ).toBe(1)
    const sibling = await slemanPetugas.query('candidates.dossier', { pairId: pair.id })
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
    const unknown = await petugas.query('candidates.dossier', {
      pairId: '00000000-0000-4000-8000-000000000000',
    })
    expect([unknown.status, ruleOf(unknown)]).toEqual([404, 'pair.notFound'])
  })

  it('lists pairs whose BMS or perbaikan documents close within the look-ahead, soonest first', async () => {
    const late = data<Pair>(await petugas.mutation('candidates.create', pairInput(electionId)))
    const dossier = data<Dossier>(await petugas.query('candidates.dossier', { pairId: late.id }))
    const [c5, c13] = ['C5', 'C13'].map((code) =>
      dossier.groups.syarat_calon.find((c) => c.requirementCode === code && c.subject === 'wakil')!,
    )
    data(
      await petugas.mutation('requirements.recordMany', {
        steps: [step(c5!.id, 'diserahkan'), step(c13!.id, 'diserahkan')],
      }),
    )
    clock.set('2024-09-05T10:00', 'WIB')
    data(
      await petugas.mutation('requirements.recordMany', {
        steps: [
          step(c5!.id, 'BMS', 'SKCK dari Polda, seharusnya Polres'),
          step(c13!.id, 'BMS', 'Latar foto tidak putih'),
        ],
      }),
    )

    clock.set('2024-09-07T12:00', 'WIB')
    const closing = data<
      {
        pairId: string
        closesAt: Date
        items: { checkId: string; status: string; due: { minutesLeft: number } }[]
      }[]
    >(await pimpinan.query('candidates.deadlines'))
    expect(closing.map((p) => p.pairId)).toEqual([late.id])
    // The perbaikan window closes at the end of 8 September 2024 23.59 WIB: 36 hours later.
    expect(closing[0]!.items.map((i) => [i.checkId, i.status, i.due.minutesLeft])).toEqual(
      expect.arrayContaining([
        [c5!.id, 'BMS', 36 * 60],
        [c13!.id, 'BMS', 36 * 60],
      ]),
    )
    expect(closing[0]!.closesAt).toEqual(new Date('2024-09-08T17:00:00Z'))
    expect(data(await pimpinan.query('candidates.deadlines', { hours: 24 }))).toEqual([])

    clock.set('2024-09-09T00:00', 'WIB')
    expect(data(await pimpinan.query('candidates.deadlines'))).toEqual([])
    const sibling = await slemanPetugas.query('candidates.deadlines', { officeId: late.officeId })
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
  })
})
