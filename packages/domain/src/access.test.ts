import { describe, expect, it } from 'vitest'
import { can, Permission, readsAreAudited, Role } from './access.ts'

describe('roles and permissions', () => {
  it('gives the admin everything but leadership’s signature on a report', () => {
    for (const permission of Permission.values)
      expect(can('admin', permission), permission).toBe(permission !== 'report.sign')
  })

  it('lets only leadership sign reports off and send them up; staff prepare them', () => {
    expect(Role.values.filter((role) => can(role, 'report.sign'))).toEqual(['pimpinan'])
    expect(can('petugas', 'report.write')).toBe(true)
  })

  it('keeps pengawas read-only and audited', () => {
    const writes = Permission.values.filter(
      (p) => p.endsWith('.write') || p === 'admin.manage' || p === 'report.sign',
    )
    for (const permission of writes) expect(can('pengawas', permission), permission).toBe(false)
    expect(can('pengawas', 'office.read')).toBe(true)
    expect(readsAreAudited('pengawas')).toBe(true)
    expect(Role.values.filter(readsAreAudited)).toEqual(['pengawas'])
  })

  it('lets petugas serve the desk but not manage the office or read roll-ups', () => {
    expect(can('petugas', 'visit.write')).toBe(true)
    expect(can('petugas', 'consultation.write')).toBe(true)
    expect(can('petugas', 'requirement.write')).toBe(true)
    expect(can('petugas', 'admin.manage')).toBe(false)
    expect(can('petugas', 'rollup.read')).toBe(false)
  })

  it('lets pimpinan read roll-ups and send reports, not record research', () => {
    expect(can('pimpinan', 'rollup.read')).toBe(true)
    expect(can('pimpinan', 'report.write')).toBe(true)
    expect(can('pimpinan', 'requirement.write')).toBe(false)
    expect(can('pimpinan', 'visit.write')).toBe(false)
  })
})
