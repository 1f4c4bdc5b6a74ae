import { checkInInput } from '../support/kiosk.ts'
import type { MatrixFragment, MatrixWorld } from './types.ts'

/** A check-in at the other office's kiosk, named by visit and client id, with `extra` input. */
const otherCheckIn =
  (extra: Record<string, unknown> = {}) =>
  async (world: MatrixWorld) => {
    const input = checkInInput()
    const reply = await (await world.kiosk('other')).mutation('kiosk.checkIn', input)
    const { visitId } = reply.body.result!.data as { visitId: string }
    return { input: { visitId, clientId: input.clientId, ...extra }, expect: 'NOT_FOUND' as const }
  }

/** Kiosk devices: pairing is public, everything else needs a paired device's token. */
export const fragment: MatrixFragment = {
  'kiosk.pair': { audience: 'public' },
  'kiosk.office': { audience: 'kiosk' },
  'kiosk.checkIn': { audience: 'kiosk' },
  'kiosk.lookup': { audience: 'kiosk' },
  'kiosk.ticket': {
    audience: 'kiosk',
    // Another office's kiosk's ticket, named correctly by visit and client id.
    crossOffice: async (world) => {
      const input = checkInInput()
      const reply = await (await world.kiosk('other')).mutation('kiosk.checkIn', input)
      const { visitId } = reply.body.result!.data as { visitId: string }
      return { input: { visitId, clientId: input.clientId }, expect: 'NOT_FOUND' }
    },
  },
  // Ratings of a guest another office's kiosk checked in: that check-in is not found at this one.
  'kiosk.pendingRatings': { audience: 'kiosk', crossOffice: otherCheckIn() },
  'kiosk.rate': {
    audience: 'kiosk',
    crossOffice: otherCheckIn({ consultationId: '00000000-0000-4000-8000-000000000000', score: 5 }),
  },
}
