import { checkInInput } from '../support/kiosk.ts'
import type { MatrixFragment, MatrixWorld } from './types.ts'

/** A walk-in of the other office, found by its own admin: no admin elsewhere reaches the guest. */
async function otherGuest(world: MatrixWorld) {
  const input = checkInInput()
  const kiosk = await world.kiosk('other')
  const checkedIn = await kiosk.mutation('kiosk.checkIn', input)
  if (checkedIn.status !== 200) throw new Error(`kiosk.checkIn failed: ${checkedIn.text}`)
  const admin = await world.as('other', 'admin')
  const found = await admin.mutation('privacy.find', { query: input.guest.phone })
  const [match] = found.body.result!.data as { guestId: string }[]
  return { input: { guestId: match!.guestId }, expect: 'NOT_FOUND' as const }
}

/** UU PDP requests and retention: administrators of the office only. */
export const fragment: MatrixFragment = {
  'privacy.find': { audience: 'admin.manage' },
  'privacy.export': { audience: 'admin.manage', crossOffice: otherGuest },
  'privacy.erase': { audience: 'admin.manage', crossOffice: otherGuest },
  'privacy.runRetention': { audience: 'admin.manage' },
}
