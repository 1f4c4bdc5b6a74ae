import type { MatrixFragment } from './types.ts'

/** The offices a user reads (own and below): every signed-in role, no input to aim elsewhere. */
export const fragment: MatrixFragment = {
  'offices.readable': { audience: 'office.read' },
}
