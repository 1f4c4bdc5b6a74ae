import { checkInInput } from '../support/kiosk.ts'
import type { MatrixFragment } from './types.ts'

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
}
