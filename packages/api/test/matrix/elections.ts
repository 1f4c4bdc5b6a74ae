import { otherRecords } from '../support/nomination.ts'
import type { MatrixFragment } from './types.ts'

const forbidden = <T>(input: T) => ({ input, expect: 'FORBIDDEN' as const })

/** Elections: an office registers its own; reading another office's is refused. */
export const fragment: MatrixFragment = {
  // Always registers for the caller's own office: there is no other office's record to aim at.
  'elections.create': { audience: 'admin.manage' },
  'elections.list': {
    audience: 'office.read',
    crossOffice: async (world) => forbidden({ officeId: world.officeId.other }),
  },
  'elections.get': {
    audience: 'office.read',
    crossOffice: async (world) => forbidden({ id: (await otherRecords(world)).electionId }),
  },
  'elections.overrideStages': {
    audience: 'admin.manage',
    crossOffice: async (world) =>
      forbidden({
        electionId: (await otherRecords(world)).electionId,
        overrides: [{ stage: 'perbaikan', startsAt: '2024-09-06T00:00', endsAt: '2024-09-09T23:59' }],
      }),
  },
  'elections.thresholdBasis': {
    audience: 'requirement.write',
    crossOffice: async (world) =>
      forbidden({
        electionId: (await otherRecords(world)).electionId,
        basis: { voterCount: 800_000, validVotes: 600_000, dprdSeats: 45 },
      }),
  },
  'elections.catalogs': { audience: 'office.read' },
}
