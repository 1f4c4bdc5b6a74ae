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
  'candidates.decide': {
    audience: 'requirement.write',
    crossOffice: async (world) =>
      forbidden({ pairId: (await otherRecords(world)).pairId, to: 'pendaftaran_dikembalikan', reason: 'x' }),
  },
  'candidates.replaceCandidate': {
    audience: 'requirement.write',
    crossOffice: async (world) =>
      forbidden({
        pairId: (await otherRecords(world)).pairId,
        candidate: { role: 'wakil', fullName: 'Calon Pengganti', birthDate: '1980-01-01' },
        cause: 'berhalangan_tetap',
        reason: 'x',
      }),
  },
  'candidates.document': {
    audience: 'office.read',
    crossOffice: async (world) =>
      forbidden({ kind: 'beritaAcara', id: (await otherRecords(world)).handoverId }),
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
