import { randomInt } from 'node:crypto'
import type { Database } from '@mejabantu/db'
import {
  DeviceKindSchema,
  formatPairingCode,
  type DeviceKind,
  KioskDeviceSchema,
  PAIRING_ALPHABET,
  PAIRING_CODE_LENGTH,
} from '@mejabantu/domain'
import { z } from 'zod'
import { refuse } from '../shared/errors.ts'
import type { OfficeScope } from '../shared/tenancy.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { secretHash } from './devices-token.ts'
import { kioskViolations } from './violations.ts'
import type { Actor } from '../shared/actor.ts'

/** A pairing code is good for this long after the admin creates the device. */
export const PAIRING_TTL_MS = 15 * 60_000

/** A device as the admin's list shows it; `pairingExpiresAt` only while a code waits to be used. */
export const DeviceViewSchema = KioskDeviceSchema.extend({
  // Stored as text; only createDevice writes it, from DeviceKindSchema.
  kind: z.string().pipe(DeviceKindSchema),
  pairingExpiresAt: z.date().nullable(),
  createdAt: z.date(),
})
// As services build it: the kind as stored text, which the schema narrows on the way out.
export type DeviceView = z.input<typeof DeviceViewSchema>

const deviceSelect = {
  id: true,
  officeId: true,
  name: true,
  kind: true,
  pairedAt: true,
  lastSeenAt: true,
  revokedAt: true,
  pairingExpiresAt: true,
  createdAt: true,
} as const

const newPairingCode = () =>
  Array.from(
    { length: PAIRING_CODE_LENGTH },
    () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)],
  ).join('')

const snapshot = (d: DeviceView) => ({
  officeId: d.officeId,
  name: d.name,
  kind: d.kind,
  pairedAt: d.pairedAt?.toISOString() ?? null,
  revokedAt: d.revokedAt?.toISOString() ?? null,
})

/**
 * A new kiosk device of the admin's office and its one-time pairing code, shown once ("ABCD-EFGH"); only
 * the code's sha256 is stored, and it expires after 15 minutes.
 */
export async function createDevice(
  db: Database,
  scope: OfficeScope,
  input: { name: string; kind: DeviceKind },
  actor: Actor,
  now = new Date(),
): Promise<{ device: DeviceView; pairingCode: string }> {
  const code = newPairingCode()
  const device = await db.prisma.$transaction(async (tx) => {
    const created = await tx.kioskDevice.create({
      data: {
        officeId: scope.write(),
        name: input.name,
        kind: input.kind,
        pairingCodeHash: secretHash(code),
        pairingExpiresAt: new Date(now.getTime() + PAIRING_TTL_MS),
      },
      select: deviceSelect,
    })
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'device.create',
      targetType: 'KioskDevice',
      targetId: created.id,
      after: { ...snapshot(created), pairingExpiresAt: created.pairingExpiresAt!.toISOString() },
      ip: actor.ip,
    })
    return created
  })
  return { device, pairingCode: formatPairingCode(code) }
}

/** The kiosk devices of an office the user may read, newest first. */
export async function listDevices(
  db: Database,
  scope: OfficeScope,
  officeId?: string,
): Promise<DeviceView[]> {
  const devices = await db.prisma.kioskDevice.findMany({
    where: { officeId: scope.read(officeId) },
    select: { ...deviceSelect, pairingCodeHash: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  })
  // An expired code is of no use to anyone; show it as none.
  return devices.map(({ pairingCodeHash, ...d }) => ({
    ...d,
    pairingExpiresAt: pairingCodeHash ? d.pairingExpiresAt : null,
  }))
}

/** Revokes a device of the admin's own office: its token and any unused pairing code stop working. */
export async function revokeDevice(
  db: Database,
  scope: OfficeScope,
  id: string,
  actor: Actor,
  now = new Date(),
): Promise<DeviceView> {
  const found = await db.prisma.kioskDevice.findUnique({ where: { id }, select: deviceSelect })
  if (!found) refuse('NOT_FOUND', kioskViolations.deviceNotFound(id))
  scope.write(found.officeId)
  return db.prisma.$transaction(async (tx) => {
    const { count } = await tx.kioskDevice.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: now, pairingCodeHash: null, pairingExpiresAt: null },
    })
    if (count === 0) refuse('CONFLICT', kioskViolations.alreadyRevoked(id))
    const revoked = await tx.kioskDevice.findUniqueOrThrow({ where: { id }, select: deviceSelect })
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'device.revoke',
      targetType: 'KioskDevice',
      targetId: id,
      before: snapshot(found),
      after: snapshot(revoked),
      ip: actor.ip,
    })
    return revoked
  })
}

/** What a kiosk learns when it pairs: its token (kept on the device, sent as a Bearer token) and office. */
export const PairingSchema = z.object({
  token: z.string(),
  /** offlinePrefix: what the tablet's offline ticket numbers start with ("L2" → L2-001). */
  device: z.object({ id: z.uuid(), name: z.string(), offlinePrefix: z.string().nullable() }),
  office: z.object({ id: z.uuid(), name: z.string() }),
})
export type Pairing = z.infer<typeof PairingSchema>

/** A new device and its pairing code, shown to the admin once. */
export const CreatedDeviceSchema = z.object({ device: DeviceViewSchema, pairingCode: z.string() })
