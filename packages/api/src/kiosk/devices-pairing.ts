import type { Database } from '@mejabantu/db'
import { refuse } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import type { Pairing } from './devices.ts'
import { newDeviceToken, secretHash } from './devices-token.ts'
import { kioskViolations } from './violations.ts'
import { offlinePrefixFor } from './offline-prefix.ts'
import { recordLoginSuccess, type ThrottleKey, type ThrottlePolicy } from '../auth/login-throttle.ts'
import { checkPasswordAttempt } from '../auth/password-attempt.ts'

const MINUTE = 60_000
/**
 * Wrong pairing codes allowed per client address before it waits: a code is short enough to type on a
 * tablet, so guessing must be slow. An admin pairing a few tablets never meets the limit.
 */
export const pairingPolicy: ThrottlePolicy = { limit: 10, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE }

const pairingKeys = (ip: string | null): ThrottleKey[] => [
  { key: `pairing-ip:${ip ?? 'unknown'}`, policy: pairingPolicy },
]

const usableCode = (pairingCodeHash: string, now: Date) => ({
  pairingCodeHash,
  pairingExpiresAt: { gt: now },
  revokedAt: null,
})

/**
 * Exchanges a valid, unexpired pairing code for a new device token, under an attempt limit per address
 * (wrong and refused attempts audited like sign-ins). One conditional update both checks and spends the
 * code, so two tablets racing with the same code cannot both pair.
 */
export async function pairDevice(
  db: Database,
  code: string,
  client: { ip: string | null },
  now = new Date(),
): Promise<Pairing> {
  const pairingCodeHash = secretHash(code)
  const keys = pairingKeys(client.ip)
  await checkPasswordAttempt(db, {
    keys,
    action: 'device.pair',
    actorId: null,
    target: { type: 'KioskDevice', id: 'pairing' },
    ip: client.ip,
    now,
    verify: async () => (await db.prisma.kioskDevice.count({ where: usableCode(pairingCodeHash, now) })) > 0,
    wrong: { code: 'BAD_REQUEST', violation: kioskViolations.pairingCodeInvalid() },
    locked: kioskViolations.pairingLocked,
  })
  const token = newDeviceToken()
  const paired = await db.prisma.$transaction(async (tx) => {
    const device = await tx.kioskDevice.findUnique({ where: { pairingCodeHash }, select: { id: true } })
    const { count } = device
      ? await tx.kioskDevice.updateMany({
          where: { id: device.id, ...usableCode(pairingCodeHash, now) },
          data: {
            pairingCodeHash: null,
            pairingExpiresAt: null,
            tokenHash: secretHash(token),
            pairedAt: now,
            lastSeenAt: now,
          },
        })
      : { count: 0 }
    if (count === 0) return null
    await recordLoginSuccess(tx, keys)
    const row = await tx.kioskDevice.findUniqueOrThrow({
      where: { id: device!.id },
      select: {
        id: true,
        name: true,
        kind: true,
        officeId: true,
        office: { select: { id: true, name: true } },
      },
    })
    // Only a check-in tablet hands out offline tickets; a waiting-room display needs no prefix.
    const offlinePrefix = row.kind === 'kiosk' ? (await offlinePrefixFor(tx, row)).prefix : null
    await writeAudit(tx, {
      actorId: null,
      officeId: row.officeId,
      action: 'device.pair',
      targetType: 'KioskDevice',
      targetId: row.id,
      after: { officeId: row.officeId, pairedAt: now.toISOString(), offlinePrefix },
      ip: client.ip,
    })
    return { ...row, offlinePrefix }
  })
  // Another tablet spent the code between the check and the update.
  if (!paired) refuse('BAD_REQUEST', kioskViolations.pairingCodeInvalid())
  return {
    token,
    device: { id: paired.id, name: paired.name, offlinePrefix: paired.offlinePrefix },
    office: paired.office,
  }
}
