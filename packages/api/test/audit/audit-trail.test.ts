import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditPage } from '../../src/audit/trail.ts'
import type { MatrixWorld } from '../matrix/types.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf } from '../support/browser.ts'
import { seedWorld } from '../support/world.ts'

describe.each(testTargets())('audit trail on $kind', (target) => {
  let api: ApiFixture
  let world: MatrixWorld
  beforeAll(async () => {
    api = await startApi(target)
    world = await seedWorld(api.db, api.url)
  })
  afterAll(() => api.close())

  it("shows leadership what the office's users did, newest first, with who did it", async () => {
    const pimpinan = await world.as('own', 'pimpinan')
    const petugas = await world.as('own', 'petugas')
    await petugas.mutation('devices.create', { name: 'refused: petugas is not an admin' })
    const admin = await world.as('own', 'admin')
    dataOf(await admin.mutation('devices.create', { name: 'Kios lobi' }))

    const trail = dataOf<AuditPage>(await pimpinan.query('audit.list', {}))
    const actions = trail.items.map((e) => e.action)
    expect(actions[0]).toBe('device.create')
    expect(actions).toContain('auth.login')
    expect(trail.items[0]!.actor?.displayName).toBe('admin own')
    expect(trail.items.map((e) => e.occurredAt.getTime())).toEqual(
      trail.items.map((e) => e.occurredAt.getTime()).sort((a, b) => b - a),
    )
    expect(JSON.stringify(trail)).not.toMatch(/passwordHash|tokenHash|\$argon2/)
  })

  it('filters by action, target and actor, and pages', async () => {
    const pimpinan = await world.as('own', 'pimpinan')
    const created = dataOf<AuditPage>(await pimpinan.query('audit.list', { action: 'device.' }))
    expect(created.items.length).toBeGreaterThan(0)
    expect(created.items.every((e) => e.action.startsWith('device.'))).toBe(true)
    const first = created.items[0]!
    const byTarget = dataOf<AuditPage>(
      await pimpinan.query('audit.list', { targetType: first.targetType, targetId: first.targetId }),
    )
    expect(byTarget.items.map((e) => e.id)).toContain(first.id)
    const page = dataOf<AuditPage>(await pimpinan.query('audit.list', { pageSize: 1, page: 2 }))
    expect(page.items).toHaveLength(1)
    expect(page.total).toBeGreaterThan(1)
  })

  it("records every read an observer makes, and lets the province read a regency's trail", async () => {
    const pengawas = await world.as('own', 'pengawas')
    const before = await api.db.prisma.auditEvent.count({ where: { action: 'read', targetId: 'audit.list' } })
    dataOf(await pengawas.query('audit.list', {}))
    const after = await api.db.prisma.auditEvent.count({ where: { action: 'read', targetId: 'audit.list' } })
    expect(after).toBe(before + 1)

    const province = await world.as('province', 'pimpinan')
    const regency = dataOf<AuditPage>(await province.query('audit.list', { officeId: world.officeId.own }))
    expect(regency.items.some((e) => e.action === 'device.create')).toBe(true)
  })

  it("refuses another office's trail and those without audit.read", async () => {
    const sibling = await (
      await world.as('own', 'pimpinan')
    ).query('audit.list', { officeId: world.officeId.other })
    expect([sibling.status, sibling.body.error?.data.rule]).toEqual([403, 'tenancy.office'])
    const petugas = await (await world.as('own', 'petugas')).query('audit.list', {})
    expect([petugas.status, petugas.body.error?.data.rule]).toEqual([403, 'auth.forbidden'])
  })
})
