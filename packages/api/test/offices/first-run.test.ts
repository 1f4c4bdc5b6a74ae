import { applyMigrations } from '@mejabantu/db'
import { openTestDatabase, testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureFirstRun } from '../../src/offices/first-run.ts'
import { verifyPassword } from '../../src/auth/passwords.ts'

type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>

const treeOf = async (db: TestDatabase) =>
  (await db.prisma.office.findMany({ include: { parent: true }, orderBy: { regionCode: 'asc' } })).map(
    (o) => [o.regionCode, o.level, o.parent?.regionCode ?? null, o.timeZone],
  )
const adminsOf = async (db: TestDatabase) =>
  (await db.prisma.user.findMany({ include: { office: true }, orderBy: { createdAt: 'asc' } })).map((u) => [
    u.username,
    u.role,
    u.office.regionCode,
    u.mustChangePassword,
  ])

describe.each(testTargets())('first run on $kind', (target) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  beforeAll(async () => {
    db = await openTestDatabase(target)
    await applyMigrations(db)
  })
  afterAll(() => db.dispose())

  it('seeds the office tree and exactly one admin even when several starts race', async () => {
    const results = await Promise.all([ensureFirstRun(db), ensureFirstRun(db), ensureFirstRun(db)])
    const created = results.filter((r) => r.admin)
    expect(created).toHaveLength(1)

    const offices = await db.prisma.office.findMany({
      include: { parent: true },
      orderBy: { regionCode: 'asc' },
    })
    expect(offices.map((o) => [o.regionCode, o.level, o.parent?.regionCode ?? null])).toEqual([
      ['00', 'RI', null],
      ['34', 'PROVINSI', '00'],
      ['34.02', 'KABKOTA', '34'],
    ])
    const admin = await db.prisma.user.findUniqueOrThrow({
      where: { username: 'admin' },
      include: { office: true },
    })
    expect(admin.office.regionCode).toBe('34.02')
    expect(await verifyPassword(admin.passwordHash, created[0]!.admin!.password)).toBe(true)
    expect(await verifyPassword(admin.passwordHash, 'wrong-password')).toBe(false)
  })

  it('changes nothing on later starts', async () => {
    expect(await ensureFirstRun(db)).toEqual({ admin: null })
    await expect(db.prisma.user.count()).resolves.toBe(1)
    await expect(db.prisma.auditEvent.count({ where: { action: 'user.create.first_admin' } })).resolves.toBe(
      1,
    )
  })
})

describe.each(testTargets())('first run of a configured install on $kind', (target) => {
  const opened: TestDatabase[] = []
  const fresh = async () => {
    const db = await openTestDatabase(target)
    opened.push(db)
    await applyMigrations(db)
    return db
  }
  afterAll(() => Promise.all(opened.map((db) => db.dispose())))

  it('gives the national server KPU RI alone and its admin, audited', async () => {
    const db = await fresh()
    const { admin } = await ensureFirstRun(db, { topOffice: { regionCode: '00' } })
    expect(admin).toMatchObject({
      username: 'admin',
      office: { regionCode: '00', name: 'KPU Republik Indonesia' },
    })
    expect(await treeOf(db)).toEqual([['00', 'RI', null, 'WIB']])
    expect(await adminsOf(db)).toEqual([['admin', 'admin', '00', true]])
    const audits = await db.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } })
    expect(audits.map((a) => [a.action, a.targetType, a.actorId])).toEqual([
      ['office.create.first_run', 'Office', null],
      ['user.create.first_admin', 'User', null],
    ])
    expect(await ensureFirstRun(db, { topOffice: { regionCode: '00' } })).toEqual({ admin: null })
  })

  it('gives a province server its province under KPU RI, named and zoned from the Kemendagri table', async () => {
    const db = await fresh()
    const { admin } = await ensureFirstRun(db, { topOffice: { regionCode: '51' } })
    expect(admin?.office).toEqual({ regionCode: '51', name: 'KPU Provinsi Bali' })
    expect(await treeOf(db)).toEqual([
      ['00', 'RI', null, 'WIB'],
      ['51', 'PROVINSI', '00', 'WITA'],
    ])
    expect(await adminsOf(db)).toEqual([['admin', 'admin', '51', true]])
  })

  it('refuses to start a Kab/Kota without its name or an unknown code, and creates nothing', async () => {
    const db = await fresh()
    await expect(ensureFirstRun(db, { topOffice: { regionCode: '34.04' } })).rejects.toThrow(
      'office.top.name',
    )
    await expect(ensureFirstRun(db, { topOffice: { regionCode: '99' } })).rejects.toThrow(
      'office.regionCode.unknown',
    )
    expect(await treeOf(db)).toEqual([])
    await expect(db.prisma.user.count()).resolves.toBe(0)
  })

  it('moves the top of an install in use up to its province, never aside, and keeps the admins', async () => {
    const db = await fresh()
    await ensureFirstRun(db)
    expect(await adminsOf(db)).toEqual([['admin', 'admin', '34.02', true]])

    const raced = await Promise.all([1, 2].map(() => ensureFirstRun(db, { topOffice: { regionCode: '34' } })))
    const moved = raced.filter((r) => r.admin)
    expect(moved).toHaveLength(1)
    expect(moved[0]!.admin).toMatchObject({ username: 'admin-34', office: { regionCode: '34' } })
    expect(await adminsOf(db)).toEqual([
      ['admin', 'admin', '34.02', true],
      ['admin-34', 'admin', '34', true],
    ])
    const provinceAdmin = await db.prisma.user.findUniqueOrThrow({ where: { username: 'admin-34' } })
    expect(await verifyPassword(provinceAdmin.passwordHash, moved[0]!.admin!.password)).toBe(true)

    expect(await ensureFirstRun(db, { topOffice: { regionCode: '34' } })).toEqual({ admin: null })
    expect(await ensureFirstRun(db)).toEqual({ admin: null })
    await expect(ensureFirstRun(db, { topOffice: { regionCode: '35' } })).rejects.toThrow(
      'office.top.outside',
    )
    await expect(
      ensureFirstRun(db, { topOffice: { regionCode: '34.04', name: 'KPU Kabupaten Sleman' } }),
    ).rejects.toThrow('office.top.outside')
    expect((await treeOf(db)).map(([code]) => code)).toEqual(['00', '34', '34.02'])
    await expect(db.prisma.user.count()).resolves.toBe(2)
  })
})
