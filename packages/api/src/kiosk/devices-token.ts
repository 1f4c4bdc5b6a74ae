import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '@mejabantu/db'
import { BatchQueue, type Settled } from '../shared/batch-queue.ts'
import type { KioskLimits } from './throttle.ts'

// lastSeenAt is for the admin's device list; once a minute is precise enough and spares the database.
const TOUCH_INTERVAL_MS = 60_000

/** A new device token: 32 random bytes, shown to the kiosk once, never stored. */
export const newDeviceToken = () => randomBytes(32).toString('base64url')

/** What the database keeps instead of a token or pairing code. */
export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('hex')

/** A paired, unrevoked device as its token identifies it. */
export interface PairedDevice {
  id: string
  officeId: string
  /** kiosk or display: each kind's token opens only its own procedures. */
  kind: string
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

type Authentication = PairedDevice | 'revoked' | null

const lookups = new WeakMap<Database, BatchQueue<{ tokenHash: string; now: Date }, Authentication>>()

/**
 * The paired device a token belongs to (`revoked` when it was revoked), or null for an unknown token.
 * Marks the device as seen, at most once a minute. Every kiosk call asks, so concurrent ones share one
 * query; each is answered from a read made after it arrived, so a revocation takes effect at once.
 */
export function authenticateDevice(db: Database, token: string, now: Date): Promise<Authentication> {
  let queue = lookups.get(db)
  if (!queue) {
    queue = new BatchQueue((_key, items) => authenticateDevices(db, items))
    lookups.set(db, queue)
  }
  return queue.submit('devices', { tokenHash: secretHash(token), now })
}

async function authenticateDevices(
  db: Database,
  items: { tokenHash: string; now: Date }[],
): Promise<Settled<Authentication>[]> {
  const devices = await db.prisma.kioskDevice.findMany({
    where: { tokenHash: { in: [...new Set(items.map((i) => i.tokenHash))] } },
    select: { id: true, officeId: true, kind: true, tokenHash: true, lastSeenAt: true, revokedAt: true },
  })
  const byHash = new Map(devices.map((d) => [d.tokenHash, d]))
  const now = items[0]!.now
  const unseen = devices.filter(
    (d) => !d.revokedAt && (!d.lastSeenAt || now.getTime() - d.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS),
  )
  if (unseen.length > 0) {
    // Guarded, so a device revoked meanwhile stays as the revocation left it.
    await db.prisma.kioskDevice.updateMany({
      where: { id: { in: unseen.map((d) => d.id) }, revokedAt: null },
      data: { lastSeenAt: now },
    })
  }
  return items.map(({ tokenHash }) => {
    const device = byHash.get(tokenHash)
    if (!device) return { ok: true, value: null }
    if (device.revokedAt) return { ok: true, value: 'revoked' }
    return { ok: true, value: { id: device.id, officeId: device.officeId, kind: device.kind } }
  })
}
