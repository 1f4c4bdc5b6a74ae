import { z } from 'zod'

/** Letters and digits that cannot be misread on a tablet screen (no 0/O, 1/I/L). */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
/** Characters in a pairing code. */
export const PAIRING_CODE_LENGTH = 8

/**
 * The one-time code an admin reads from the console and types on a new kiosk, shown as "ABCD-EFGH".
 * Typed input is upper-cased and stripped of spaces and dashes.
 */
export const PairingCodeSchema = z
  .string()
  .transform((raw) => raw.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${PAIRING_ALPHABET}]{${PAIRING_CODE_LENGTH}}$`)))

/** A pairing code as displayed: two groups of four. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** kiosk: a lobby tablet that checks walk-ins in; display: the waiting-room screen, which only reads. */
export const DeviceKindSchema = z.enum(['kiosk', 'display'])
/** What a paired device is for. */
export type DeviceKind = z.infer<typeof DeviceKindSchema>

/** A kiosk tablet paired to one office; it may only check walk-ins in and read their tickets. */
export const KioskDeviceSchema = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  name: z.string().trim().min(1).max(80),
  pairedAt: z.date().nullable(),
  lastSeenAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
})
/** A kiosk device. */
export type KioskDevice = z.infer<typeof KioskDeviceSchema>
