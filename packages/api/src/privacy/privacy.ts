import type { Database, Transaction } from '@mejabantu/db'
import {
  ANONYMISED_NAME,
  maskName,
  maskPhone,
  normalisePhone,
  StakeholderCategory,
  type ErasedPerson,
} from '@mejabantu/domain'
import { refuse } from '../shared/errors.ts'
import { privacyViolations } from './violations.ts'
import { anonymiseGuests, NONE_ANONYMISED, type AnonymisedCounts } from './anonymise-guests.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import type { Actor } from '../shared/actor.ts'
import { copiesOf, eraseEverywhere } from './erase-everywhere.ts'
import { appointmentsOf, eraseAppointmentsOf } from './erase-appointments.ts'
import { discardFiles } from '../shared/storage/discard-files.ts'
import { literalLike } from '../shared/literal-like.ts'
import { askersMatching } from './askers.ts'
import type { PersonExport, PersonMatch, PersonRef } from './schemas.ts'
import type { AttachmentStorage } from '../shared/storage/configured.ts'
import { sheetExport } from './export.ts'

const MAX_MATCHES = 20

/**
 * Everyone of the admin's own office whose data is still held and whose phone (normalised to E.164 as at
 * the kiosk) or name matches: guests of the guest book, then askers known only from sheets of any channel;
 * masked, at most 20 each. Audited with the number found, never the query.
 */
export async function findPeople(db: Database, actor: Actor, query: string): Promise<PersonMatch[]> {
  const officeId = actor.scope.write()
  const phone = normalisePhone(query)
  const guests = await db.prisma.guest.findMany({
    where: {
      officeId,
      anonymisedAt: null,
      ...(phone ? { phone } : { name: { contains: literalLike(query), mode: 'insensitive' as const } }),
    },
    select: {
      id: true,
      name: true,
      phone: true,
      category: true,
      visits: {
        select: { checkedInAt: true, _count: { select: { consultations: true } } },
        orderBy: { checkedInAt: 'desc' },
      },
    },
    orderBy: { createdAt: 'desc' },
    take: MAX_MATCHES,
  })
  const guestMatches = guests.map((guest): PersonMatch => ({
    kind: 'guest',
    guestId: guest.id,
    consultationId: null,
    maskedName: maskName(guest.name),
    maskedPhone: guest.phone ? maskPhone(guest.phone) : null,
    category: StakeholderCategory.schema.parse(guest.category),
    visits: guest.visits.length,
    sheets: guest.visits.reduce((sum, visit) => sum + visit._count.consultations, 0),
    lastVisitAt: guest.visits[0]?.checkedInAt ?? null,
  }))
  const askers = await askersMatching(db.prisma, officeId, query, phone, MAX_MATCHES)
  const matches = [...guestMatches, ...askers]
  await writeAudit(db.prisma, {
    actorId: actor.userId,
    action: 'privacy.find',
    targetType: 'Office',
    targetId: officeId,
    after: { guests: guestMatches.length, askers: askers.length },
    ip: actor.ip,
  })
  return matches
}

type HeldGuest = NonNullable<Awaited<ReturnType<Transaction['guest']['findFirst']>>>

/** Whom a request names, in the admin's office: a guest (also through a sheet opened from their visit) or a sheet's asker. */
async function personOf(
  tx: Transaction,
  officeId: string,
  ref: PersonRef,
): Promise<{ person: ErasedPerson; guest: HeldGuest | null }> {
  let guestId = 'guestId' in ref ? ref.guestId : null
  if ('consultationId' in ref) {
    const sheet = await tx.consultation.findFirst({
      where: { id: ref.consultationId, officeId },
      select: { askerName: true, askerContact: true, visit: { select: { guestId: true } } },
    })
    if (!sheet) refuse('NOT_FOUND', privacyViolations.notFound(ref))
    if (!sheet.visit) {
      if (sheet.askerName === ANONYMISED_NAME) refuse('CONFLICT', privacyViolations.anonymised(ref))
      const contact = sheet.askerContact?.trim() ?? null
      return {
        guest: null,
        person: {
          name: sheet.askerName,
          phone: contact ? normalisePhone(contact) : null,
          email: contact?.includes('@') ? contact : null,
        },
      }
    }
    guestId = sheet.visit.guestId
  }
  const guest = await tx.guest.findFirst({ where: { id: guestId!, officeId } })
  if (!guest) refuse('NOT_FOUND', privacyViolations.notFound(ref))
  if (guest.anonymisedAt) refuse('CONFLICT', privacyViolations.anonymised(ref))
  return { guest, person: { name: guest.name, phone: guest.phone, email: guest.email } }
}

const targetOf = (ref: PersonRef) =>
  'guestId' in ref
    ? { targetType: 'Guest', targetId: ref.guestId }
    : { targetType: 'Consultation', targetId: ref.consultationId }

/**
 * One person's data in full (UU PDP access request): the guest-book line and visits, and every other
 * place that holds them, as erasure would find it. The audit records that it left and whose, not what.
 */
export async function exportPerson(
  db: Database,
  actor: Actor,
  ref: PersonRef,
  now: Date,
): Promise<PersonExport> {
  const officeId = actor.scope.write()
  return db.prisma.$transaction(async (tx) => {
    const { guest, person } = await personOf(tx, officeId, ref)
    const office = await tx.office.findUniqueOrThrow({
      where: { id: officeId },
      select: { name: true, regionCode: true },
    })
    const visits = guest
      ? await tx.visit.findMany({
          where: { guestId: guest.id },
          orderBy: { checkedInAt: 'asc' },
          include: { consultations: { orderBy: { occurredAt: 'asc' }, include: { rating: true } } },
        })
      : []
    const copies = await copiesOf(
      tx,
      officeId,
      [person],
      visits.map((v) => v.id),
    )
    const appointments = await appointmentsOf(
      tx,
      officeId,
      [person],
      visits.map((v) => v.id),
    )
    const onVisits = new Set(visits.flatMap((v) => v.consultations.map((c) => c.id)))
    const numbers = new Map(copies.sheets.map(({ sheet }) => [sheet.id, sheet.number]))
    const attachmentSheets = await tx.consultation.findMany({
      where: { id: { in: [...copies.files, ...copies.attachments].map((a) => a.consultationId) } },
      select: { id: true, number: true },
    })
    for (const sheet of attachmentSheets) numbers.set(sheet.id, sheet.number)
    // Their own ratings go with the sheets they asked; other askers' comments only where they name them.
    const asked = new Set([...onVisits, ...copies.sheets.filter((c) => c.asked).map((c) => c.sheet.id)])
    const ratings = new Map(
      (
        await tx.consultationRating.findMany({
          where: { consultationId: { in: [...asked, ...copies.ratings.map((r) => r.consultationId)] } },
          include: { consultation: { select: { number: true } } },
        })
      ).map((rating) => [rating.consultationId, rating]),
    )
    const ratingOf = (sheetId: string) => (asked.has(sheetId) ? (ratings.get(sheetId) ?? null) : null)
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'privacy.export',
      ...targetOf(ref),
      after: {
        visits: visits.length,
        places: copies.sheets.length + copies.files.length + copies.attachments.length,
      },
      ip: actor.ip,
    })
    return {
      exportedAt: now,
      office,
      guest: guest && {
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
        consultations: visit.consultations.map((sheet) => sheetExport(sheet, sheet.rating)),
      })),
      elsewhere: {
        sheets: copies.sheets
          .filter(({ sheet }) => !onVisits.has(sheet.id))
          .map(({ sheet }) => sheetExport(sheet, ratingOf(sheet.id))),
        attachments: [...copies.files, ...copies.attachments].map((file) => ({
          sheetNumber: numbers.get(file.consultationId) ?? '',
          fileName: file.fileName,
        })),
        liaisonOfficers: copies.liaisonOfficers.map((contact) => ({
          pairId: contact.id,
          role: contact.role,
          name: contact.name,
          phone: contact.phone,
          email: contact.email,
        })),
        handovers: copies.handovers.map((handover) => ({
          pairId: handover.pairId,
          heldAt: handover.heldAt,
          attendees: handover.attendees.map((a) => a.name),
        })),
        research: [
          ...copies.checks,
          ...copies.checkEvents,
          ...copies.pairEvents.map(({ reason }) => ({ reason, evidence: null })),
          ...copies.replacements.map(({ replacementReason }) => ({
            reason: replacementReason,
            evidence: null,
          })),
        ].map(({ reason, evidence }) => ({
          reason,
          evidence,
        })),
        ratingComments: copies.ratings
          .filter((copy) => !asked.has(copy.consultationId))
          .map((copy) => ({
            sheetNumber: ratings.get(copy.consultationId)?.consultation.number ?? '',
            comment: copy.comment,
          })),
        appointments: appointments.map(({ id: _id, ...booking }) => booking),
      },
    }
  })
}

/**
 * Erases one person's personal data now (UU PDP erasure request) as retention would: the guest-book line
 * and every copy in the office's records. Audited with counts.
 */
export async function erasePerson(
  db: Database,
  storage: AttachmentStorage,
  actor: Actor,
  ref: PersonRef,
  now: Date,
): Promise<{ anonymised: AnonymisedCounts }> {
  const officeId = actor.scope.write()
  const discarded: string[] = []
  const result = await db.prisma.$transaction(async (tx) => {
    if ('guestId' in ref)
      await tx.$queryRaw`SELECT "id" FROM "Guest" WHERE "id" = ${ref.guestId}::uuid FOR UPDATE`
    const { guest, person } = await personOf(tx, officeId, ref)
    const anonymised = guest
      ? await anonymiseGuests(tx, [guest.id], now, discarded)
      : {
          ...NONE_ANONYMISED,
          ...(await eraseEverywhere(tx, officeId, [person], [], discarded)),
          appointments: await eraseAppointmentsOf(tx, officeId, [person], []),
        }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'privacy.erase',
      ...targetOf(ref),
      after: { ...anonymised },
      ip: actor.ip,
    })
    return { anonymised }
  })
  await discardFiles(storage, discarded)
  return result
}
