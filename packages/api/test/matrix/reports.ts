import type { MatrixFragment, MatrixWorld } from './types.ts'

const period = { from: '2024-09-01', to: '2024-09-30' }

const otherOffice = async (world: MatrixWorld) => ({
  input: { officeId: world.officeId.other, ...period },
  expect: 'FORBIDDEN' as const,
})

/** A report the other office finalised (and did not send): no one in a sibling office reaches it. */
async function otherReport(world: MatrixWorld) {
  const staff = await world.as('other', 'pimpinan')
  const reply = await staff.mutation('reports.finalise', period)
  if (reply.status !== 200) throw new Error(`reports.finalise failed: ${reply.text}`)
  return { input: { id: (reply.body.result!.data as { id: string }).id }, expect: 'NOT_FOUND' as const }
}

/** Reports: compiled by anyone who reads the office, signed off and sent up by leadership. */
export const fragment: MatrixFragment = {
  'reports.draft': { audience: 'office.read', crossOffice: otherOffice },
  'reports.finalise': { audience: 'report.sign' },
  'reports.send': { audience: 'report.sign', crossOffice: otherReport },
  'reports.list': {
    audience: 'office.read',
    crossOffice: async (world) => ({ input: { officeId: world.officeId.other }, expect: 'FORBIDDEN' }),
  },
  'reports.inbox': { audience: 'office.read' },
  'reports.get': { audience: 'office.read', crossOffice: otherReport },
  'reports.export': {
    audience: 'office.read',
    crossOffice: async (world) => {
      const { input, expect } = await otherReport(world)
      return { input: { source: input, format: 'xlsx' }, expect }
    },
  },
}
