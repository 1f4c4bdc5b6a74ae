import type { Transaction } from '@mejabantu/db'

// Namespace of the per-office advisory lock taken while a prefix is chosen.
const OFFLINE_PREFIX_LOCK = 72_011_005
/** Provisional numbers are "L<n>-001": n has at most two digits (the check-in's shape). */
const MAX_PREFIXES = 99

/**
 * The offline prefix of a kiosk that pairs: the one it has, or the lowest "L<n>" no other device of the
 * office holds (revoked ones keep theirs, so their tickets stay unambiguous), null when all 99 are taken;
 * `assigned` when this call gave it.
 * Two tablets pairing at once queue on the office's lock, and the unique (office, prefix) index backs it.
 */
export async function offlinePrefixFor(
  tx: Transaction,
  device: { id: string; officeId: string },
): Promise<{ prefix: string | null; assigned: boolean }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OFFLINE_PREFIX_LOCK}::int, hashtext(${device.officeId}))`
  const devices = await tx.kioskDevice.findMany({
    where: { officeId: device.officeId, offlinePrefix: { not: null } },
    select: { id: true, offlinePrefix: true },
  })
  const own = devices.find((d) => d.id === device.id)?.offlinePrefix
  if (own) return { prefix: own, assigned: false }
  const taken = new Set(devices.map((d) => d.offlinePrefix))
  for (let n = 1; n <= MAX_PREFIXES; n += 1) {
    const prefix = `L${n}`
    if (taken.has(prefix)) continue
    await tx.kioskDevice.update({ where: { id: device.id }, data: { offlinePrefix: prefix } })
    return { prefix, assigned: true }
  }
  return { prefix: null, assigned: false }
}
