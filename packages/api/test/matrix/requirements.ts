import { otherRecords } from '../support/nomination.ts'
import type { MatrixFragment } from './types.ts'

const forbidden = <T>(input: T) => ({ input, expect: 'FORBIDDEN' as const })
const submitted = { to: 'diserahkan', reason: null, evidence: null }

/** Research steps and handovers: only the pair's own office records them. */
export const fragment: MatrixFragment = {
  'requirements.record': {
    audience: 'requirement.write',
    crossOffice: async (world) => forbidden({ checkId: (await otherRecords(world)).checkId, ...submitted }),
  },
  'requirements.recordMany': {
    audience: 'requirement.write',
    crossOffice: async (world) =>
      forbidden({ steps: [{ checkId: (await otherRecords(world)).checkId, ...submitted }] }),
  },
  'requirements.submit': {
    audience: 'requirement.write',
    crossOffice: async (world) => {
      const other = await otherRecords(world)
      return forbidden({
        pairId: other.pairId,
        checkIds: [other.checkId],
        receivedAt: new Date(),
        channel: 'silon',
      })
    },
  },
  'requirements.closeFixWindow': {
    audience: 'requirement.write',
    crossOffice: async (world) => forbidden({ pairId: (await otherRecords(world)).pairId }),
  },
  'requirements.signHandover': {
    audience: 'report.sign',
    crossOffice: async (world) => forbidden({ handoverId: (await otherRecords(world)).handoverId }),
  },
  'requirements.handover': {
    audience: 'requirement.write',
    crossOffice: async (world) =>
      forbidden({
        pairId: (await otherRecords(world)).pairId,
        heldAt: new Date('2024-09-06T02:00:00Z'),
        place: 'Kantor KPU',
        attendees: [{ name: 'LO Matriks', institution: 'pasangan_calon' }],
      }),
  },
}
