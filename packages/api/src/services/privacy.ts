import type { Database, Transaction } from '@mejabantu/db'
import { maskName, maskPhone, normalisePhone, StakeholderCategory } from '@mejabantu/domain'
import { refuse } from '../errors.ts'
import { anonymiseGuests, type AnonymisedCounts } from './anonymise-guests.ts'
import { writeAudit } from './audit.ts'
import type { Actor } from './consultation-access.ts'
import type { PersonExport, PersonMatch } from './privacy-schemas.ts'

const MAX_MATCHES = 20

/**
 * Guests of the admin's own office whose data is still held (not anonymised) and whose phone, normalised
 * to E.164 as at the kiosk, or name matches; masked, newest first, at most 20.
 */
export async function findPeople(db: Database, actor: Actor, query: string): Promise<PersonMatch[]> {
  const officeId = actor.scope.write()
  const phone = normalisePhone(query)
  const guests = await db.prisma.guest.findMany({
    where: {
      officeId,
      anonymisedAt: null,
      ...(phone ? { phone } : { name: { contains: query, mode: 'insensitive' as const } }),
    },
    select: {
      id: true,
      name: true,
      phone: true,
      category: true,
      visits: { select: { checkedInAt: true }, orderBy: { checkedInAt: 'desc' } },
    },
    orderBy: { createdAt: 'desc' },
    take: MAX_MATCHES,
  })
  return guests.map((guest) => ({
    guestId: guest.id,
    maskedName: maskName(guest.name),
    maskedPhone: guest.phone ? maskPhone(guest.phone) : null,
    category: StakeholderCategory.schema.parse(guest.category),
    visits: guest.visits.length,
    lastVisitAt: guest.visits[0]?.checkedInAt ?? null,
  }))
}

/** The guest of the admin's office a request names, refused when unknown there or already anonymised. */
async function heldGuest(tx: Transaction, officeId: string, guestId: string) {
  const guest = await tx.guest.findFirst({ where: { id: guestId, officeId } })
  if (!guest) {
    refuse('NOT_FOUND', {
      rule: 'privacy.guest.notFound',
      params: { guestId },
      message: {
        id: 'Tamu tidak ditemukan di buku tamu kantor ini.',
        en: 'Guest not found in this office’s guest book.',
      },
    })
  }
  if (guest.anonymisedAt) {
    refuse('CONFLICT', {
      rule: 'privacy.guest.anonymised',
      params: { guestId },
      message: {
        id: 'Data pribadi tamu ini sudah dianonimkan; tidak ada lagi data pribadi yang disimpan.',
        en: 'This guest’s personal data has already been anonymised; none is held any more.',
      },
    })
  }
  return guest
}

/** One guest's data in full (UU PDP access request); the audit records that it left and whose, not what. */
export async function exportPerson(
  db: Database,
  actor: Actor,
  guestId: string,
  now: Date,
): Promise<PersonExport> {
  const officeId = actor.scope.write()
  return db.prisma.$transaction(async (tx) => {
    const guest = await heldGuest(tx, officeId, guestId)
    const office = await tx.office.findUniqueOrThrow({
      where: { id: officeId },
      select: { name: true, regionCode: true },
    })
    const visits = await tx.visit.findMany({
      where: { guestId },
      orderBy: { checkedInAt: 'asc' },
      include: { consultations: { orderBy: { occurredAt: 'asc' } } },
    })
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'privacy.export',
      targetType: 'Guest',
      targetId: guestId,
      after: { visits: visits.length },
      ip: actor.ip,
    })
    return {
      exportedAt: now,
      office,
      guest: {
        id: guest.id,
        name: guest.name,
        institution: guest.institution,
        phone: guest.phone,
        email: guest.email,
        category: guest.category,
        createdAt: guest.createdAt,
      },
      visits: visits.map((visit) => ({
        queueNumber: visit.queueNumber,
        checkedInAt: visit.checkedInAt,
        topic: visit.topic,
        purpose: visit.purpose,
        priority: visit.priority,
        status: visit.status,
        consentVersion: visit.consentVersion,
        consultations: visit.consultations.map((sheet) => ({
          number: sheet.number,
          channel: sheet.channel,
          occurredAt: sheet.occurredAt,
          askerName: sheet.askerName,
          askerInstitution: sheet.askerInstitution,
          askerContact: sheet.askerContact,
          topic: sheet.topic,
          question: sheet.question,
          answer: sheet.answer,
          legalBasis: sheet.legalBasis,
          status: sheet.status,
        })),
      })),
    }
  })
}

/** Erases one guest's personal data now (UU PDP erasure request) as retention would; audited with counts. */
export async function erasePerson(
  db: Database,
  actor: Actor,
  guestId: string,
  now: Date,
): Promise<{ anonymised: AnonymisedCounts }> {
  const officeId = actor.scope.write()
  return db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Guest" WHERE "id" = ${guestId}::uuid FOR UPDATE`
    await heldGuest(tx, officeId, guestId)
    const anonymised = await anonymiseGuests(tx, [guestId], now)
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'privacy.erase',
      targetType: 'Guest',
      targetId: guestId,
      after: { ...anonymised },
      ip: actor.ip,
    })
    return { anonymised }
  })
}
