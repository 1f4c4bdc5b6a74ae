import { otherRecords, pairInput } from '../support/nomination.ts'
import type { MatrixFragment } from './types.ts'

const forbidden = <T>(input: T) => ({ input, expect: 'FORBIDDEN' as const })

/** Candidate pairs: registered and updated by their office's staff, read within the office's scope. */
export const fragment: MatrixFragment = {
  'candidates.create': {
    audience: 'requirement.write',
    crossOffice: async (world) => forbidden(pairInput((await otherRecords(world)).electionId)),
  },
  'candidates.update': {
    audience: 'requirement.write',
    crossOffice: async (world) => forbidden({ pairId: (await otherRecords(world)).pairId, ballotNumber: 7 }),
  },
  'candidates.list': {
    audience: 'office.read',
    crossOffice: async (world) => forbidden({ electionId: (await otherRecords(world)).electionId }),
  },
  'candidates.dossier': {
    audience: 'office.read',
    crossOffice: async (world) => forbidden({ pairId: (await otherRecords(world)).pairId }),
  },
  'candidates.deadlines': {
    audience: 'office.read',
    crossOffice: async (world) => forbidden({ officeId: world.officeId.other }),
  },
}
