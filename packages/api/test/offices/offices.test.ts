import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import type { Browser } from '../support/browser.ts'
import { data, ensureOffice, ruleOf, signInAt } from '../support/nomination.ts'

interface OfficeView {
  id: string
  name: string
  level: string
  regionCode: string
  timeZone: string
  parentId: string | null
  helpdeskHours: string | null
  helpdeskContacts: Record<string, string>
  retentionDays: number
}

describe.each(testTargets())('admin.offices on $kind', (target) => {
  let api: ApiFixture
  let national: Browser
  let province: Browser
  let bantul: Browser
  let sleman: Browser
  const id: Record<string, string> = {}

  beforeAll(async () => {
    api = await startApi(target)
    id.sleman = await ensureOffice(api.db, {
      regionCode: '34.04',
      name: 'KPU Kabupaten Sleman',
      level: 'KABKOTA',
      parentRegionCode: '34',
    })
    for (const code of ['00', '34', '34.02']) {
      id[code] = (await api.db.prisma.office.findUniqueOrThrow({ where: { regionCode: code } })).id
    }
    national = await signInAt(api, '00', 'admin')
    province = await signInAt(api, '34', 'admin')
    bantul = await signInAt(api, '34.02', 'admin')
    sleman = await signInAt(api, '34.04', 'admin')
  })
  afterAll(() => api.close())
  beforeEach(() => api.db.prisma.rateLimit.deleteMany())

  const state = async () => ({
    offices: await api.db.prisma.office.findMany({ orderBy: { regionCode: 'asc' } }),
    audits: await api.db.prisma.auditEvent.count({ where: { targetType: 'Office' } }),
  })

  it('lists the tree each admin reads: KPU RI everything, a Provinsi its Kab/Kota, a Kab/Kota itself', async () => {
    const codes = async (browser: Browser) =>
      data<OfficeView[]>(await browser.query('admin.offices.list')).map((o) => o.regionCode)
    expect(await codes(national)).toEqual(expect.arrayContaining(['00', '34', '34.02', '34.04']))
    expect((await codes(national))[0]).toBe('00')
    expect(await codes(province)).toEqual(['34', '34.02', '34.04'])
    expect(await codes(bantul)).toEqual(['34.02'])
    const [own] = data<OfficeView[]>(await bantul.query('admin.offices.list'))
    expect(own).toEqual({
      id: id['34.02'],
      name: 'KPU Kabupaten Bantul',
      level: 'KABKOTA',
      regionCode: '34.02',
      timeZone: 'WIB',
      parentId: id['34'],
      helpdeskHours: null,
      helpdeskContacts: {},
      retentionDays: 90,
      deskCount: 3,
      slotMinutes: 30,
      slotCapacity: 2,
      slotsFrom: '08:00',
      slotsTo: '15:30',
      workingDays: [1, 2, 3, 4, 5],
    })
  })

  it('lets a Provinsi admin add a Kab/Kota under their province and KPU RI add a province, audited', async () => {
    const kulonProgo = data<OfficeView>(
      await province.mutation('admin.offices.create', {
        name: 'KPU Kabupaten Kulon Progo',
        level: 'KABKOTA',
        regionCode: '34.01',
        timeZone: 'WIB',
        parentId: id['34'],
      }),
    )
    expect(kulonProgo).toMatchObject({ regionCode: '34.01', parentId: id['34'], retentionDays: 90 })
    const bali = data<OfficeView>(
      await national.mutation('admin.offices.create', {
        name: 'KPU Provinsi Bali',
        level: 'PROVINSI',
        regionCode: '51',
        timeZone: 'WITA',
        parentId: id['00'],
      }),
    )
    expect(bali).toMatchObject({ level: 'PROVINSI', timeZone: 'WITA', parentId: id['00'] })
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'office.create', targetId: kulonProgo.id },
    })
    expect(audit).toMatchObject({
      actorId: (province as Browser & { userId: string }).userId,
      targetType: 'Office',
      after: { regionCode: '34.01', level: 'KABKOTA', parentId: id['34'], name: 'KPU Kabupaten Kulon Progo' },
    })
    expect(await codesOf(province)).toContain('34.01')
  })

  const codesOf = async (browser: Browser) =>
    data<OfficeView[]>(await browser.query('admin.offices.list')).map((o) => o.regionCode)

  it.each([
    ['a Kab/Kota code outside the province', { regionCode: '35.01', level: 'KABKOTA' }, 400, 'office.parent'],
    [
      'a level its code does not have',
      { regionCode: '34.05', level: 'PROVINSI' },
      400,
      'office.regionCode.level',
    ],
    ['a code already registered', { regionCode: '34.02', level: 'KABKOTA' }, 409, 'office.regionCode.taken'],
  ])('refuses %s and changes nothing', async (_what, fields, status, rule) => {
    const before = await state()
    const reply = await province.mutation('admin.offices.create', {
      name: 'KPU Uji Coba',
      timeZone: 'WIB',
      parentId: id['34'],
      ...fields,
    })
    expect([reply.status, ruleOf(reply)]).toEqual([status, rule])
    expect(reply.body.error?.data.message).toEqual({ id: expect.any(String), en: expect.any(String) })
    expect(await state()).toEqual(before)
  })

  it('adds offices only below the admin’s own office, never beside or above it, and no second root', async () => {
    const before = await state()
    const underOther = await province.mutation('admin.offices.create', {
      name: 'KPU Provinsi Jawa Timur',
      level: 'PROVINSI',
      regionCode: '35',
      timeZone: 'WIB',
      parentId: id['00'],
    })
    expect([underOther.status, ruleOf(underOther)]).toEqual([403, 'office.parent.outside'])
    const sibling = await sleman.mutation('admin.offices.create', {
      name: 'KPU Kabupaten Gunungkidul',
      level: 'KABKOTA',
      regionCode: '34.03',
      timeZone: 'WIB',
      parentId: id['34'],
    })
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'office.parent.outside'])
    const belowKabKota = await sleman.mutation('admin.offices.create', {
      name: 'KPU Kabupaten Gunungkidul',
      level: 'KABKOTA',
      regionCode: '34.03',
      timeZone: 'WIB',
      parentId: id.sleman,
    })
    expect([belowKabKota.status, ruleOf(belowKabKota)]).toEqual([400, 'office.parent'])
    const root = await national.mutation('admin.offices.create', {
      name: 'KPU Kedua',
      level: 'RI',
      regionCode: '00',
      timeZone: 'WIB',
      parentId: null,
    })
    expect([root.status, ruleOf(root)]).toEqual([403, 'office.parent.outside'])
    const unknownProvince = await national.mutation('admin.offices.create', {
      name: 'KPU Provinsi Entah',
      level: 'PROVINSI',
      regionCode: '99',
      timeZone: 'WIB',
      parentId: id['00'],
    })
    expect([unknownProvince.status, ruleOf(unknownProvince)]).toEqual([400, 'office.regionCode.unknown'])
    expect(await state()).toEqual(before)
  })

  it('lets KPU RI add a Kab/Kota under a province below it', async () => {
    const gunungkidul = data<OfficeView>(
      await national.mutation('admin.offices.create', {
        name: 'KPU Kabupaten Gunungkidul',
        level: 'KABKOTA',
        regionCode: '34.03',
        timeZone: 'WIB',
        parentId: id['34'],
      }),
    )
    expect(gunungkidul).toMatchObject({ regionCode: '34.03', parentId: id['34'] })
    expect(await codesOf(province)).toContain('34.03')
  })

  it('refuses staff without admin.manage', async () => {
    const petugas = await signInAt(api, '34', 'petugas')
    const before = await state()
    const reply = await petugas.mutation('admin.offices.create', {
      name: 'KPU Kabupaten Gunungkidul',
      level: 'KABKOTA',
      regionCode: '34.03',
      timeZone: 'WIB',
      parentId: id['34'],
    })
    expect([reply.status, ruleOf(reply)]).toEqual([403, 'auth.forbidden'])
    expect(ruleOf(await petugas.query('admin.offices.list'))).toBe('auth.forbidden')
    expect(await state()).toEqual(before)
  })

  it('lists the offices a reader may switch between: leadership of a Provinsi its Kab/Kota, a petugas its own', async () => {
    const codes = async (browser: Browser) =>
      data<OfficeView[]>(await browser.query('offices.readable')).map((o) => o.regionCode)
    for (const role of ['pimpinan', 'pengawas'] as const) {
      const listed = await codes(await signInAt(api, '34', role))
      expect(listed[0]).toBe('34')
      expect(listed).toEqual(expect.arrayContaining(['34.02', '34.04']))
      expect(listed.every((code) => code.startsWith('34'))).toBe(true)
    }
    expect(await codes(await signInAt(api, '34.02', 'petugas'))).toEqual(['34.02'])
  })

  it('updates the office’s own settings with the before and after audited', async () => {
    const updated = data<OfficeView>(
      await bantul.mutation('admin.offices.update', {
        id: id['34.02'],
        helpdeskHours: 'Senin–Jumat 08.00–16.00 WIB',
        helpdeskContacts: { telepon: '(0274) 367xxx', email: 'helpdesk@kab-bantul.kpu.go.id' },
        retentionDays: 120,
      }),
    )
    expect(updated).toMatchObject({
      name: 'KPU Kabupaten Bantul',
      helpdeskHours: 'Senin–Jumat 08.00–16.00 WIB',
      helpdeskContacts: { telepon: '(0274) 367xxx', email: 'helpdesk@kab-bantul.kpu.go.id' },
      retentionDays: 120,
    })
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'office.update', targetId: id['34.02'] },
      orderBy: { id: 'desc' },
    })
    expect(audit.before).toMatchObject({ retentionDays: 90, helpdeskHours: null, helpdeskContacts: '{}' })
    expect(audit.after).toMatchObject({ retentionDays: 120, helpdeskHours: 'Senin–Jumat 08.00–16.00 WIB' })
  })

  it('lets a Provinsi admin set up an office below it, but not a sibling its own', async () => {
    const renamed = data<OfficeView>(
      await province.mutation('admin.offices.update', {
        id: id.sleman,
        name: 'KPU Kab. Sleman',
        timeZone: 'WIB',
      }),
    )
    expect(renamed.name).toBe('KPU Kab. Sleman')

    const before = await state()
    const sibling = await bantul.mutation('admin.offices.update', { id: id.sleman, retentionDays: 30 })
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
    const upward = await sleman.mutation('admin.offices.update', { id: id['34'], retentionDays: 30 })
    expect([upward.status, ruleOf(upward)]).toEqual([403, 'tenancy.office'])
    expect(await state()).toEqual(before)
  })

  it('refuses an unknown office, an empty change and malformed contacts', async () => {
    const before = await state()
    const unknown = await national.mutation('admin.offices.update', {
      id: '00000000-0000-4000-8000-000000000000',
      retentionDays: 30,
    })
    expect([unknown.status, ruleOf(unknown)]).toEqual([404, 'office.notFound'])
    const empty = await bantul.mutation('admin.offices.update', { id: id['34.02'] })
    expect([empty.status, ruleOf(empty)]).toEqual([400, 'input.invalid'])
    const contacts = await bantul.mutation('admin.offices.update', {
      id: id['34.02'],
      helpdeskContacts: ['telepon'],
    })
    expect([contacts.status, ruleOf(contacts)]).toEqual([400, 'input.invalid'])
    expect(await state()).toEqual(before)
  })
})
