import type { Database, Transaction } from '@mejabantu/db'
import { ANONYMISED_NAME, retentionCutoff, type TimeZone } from '@mejabantu/domain'
import { writeAudit } from './audit.ts'
import { calendarOf } from './elections-records.ts'

/**
 * Removes the personal data of guests, keeping every visit and sheet so counts and reports stay as they
 * were: the guest's name becomes a placeholder and institution, phone and e-mail go; their visits lose
 * the purpose text, and sheets opened from those visits lose the asker's name, institution and contact.
 */
export async function anonymiseGuests(tx: Transaction, guestIds: string[], now: Date): Promise<number> {
  if (guestIds.length === 0) return 0
  const { count } = await tx.guest.updateMany({
    where: { id: { in: guestIds }, anonymisedAt: null },
    data: { name: ANONYMISED_NAME, institution: null, phone: null, email: null, anonymisedAt: now },
  })
  await tx.visit.updateMany({ where: { guestId: { in: guestIds } }, data: { purpose: null } })
  await tx.consultation.updateMany({
    where: { visit: { guestId: { in: guestIds } } },
    data: { askerName: ANONYMISED_NAME, askerInstitution: null, askerContact: null },
  })
  return count
}

/** What one office's retention run did. */
export interface RetentionResult {
  officeId: string
  cutoff: Date | null
  anonymised: number
}

/**
 * Anonymises the office's guests last seen before its retention cutoff (the end of the latest election's
 * nomination stage whose retention period is over). Idempotent; audited with counts only, never names.
 */
export async function runRetention(
  db: Database,
  office: { id: string; timeZone: TimeZone; retentionDays: number },
  now: Date,
  actor: { userId: string | null; ip: string | null } = { userId: null, ip: null },
): Promise<RetentionResult> {
  const elections = await db.prisma.election.findMany({
    where: { officeId: office.id },
    select: { calendar: true },
  })
  const cutoff = retentionCutoff(elections.map(calendarOf), office.timeZone, office.retentionDays, now)
  if (!cutoff) return { officeId: office.id, cutoff, anonymised: 0 }
  const anonymised = await db.prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT g."id" FROM "Guest" g
      WHERE g."officeId" = ${office.id}::uuid AND g."anonymisedAt" IS NULL
        AND COALESCE((SELECT max(v."checkedInAt") FROM "Visit" v WHERE v."guestId" = g."id"), g."createdAt")
            < ${cutoff}::timestamptz`
    const count = await anonymiseGuests(
      tx,
      due.map((row) => row.id),
      now,
    )
    if (count > 0) {
      await writeAudit(tx, {
        actorId: actor.userId,
        action: 'privacy.retention',
        targetType: 'Office',
        targetId: office.id,
        after: { anonymised: count, cutoff: cutoff.toISOString(), retentionDays: office.retentionDays },
        ip: actor.ip,
      })
    }
    return count
  })
  return { officeId: office.id, cutoff, anonymised }
}

/** The retention run of every office, as the server's timer makes it. */
export async function runRetentionEverywhere(db: Database, now: Date): Promise<RetentionResult[]> {
  const offices = await db.prisma.office.findMany({
    select: { id: true, timeZone: true, retentionDays: true },
  })
  const results: RetentionResult[] = []
  for (const office of offices) results.push(await runRetention(db, office, now))
  return results
}
