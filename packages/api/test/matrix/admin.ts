import { otherRecords } from '../support/nomination.ts'
import type { MatrixFragment, MatrixWorld } from './types.ts'

const forbidden = <T>(input: T) => ({ input, expect: 'FORBIDDEN' as const })
const otherUser = async (world: MatrixWorld) => forbidden({ userId: (await otherRecords(world)).userId })

/** Offices and accounts: an admin manages their own office and the offices below it, never a sibling. */
export const fragment: MatrixFragment = {
  'admin.offices.list': { audience: 'admin.manage' },
  'admin.offices.create': {
    audience: 'admin.manage',
    crossOffice: async (world) =>
      forbidden({
        name: 'KPU Kabupaten Kulon Progo',
        level: 'KABKOTA',
        regionCode: '34.01',
        timeZone: 'WIB',
        parentId: world.officeId.other,
      }),
  },
  'admin.offices.update': {
    audience: 'admin.manage',
    crossOffice: async (world) => forbidden({ id: world.officeId.other, retentionDays: 30 }),
  },
  'admin.users.list': {
    audience: 'admin.manage',
    crossOffice: async (world) => forbidden({ officeId: world.officeId.other }),
  },
  'admin.users.create': {
    audience: 'admin.manage',
    crossOffice: async (world) =>
      forbidden({
        officeId: world.officeId.other,
        username: 'matrix-probe',
        displayName: 'Probe',
        role: 'petugas',
      }),
  },
  'admin.users.setRole': {
    audience: 'admin.manage',
    crossOffice: async (world) => forbidden({ userId: (await otherRecords(world)).userId, role: 'pimpinan' }),
  },
  'admin.users.deactivate': { audience: 'admin.manage', crossOffice: otherUser },
  'admin.users.reactivate': { audience: 'admin.manage', crossOffice: otherUser },
  'admin.users.resetPassword': { audience: 'admin.manage', crossOffice: otherUser },
}
