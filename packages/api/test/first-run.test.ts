import { applyMigrations } from '@mejabantu/db'
import { openTestDatabase, testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureFirstRun } from '../src/services/first-run.ts'
import { verifyPassword } from '../src/services/passwords.ts'

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
