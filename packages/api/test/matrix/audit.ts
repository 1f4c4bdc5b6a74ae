import type { MatrixFragment } from './types.ts'

/** The audit trail: read-only, for those who hold `audit.read`. */
export const fragment: MatrixFragment = {
  'audit.list': {
    audience: 'audit.read',
    crossOffice: async (world) => ({ input: { officeId: world.officeId.other }, expect: 'FORBIDDEN' }),
  },
}
