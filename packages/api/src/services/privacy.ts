import type { Database } from '@mejabantu/db'
import { maskName, maskPhone, normalisePhone, StakeholderCategory } from '@mejabantu/domain'
import { z } from 'zod'
import { refuse } from '../errors.ts'
import { writeAudit } from './audit.ts'
import type { Actor } from './consultation-access.ts'
import { anonymiseGuests, runRetention, type RetentionResult } from './retention.ts'

/** A search of the office's guest book for one person's request: by phone (any usual form) or name. */
export const PersonQuerySchema = z.strictObject({ query: z.string().trim().min(3).max(120) })

/** A person found, shown masked until the admin opens the export. */
export const PersonMatchSchema = z.object({
  guestId: z.uuid(),
  maskedName: z.string(),
  maskedPhone: z.string().nullable(),
  category: StakeholderCategory.schema.or(z.string()),
  visits: z.number().int().nonnegative(),
  lastVisitAt: z.date().nullable(),
  anonymisedAt: z.date().nullable(),
})
export type PersonMatch = z.infer<typeof PersonMatchSchema>

export const GuestIdSchema = z.strictObject({ guestId: z.uuid() })

/** Everything the office holds about one guest, for a UU PDP access request. */
export const PersonExportSchema = z.object({
  exportedAt: z.date(),
  office: z.object({ name: z.string(), regionCode: z.string() }),
  guest: z.object({
    name: z.string(),
    institution: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    category: z.string(),
    createdAt: z.date(),
    anonymisedAt: z.date().nullable(),
  }),
  visits: z.array(
    z.object({
      queueNumber: z.string(),
      checkedInAt: z.date(),
      topic: z.string(),
      purpose: z.string().nullable(),
      consentVersion: z.string(),
      consultations: z.array(
        z.object({ number: z.string(), question: z.string(), answer: z.string().nullable() }),
      ),
    }),
  ),
})
export type PersonExport = z.infer<typeof PersonExportSchema>

export const RetentionResultSchema = z.object({
  cutoff: z.date().nullable(),
  anonymised: z.number().int().nonnegative(),
})

function notFound(guestId: string): never {
  return refuse('NOT_FOUND', {
    rule: 'privacy.guest.notFound',
    params: { guestId },
    message: {
      id: 'Tamu tidak ditemukan di buku tamu kantor ini.',
      en: 'Guest not found in this office’s guest book.',
    },
  })
}

/** Guests of the admin's office whose phone or name matches, masked, at most 20. */
export async function findPeople(db: Database, actor: Actor, query: string): Promise<PersonMatch[]> {
  const officeId = actor.scope.write()
  const phone = normalisePhone(query)
  const guests = await db.prisma.guest.findMany({
    where: {
      officeId,
      ...(phone ? { phone } : { name: { contains: query, mode: 'insensitive' as const } }),
    },
    select: {
      id: true,
      name: true,
      phone: true,
      category: true,
      anonymisedAt: true,
      visits: { select: { checkedInAt: true }, orderBy: { checkedInAt: 'desc' } },
    },
    orderBy: { createdAt: 'desc' },
    take: 20,
  })
  return guests.map((guest) => ({
    guestId: guest.id,
    maskedName: maskName(guest.name),
    maskedPhone: guest.phone ? maskPhone(guest.phone) : null,
    category: guest.category,
    visits: guest.visits.length,
    lastVisitAt: guest.visits[0]?.checkedInAt ?? null,
    anonymisedAt: guest.anonymisedAt,
  }))
}

/** One guest's data in full (UU PDP access request); the audit records that it left, not what. */
export async function exportPerson(
  db: Database,
  actor: Actor,
  guestId: string,
  now: Date,
): Promise<PersonExport> {
  const officeId = actor.scope.write()
  return db.prisma.$transaction(async (tx) => {
    const guest = await tx.guest.findFirst({
      where: { id: guestId, officeId },
      include: {
        office: { select: { name: true, regionCode: true } },
        visits: {
          orderBy: { checkedInAt: 'asc' },
          include: { consultations: { select: { number: true, question: true, answer: true } } },
        },
      },
    })
    if (!guest) notFound(guestId)
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'privacy.export',
      targetType: 'Guest',
      targetId: guestId,
      after: { visits: guest.visits.length },
      ip: actor.ip,
    })
    return {
      exportedAt: now,
      office: guest.office,
      guest: {
        name: guest.name,
        institution: guest.institution,
        phone: guest.phone,
        email: guest.email,
        category: guest.category,
        createdAt: guest.createdAt,
        anonymisedAt: guest.anonymisedAt,
      },
      visits: guest.visits.map((visit) => ({
        queueNumber: visit.queueNumber,
        checkedInAt: visit.checkedInAt,
        topic: visit.topic,
        purpose: visit.purpose,
        consentVersion: visit.consentVersion,
        consultations: visit.consultations,
      })),
    }
  })
}

/** Erases one guest's personal data now (UU PDP erasure request), keeping the counts. Audited. */
export async function erasePerson(
  db: Database,
  actor: Actor,
  guestId: string,
  now: Date,
): Promise<{ erased: true }> {
  const officeId = actor.scope.write()
  await db.prisma.$transaction(async (tx) => {
    const guest = await tx.guest.findFirst({
      where: { id: guestId, officeId },
      select: { anonymisedAt: true },
    })
    if (!guest) notFound(guestId)
    if (guest.anonymisedAt) {
      refuse('CONFLICT', {
        rule: 'privacy.guest.anonymised',
        params: { guestId },
        message: {
          id: 'Data pribadi tamu ini sudah dianonimkan.',
          en: 'This guest’s personal data has already been anonymised.',
        },
      })
    }
    await anonymiseGuests(tx, [guestId], now)
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'privacy.erase',
      targetType: 'Guest',
      targetId: guestId,
      ip: actor.ip,
    })
  })
  return { erased: true }
}

/** The admin's office's retention run, now. */
export async function runRetentionNow(db: Database, actor: Actor, now: Date): Promise<RetentionResult> {
  const office = await db.prisma.office.findUniqueOrThrow({
    where: { id: actor.scope.write() },
    select: { id: true, timeZone: true, retentionDays: true },
  })
  return runRetention(db, office, now, actor)
}
