import type { MatrixFragment, MatrixWorld } from './types.ts'

const otherOffice = async (world: MatrixWorld) => ({
  input: { officeId: world.officeId.other },
  expect: 'FORBIDDEN' as const,
})

/** Kiosk devices and consent texts, managed by administrators. */
export const fragment: MatrixFragment = {
  'devices.create': { audience: 'admin.manage' },
  'devices.list': { audience: 'admin.manage', crossOffice: otherOffice },
  'devices.revoke': {
    audience: 'admin.manage',
    crossOffice: async (world) => {
      const admin = await world.as('other', 'admin')
      const reply = await admin.mutation('devices.create', { name: 'Kios Sleman' })
      const { device } = reply.body.result!.data as { device: { id: string } }
      return { input: { id: device.id }, expect: 'FORBIDDEN' }
    },
  },
  'consent.list': { audience: 'admin.manage', crossOffice: otherOffice },
  'consent.add': { audience: 'admin.manage' },
}
