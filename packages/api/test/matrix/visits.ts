import type { MatrixFragment, MatrixWorld } from './types.ts'
import { checkInInput } from '../support/kiosk.ts'

/** A visit in the other office's guest book, checked in by its own staff. */
async function otherVisit(world: MatrixWorld) {
  const staff = await world.as('other', 'petugas')
  const reply = await staff.mutation('visits.checkIn', checkInInput())
  const { visitId } = reply.body.result!.data as { visitId: string }
  return { input: { visitId }, expect: 'FORBIDDEN' as const }
}

const otherOffice = async (world: MatrixWorld) => ({
  input: { officeId: world.officeId.other },
  expect: 'FORBIDDEN' as const,
})

/** The guest book and the queue, from the staff console. */
export const fragment: MatrixFragment = {
  'visits.today': { audience: 'office.read', crossOffice: otherOffice },
  'visits.inBuilding': { audience: 'office.read', crossOffice: otherOffice },
  'visits.checkIn': { audience: 'visit.write' },
  'queue.callNext': { audience: 'visit.write' },
  'queue.recall': { audience: 'visit.write', crossOffice: otherVisit },
  'queue.noShow': { audience: 'visit.write', crossOffice: otherVisit },
  'queue.requeue': { audience: 'visit.write', crossOffice: otherVisit },
  'queue.serve': { audience: 'visit.write', crossOffice: otherVisit },
  'queue.checkOut': { audience: 'visit.write', crossOffice: otherVisit },
  'queue.board': { audience: 'office.read', crossOffice: otherOffice },
}
