import { randomUUID } from 'node:crypto'
import type { Database } from '@mejabantu/db'

/** Rina's personal data as the fixtures write it; none of it may survive anonymisation. */
export const RINA_PII = /Rina|Marlina|Cahaya|rina@|\+62813/

/**
 * A guest with one visit at `at`, accepting consent `consentVersion`, and a sheet opened from it, written
 * as check-in and serve would. Returns the guest's id.
 */
export async function guestVisiting(
  db: Database,
  officeId: string,
  at: Date,
  phone: string,
  consentVersion = 'default-2024',
): Promise<string> {
  const guest = await db.prisma.guest.create({
    data: {
      officeId,
      name: 'Rina Marlina',
      institution: 'Partai Cahaya',
      phone,
      email: 'rina@contoh.id',
      category: 'lo',
      createdAt: at,
    },
  })
  const visit = await db.prisma.visit.create({
    data: {
      clientId: randomUUID(),
      officeId,
      guestId: guest.id,
      topic: 'silon',
      purpose: 'Tanya akun SILON milik Rina',
      consentVersion,
      serviceDay: new Date(at.toISOString().slice(0, 10)),
      queueLane: 'reguler',
      queueSequence: 1,
      queueNumber: `A-${phone.slice(-4)}`,
      checkedInAt: at,
    },
  })
  await db.prisma.consultation.create({
    data: {
      officeId,
      number: `LK-UJI-${phone.slice(-6)}`,
      channel: 'tatap_muka',
      askerName: 'Rina Marlina',
      askerInstitution: 'Partai Cahaya',
      askerContact: phone,
      stakeholderCategory: 'lo',
      topic: 'silon',
      question: 'Akun SILON terkunci.',
      visitId: visit.id,
      occurredAt: at,
    },
  })
  return guest.id
}

/** A guest row with its visits and their sheets, as stored. */
export const storedGuest = (db: Database, id: string) =>
  db.prisma.guest.findUniqueOrThrow({
    where: { id },
    include: { visits: { include: { consultations: true } } },
  })
