import type { Database } from '@mejabantu/db'
import { LabelSchema, maskName, maskPhone, TimeZone, TopicCodeSchema } from '@mejabantu/domain'
import { z } from 'zod'
import { refuse } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { ConsentVersionSchema, currentConsentText } from './consent.ts'
import type { KioskDeviceContext } from './devices-token.ts'
import { takeKioskAllowance } from './throttle.ts'
import { offlinePrefixFor } from './offline-prefix.ts'
import { ticketOf, ticketSelect, type Ticket } from '../visits/queue-position.ts'
import { officeDay } from '../visits/day.ts'
import { visitViolations } from '../visits/violations.ts'
import { cachedTopicCatalog } from '../topics/catalog.ts'

/** What the kiosk shows before a visitor starts: whose desk this is, the date, and the consent text. */
export const KioskOfficeSchema = z.object({
  office: z.object({ id: z.uuid(), name: z.string(), regionCode: z.string(), timeZone: TimeZone.schema }),
  today: z.iso.date(),
  consent: ConsentVersionSchema.nullable(),
  /** The topic tiles the tablet offers: the office's active topics, in the admins' order. */
  topics: z.array(z.object({ code: TopicCodeSchema, label: LabelSchema })),
  /** What this tablet's offline ticket numbers start with ("L2" → L2-001); null: none assigned. */
  offlinePrefix: z.string().nullable(),
})
export type KioskOffice = z.infer<typeof KioskOfficeSchema>

export async function kioskOffice(
  db: Database,
  device: KioskDeviceContext,
  now = new Date(),
): Promise<KioskOffice> {
  const { office, today } = await officeDay(db.prisma, device.officeId, now)
  const topics = (await cachedTopicCatalog(db, office.id))
    .filter((t) => t.parentCode === null && !t.archived)
    .map((t) => ({ code: t.code, label: { id: t.labelId, en: t.labelEn ?? t.labelId } }))
  return {
    office,
    today,
    consent: await currentConsentText(db.prisma, office.id, today),
    topics,
    offlinePrefix: await ensureOfflinePrefix(db, device),
  }
}

/**
 * The device's offline prefix; a check-in tablet paired before prefixes existed gets the next free one
 * here, on its first call for the office, audited as the system's own step.
 */
async function ensureOfflinePrefix(db: Database, device: KioskDeviceContext): Promise<string | null> {
  const found = await db.prisma.kioskDevice.findUniqueOrThrow({
    where: { id: device.id },
    select: { offlinePrefix: true, kind: true },
  })
  if (found.offlinePrefix || found.kind !== 'kiosk') return found.offlinePrefix
  return db.prisma.$transaction(async (tx) => {
    const { prefix: offlinePrefix, assigned } = await offlinePrefixFor(tx, device)
    if (!assigned) return offlinePrefix
    await writeAudit(tx, {
      actorId: null,
      officeId: device.officeId,
      action: 'device.offline_prefix',
      targetType: 'KioskDevice',
      targetId: device.id,
      after: { offlinePrefix },
      ip: null,
    })
    return offlinePrefix
  })
}

/**
 * A returning visitor's confirmation on a public lobby screen. Every answer has the same fields, found or
 * not (only `found` and the values differ); the name and phone leave masked and nothing else leaves, so a
 * passer-by typing numbers learns neither an institution nor a category.
 */
export const ReturningVisitorSchema = z.object({
  found: z.boolean(),
  maskedName: z.string().nullable(),
  maskedPhone: z.string(),
})
export type ReturningVisitor = z.infer<typeof ReturningVisitorSchema>

/**
 * Looks a phone number up in the device office's guest book; rate-limited per device against enumeration
 * and audited (which device asked and whether a guest was found, never the phone).
 */
export async function lookupVisitor(
  db: Database,
  device: KioskDeviceContext,
  phone: string,
  ip: string | null,
  now = new Date(),
): Promise<ReturningVisitor> {
  const guest = await db.prisma.$transaction(async (tx) => {
    await takeKioskAllowance(tx, device, 'lookup', now)
    const found = await tx.guest.findFirst({
      where: { officeId: device.officeId, phone, anonymisedAt: null },
      orderBy: { createdAt: 'desc' },
      select: { id: true, name: true },
    })
    await writeAudit(tx, {
      actorId: null,
      action: 'kiosk.lookup',
      targetType: 'KioskDevice',
      targetId: device.id,
      after: { found: found !== null, guestId: found?.id ?? null },
      ip,
    })
    return found
  })
  return {
    found: guest !== null,
    maskedName: guest ? maskName(guest.name) : null,
    maskedPhone: maskPhone(phone),
  }
}

/**
 * A ticket of the device's office, named by visit id and the client id the kiosk made: both are needed,
 * so a visit id seen on a screen is not enough to follow someone else's ticket.
 */
export async function kioskTicket(
  db: Database,
  device: KioskDeviceContext,
  input: { visitId: string; clientId: string },
): Promise<Ticket> {
  const visit = await db.prisma.visit.findFirst({
    where: { id: input.visitId, clientId: input.clientId, officeId: device.officeId },
    select: ticketSelect,
  })
  if (!visit) refuse('NOT_FOUND', visitViolations.notFound(input.visitId))
  return ticketOf(db.prisma, visit)
}
