import type { MatrixFragment } from './types.ts'

/** The waiting-room display (a paired device of kind display) and the desks staff pick. */
export const fragment: MatrixFragment = {
  'display.board': { audience: 'display' },
  'queue.desks': { audience: 'office.read' },
  'queue.setDesk': { audience: 'visit.write' },
}
