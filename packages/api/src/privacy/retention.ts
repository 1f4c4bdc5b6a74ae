import type { Database } from '@mejabantu/db'
import { retentionCutoff, retentionDaysFor, type TimeZone } from '@mejabantu/domain'
import { writeAudit } from '../shared/audit-writer.ts'
import type { Actor } from '../shared/actor.ts'
import { addCounts, anonymiseGuests, NONE_ANONYMISED, type AnonymisedCounts } from './anonymise-guests.ts'
import { calendarOf } from '../candidates/elections-records.ts'
import { discardFiles } from '../shared/storage/discard-files.ts'
import { retainOldSheets } from './retention-sheets.ts'
import { retainOldAppointments } from './erase-appointments.ts'
import { attachmentStorage, type AttachmentStorage } from '../shared/storage/configured.ts'

/** What one office's retention run did. */
export interface RetentionResult {
  officeId: string
  /** The office period's cutoff; guests who accepted a shorter consent period may go earlier. */
  cutoff: Date | null
  anonymised: AnonymisedCounts
}

interface RetentionOffice {
  id: string
  timeZone: TimeZone
  retentionDays: number
}

interface GuestSeen {
  id: string
  lastSeenAt: Date
  consentDays: number | null
}

/**
 * Anonymises the office's guests last seen before their retention cutoff: the end of the latest election's
 * nomination stage whose period is over, the period being the office's or a shorter one a consent text
 * the guest accepted promised. Idempotent; audited with counts only, never names. A run nobody asked for
 * that finds nothing leaves no audit event, so the timer does not fill the trail.
 */
export async function runRetention(
  db: Database,
  storage: AttachmentStorage,
  office: RetentionOffice,
  now: Date,
  actor: { userId: string | null; ip: string | null } = { userId: null, ip: null },
): Promise<RetentionResult> {
  const elections = await db.prisma.election.findMany({
    where: { officeId: office.id },
    select: { calendar: true },
  })
  const calendars = elections.map(calendarOf)
  const cutoffAfter = (days: number) => retentionCutoff(calendars, office.timeZone, days, now)
  const cutoff = cutoffAfter(office.retentionDays)
  const shortestConsent = await db.prisma.consentText.aggregate({
    where: { OR: [{ officeId: office.id }, { officeId: null }] },
    _min: { retentionDays: true },
  })
  const latestCutoff = cutoffAfter(
    retentionDaysFor(office.retentionDays, [shortestConsent._min.retentionDays ?? office.retentionDays]),
  )
  if (!latestCutoff && !cutoff && !actor.userId)
    return { officeId: office.id, cutoff, anonymised: NONE_ANONYMISED }

  const discarded: string[] = []
  const anonymised = await db.prisma.$transaction(async (tx) => {
    let counts = NONE_ANONYMISED
    if (latestCutoff) {
      const seen = await tx.$queryRaw<GuestSeen[]>`
        SELECT g."id", COALESCE(max(v."checkedInAt"), g."createdAt") AS "lastSeenAt",
               min(c."retentionDays") AS "consentDays"
        FROM "Guest" g
        LEFT JOIN "Visit" v ON v."guestId" = g."id"
        LEFT JOIN "ConsentText" c ON c."version" = v."consentVersion"
          AND (c."officeId" = v."officeId" OR c."officeId" IS NULL)
        WHERE g."officeId" = ${office.id}::uuid AND g."anonymisedAt" IS NULL
        GROUP BY g."id"
        HAVING COALESCE(max(v."checkedInAt"), g."createdAt") < ${latestCutoff}::timestamptz`
      const byDays = new Map<number, GuestSeen[]>()
      for (const guest of seen) {
        const days = retentionDaysFor(
          office.retentionDays,
          guest.consentDays === null ? [] : [guest.consentDays],
        )
        byDays.set(days, [...(byDays.get(days) ?? []), guest])
      }
      for (const [days, guests] of byDays) {
        const before = cutoffAfter(days)
        if (!before) continue
        const due = guests.filter((guest) => guest.lastSeenAt < before).map((guest) => guest.id)
        counts = addCounts(counts, await anonymiseGuests(tx, due, now, discarded, before))
      }
    }
    if (cutoff) counts = addCounts(counts, await retainOldSheets(tx, office.id, cutoff, discarded))
    if (cutoff) {
      const appointments = await retainOldAppointments(tx, office.id, cutoff)
      counts = addCounts(counts, { ...NONE_ANONYMISED, appointments })
    }
    if (counts.guests > 0 || counts.consultations > 0 || counts.appointments > 0 || actor.userId) {
      await writeAudit(tx, {
        actorId: actor.userId,
        action: 'privacy.retention',
        targetType: 'Office',
        targetId: office.id,
        after: { ...counts, cutoff: cutoff?.toISOString() ?? null, retentionDays: office.retentionDays },
        ip: actor.ip,
      })
    }
    return counts
  })
  await discardFiles(storage, discarded)
  return { officeId: office.id, cutoff, anonymised }
}

const officeFields = { id: true, timeZone: true, retentionDays: true } as const

/** The retention run of every office, as the server's timer makes it. */
export async function runRetentionEverywhere(
  db: Database,
  now: Date,
  storage: AttachmentStorage = attachmentStorage(),
): Promise<RetentionResult[]> {
  const offices = await db.prisma.office.findMany({ select: officeFields })
  const results: RetentionResult[] = []
  for (const office of offices) results.push(await runRetention(db, storage, office, now))
  return results
}

/** The admin's own office's retention run, now; audited even when it finds nothing. */
export async function runRetentionNow(
  db: Database,
  storage: AttachmentStorage,
  actor: Actor,
  now: Date,
): Promise<RetentionResult> {
  const office = await db.prisma.office.findUniqueOrThrow({
    where: { id: actor.scope.write() },
    select: officeFields,
  })
  return runRetention(db, storage, office, now, actor)
}
