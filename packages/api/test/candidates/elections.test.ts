import { testTargets } from '@mejabantu/db/testing'
import { pilkada2024Calendar, pkpu8of2024 } from '@mejabantu/domain'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import type { Browser } from '../support/browser.ts'
import { bupatiElection, data, ensureOffice, ruleOf, signInAt } from '../support/nomination.ts'

interface ElectionView {
  id: string
  officeId: string
  name: string
  kind: string
  regionCode: string
  year: number
  catalogVersion: string
  calendar: {
    name: string
    windows: { stage: string; startsAt: string; endsAt: string; toConfirm: boolean }[]
  }
}

describe.each(testTargets())('elections on $kind', (target) => {
  let api: ApiFixture
  let admin: Browser & { userId: string }
  let petugas: Browser
  let slemanAdmin: Browser
  let slemanPetugas: Browser
  let bantulId: string
  let election: ElectionView

  beforeAll(async () => {
    api = await startApi(target)
    await ensureOffice(api.db, {
      regionCode: '34.04',
      name: 'KPU Kabupaten Sleman',
      level: 'KABKOTA',
      parentRegionCode: '34',
    })
    bantulId = (await api.db.prisma.office.findUniqueOrThrow({ where: { regionCode: '34.02' } })).id
    admin = await signInAt(api, '34.02', 'admin')
    petugas = await signInAt(api, '34.02', 'petugas')
    slemanAdmin = await signInAt(api, '34.04', 'admin')
    slemanPetugas = await signInAt(api, '34.04', 'petugas')
  })
  afterAll(() => api.close())
  beforeEach(() => api.db.prisma.rateLimit.deleteMany())

  const state = async () => ({
    elections: await api.db.prisma.election.findMany({ orderBy: { createdAt: 'asc' } }),
    audits: await api.db.prisma.auditEvent.count({ where: { targetType: 'Election' } }),
  })

  it('registers an election with the Pilkada 2024 calendar and the catalog in effect, audited', async () => {
    election = data<ElectionView>(
      await admin.mutation(
        'elections.create',
        bupatiElection('34.02', 'Pilkada 2024 Bupati dan Wakil Bupati Bantul'),
      ),
    )
    expect(election).toMatchObject({
      officeId: bantulId,
      kind: 'bupati',
      regionCode: '34.02',
      year: 2024,
      catalogVersion: 'PKPU-8-2024',
      calendar: pilkada2024Calendar,
    })
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'election.create', targetId: election.id },
    })
    expect(audit.actorId).toBe(admin.userId)
    expect(audit.after).toMatchObject({
      kind: 'bupati',
      catalogVersion: 'PKPU-8-2024',
      windows: expect.arrayContaining(['perbaikan 2024-09-06T00:00–2024-09-08T23:59']),
    })
  })

  it('lets a Provinsi register the governor election with its own windows from the start', async () => {
    const provinceAdmin = await signInAt(api, '34', 'admin')
    const governor = data<ElectionView>(
      await provinceAdmin.mutation('elections.create', {
        name: 'Pilkada 2024 Gubernur DIY',
        kind: 'gubernur',
        regionCode: '34',
        year: 2024,
        catalogVersion: 'PKPU-8-2024',
        overrides: [
          { stage: 'pemberitahuan_hasil', startsAt: '2024-09-06T10:00', endsAt: '2024-09-06T10:00' },
        ],
      }),
    )
    expect(governor.calendar.windows.find((w) => w.stage === 'pemberitahuan_hasil')).toEqual({
      stage: 'pemberitahuan_hasil',
      startsAt: '2024-09-06T10:00',
      endsAt: '2024-09-06T10:00',
      toConfirm: false,
    })
  })

  it.each([
    [
      'a kind the office level does not run',
      { kind: 'gubernur', regionCode: '34.02' },
      400,
      'election.kind.level',
    ],
    ['another region', { regionCode: '34.04' }, 400, 'election.region'],
    ['an unknown catalog', { kind: 'walikota', catalogVersion: 'PKPU-0-1999' }, 400, 'catalog.unknown'],
    [
      'a window ending before it starts',
      {
        kind: 'walikota',
        overrides: [{ stage: 'perbaikan', startsAt: '2024-09-08T00:00', endsAt: '2024-09-06T23:59' }],
      },
      400,
      'calendar.window.order',
    ],
    ['a second regent election of the same year', {}, 409, 'election.duplicate'],
    ['a year outside the schema', { kind: 'walikota', year: 1990 }, 400, 'input.invalid'],
  ])('refuses %s and changes nothing', async (_what, fields, status, rule) => {
    const before = await state()
    const reply = await admin.mutation('elections.create', { ...bupatiElection('34.02'), ...fields })
    expect([reply.status, ruleOf(reply)]).toEqual([status, rule])
    expect(await state()).toEqual(before)
  })

  it('leaves registering to admins', async () => {
    const before = await state()
    const reply = await petugas.mutation('elections.create', { ...bupatiElection('34.02'), kind: 'walikota' })
    expect([reply.status, ruleOf(reply)]).toEqual([403, 'auth.forbidden'])
    expect(await state()).toEqual(before)
  })

  it('lists and reads the office’s elections; a Provinsi reader sees those below it, a sibling does not', async () => {
    expect(data<ElectionView[]>(await petugas.query('elections.list')).map((e) => e.id)).toEqual([
      election.id,
    ])
    expect(data<ElectionView>(await petugas.query('elections.get', { id: election.id }))).toEqual(election)
    const pimpinan = await signInAt(api, '34', 'pimpinan')
    const rolledUp = data<ElectionView[]>(await pimpinan.query('elections.list', { officeId: bantulId }))
    expect(rolledUp.map((e) => e.id)).toEqual([election.id])
    expect(data<ElectionView[]>(await slemanPetugas.query('elections.list'))).toEqual([])

    const sibling = await slemanPetugas.query('elections.get', { id: election.id })
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
    const siblingList = await slemanPetugas.query('elections.list', { officeId: bantulId })
    expect([siblingList.status, ruleOf(siblingList)]).toEqual([403, 'tenancy.office'])
    const unknown = await petugas.query('elections.get', { id: '00000000-0000-4000-8000-000000000000' })
    expect([unknown.status, ruleOf(unknown)]).toEqual([404, 'election.notFound'])
  })

  it('overrides stage windows with the calendar before and after in the audit trail', async () => {
    const updated = data<ElectionView>(
      await admin.mutation('elections.overrideStages', {
        electionId: election.id,
        overrides: [
          { stage: 'perbaikan', startsAt: '2024-09-06T09:00', endsAt: '2024-09-09T23:59' },
          { stage: 'penelitian_perbaikan', startsAt: '2024-09-10T00:00', endsAt: '2024-09-21T23:59' },
        ],
      }),
    )
    expect(updated.calendar.windows.filter((w) => w.stage.includes('perbaikan'))).toEqual([
      { stage: 'perbaikan', startsAt: '2024-09-06T09:00', endsAt: '2024-09-09T23:59', toConfirm: false },
      {
        stage: 'penelitian_perbaikan',
        startsAt: '2024-09-10T00:00',
        endsAt: '2024-09-21T23:59',
        toConfirm: false,
      },
    ])
    expect(updated.calendar.windows).toHaveLength(pilkada2024Calendar.windows.length)
    expect(data<ElectionView>(await petugas.query('elections.get', { id: election.id }))).toEqual(updated)

    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'election.overrideStages', targetId: election.id },
    })
    expect(audit.before).toMatchObject({
      windows: expect.arrayContaining([
        'perbaikan 2024-09-06T00:00–2024-09-08T23:59',
        'penelitian_perbaikan 2024-09-09T00:00–2024-09-21T23:59 ?',
      ]),
    })
    expect(audit.after).toMatchObject({
      windows: expect.arrayContaining(['perbaikan 2024-09-06T09:00–2024-09-09T23:59']),
    })
  })

  it('refuses overrides out of order, from another office or from staff, changing nothing', async () => {
    const before = await state()
    const overrides = [{ stage: 'penetapan', startsAt: '2024-09-22T00:00', endsAt: '2024-09-21T23:59' }]
    const disordered = await admin.mutation('elections.overrideStages', {
      electionId: election.id,
      overrides,
    })
    expect([disordered.status, ruleOf(disordered)]).toEqual([400, 'calendar.window.order'])
    const fine = [{ stage: 'penetapan', startsAt: '2024-09-23T00:00', endsAt: '2024-09-23T23:59' }]
    const sibling = await slemanAdmin.mutation('elections.overrideStages', {
      electionId: election.id,
      overrides: fine,
    })
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
    const staff = await petugas.mutation('elections.overrideStages', {
      electionId: election.id,
      overrides: fine,
    })
    expect([staff.status, ruleOf(staff)]).toEqual([403, 'auth.forbidden'])
    const none = await admin.mutation('elections.overrideStages', { electionId: election.id, overrides: [] })
    expect([none.status, ruleOf(none)]).toEqual([400, 'input.invalid'])
    expect(await state()).toEqual(before)
  })

  it('lists the requirement catalogs that ship', async () => {
    const catalogs = data<{ version: string; items: { code: string }[] }[]>(
      await petugas.query('elections.catalogs'),
    )
    expect(catalogs.map((c) => c.version)).toEqual(['PKPU-8-2024'])
    expect(catalogs[0]!.items.map((i) => i.code)).toEqual(pkpu8of2024.items.map((i) => i.code))
  })
})
