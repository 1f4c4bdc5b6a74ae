import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '@mejabantu/db'
import type { KioskLimits } from './kiosk-throttle.ts'

// lastSeenAt is for the admin's device list; once a minute is precise enough and spares the database.
const TOUCH_INTERVAL_MS = 60_000

/** A new device token: 32 random bytes, shown to the kiosk once, never stored. */
export const newDeviceToken = () => randomBytes(32).toString('base64url')

/** What the database keeps instead of a token or pairing code. */
export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('hex')

/** The device a request speaks for, as procedures see it. */
/** A paired, unrevoked device as its token identifies it. */
export interface PairedDevice {
  id: string
  officeId: string
}

/** The device a kiosk procedure runs for, with the server's per-minute allowance for every kiosk. */
export interface KioskDeviceContext extends PairedDevice {
  limits: KioskLimits
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match ? match[1]! : null
}

/**
 * The paired device a token belongs to (`revoked` when it was revoked), or null for an unknown token.
 * Marks the device as seen, at most once a minute.
 */
export async function authenticateDevice(
  db: Database,
  token: string,
  now: Date,
): Promise<PairedDevice | 'revoked' | null> {
  const device = await db.prisma.kioskDevice.findUnique({
    where: { tokenHash: secretHash(token) },
    select: { id: true, officeId: true, lastSeenAt: true, revokedAt: true },
  })
  if (!device) return null
  if (device.revokedAt) return 'revoked'
  if (!device.lastSeenAt || now.getTime() - device.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    // Guarded, so a device revoked meanwhile stays as the revocation left it.
    await db.prisma.kioskDevice.updateMany({
      where: { id: device.id, revokedAt: null },
      data: { lastSeenAt: now },
    })
  }
  return { id: device.id, officeId: device.officeId }
}
