// Ratings at the lobby tablet: a guest who has just checked in rates the closed sheets of their earlier
// visits. The visit id the check-in answered and the client id the kiosk made tie every call to that guest.
import type { Database, Queryable } from '@mejabantu/db'
import { LabelSchema, RatingInputSchema, TopicCodeSchema } from '@mejabantu/domain'
import { z } from 'zod'
import { refuse } from '../shared/errors.ts'
import { ratableSince, saveRating, type SavedRating } from '../consultations/rating.ts'
import { consultationViolations as violations } from '../consultations/violations.ts'
import type { KioskDeviceContext } from './devices-token.ts'
import { takeKioskAllowance } from './throttle.ts'
import { labelsOfCodes } from '../topics/catalog.ts'

/** How long after checking in the guest may rate at the tablet that checked them in. */
export const KIOSK_RATING_MINUTES = 60

/** The check-in a rating belongs to: the visit id of its ticket and the kiosk's own client id. */
const checkInOf = { visitId: z.uuid(), clientId: z.uuid() }

/** Whose sheets to offer for rating: the guest of a check-in this tablet just made. */
export const PendingRatingsInputSchema = z.strictObject(checkInOf)

/** A rating at the kiosk: the check-in, the sheet and the score. */
export const KioskRateInputSchema = z.strictObject({
  ...checkInOf,
  consultationId: z.uuid(),
  ...RatingInputSchema.shape,
})

/** A closed sheet the guest may still rate; nothing of what was asked, on a screen in the lobby. */
export const PendingRatingSchema = z.strictObject({
  consultationId: z.uuid(),
  number: z.string(),
  topic: TopicCodeSchema,
  /** The topic as the catalogue names it, for the tablet's language. */
  topicLabel: LabelSchema,
  closedAt: z.date(),
})
/** A closed sheet the guest may still rate. */
export type PendingRating = z.infer<typeof PendingRatingSchema>

/**
 * The guest of a visit this device checked in at its office within {@link KIOSK_RATING_MINUTES}, named by
 * visit and client id; anything else is "not found", so a visit id seen on a screen is not enough.
 */
async function guestOfCheckIn(
  db: Queryable,
  device: KioskDeviceContext,
  checkIn: { visitId: string; clientId: string },
  now: Date,
): Promise<string> {
  const visit = await db.visit.findFirst({
    where: {
      id: checkIn.visitId,
      clientId: checkIn.clientId,
      officeId: device.officeId,
      deviceId: device.id,
      checkedInAt: { gte: new Date(now.getTime() - KIOSK_RATING_MINUTES * 60_000) },
      guest: { anonymisedAt: null },
    },
    select: { guestId: true },
  })
  if (!visit) refuse('NOT_FOUND', violations.ratingVisitNotFound())
  return visit.guestId
}

/** The guest's closed, unrated sheets of the device's office, opened from their visits, newest first. */
const pendingWhere = (device: KioskDeviceContext, guestId: string, now: Date) => ({
  officeId: device.officeId,
  visit: { guestId },
  status: 'selesai',
  mergedIntoId: null,
  rating: { is: null },
  closedAt: { gte: ratableSince(now) },
})

/** The closed sheets the guest of this check-in may still rate; limited per device like look-ups. */
export async function pendingRatings(
  db: Database,
  device: KioskDeviceContext,
  checkIn: { visitId: string; clientId: string },
  now = new Date(),
): Promise<PendingRating[]> {
  return db.prisma.$transaction(async (tx) => {
    await takeKioskAllowance(tx, device, 'lookup', now)
    const guestId = await guestOfCheckIn(tx, device, checkIn, now)
    const sheets = await tx.consultation.findMany({
      where: pendingWhere(device, guestId, now),
      select: { id: true, number: true, topic: true, closedAt: true },
      orderBy: [{ closedAt: 'desc' }, { number: 'desc' }],
      take: 20,
    })
    const labels = await labelsOfCodes(
      tx,
      sheets.map((sheet) => sheet.topic),
    )
    return sheets.map((sheet) => ({
      consultationId: sheet.id,
      number: sheet.number,
      topic: sheet.topic as PendingRating['topic'],
      topicLabel: labels[sheet.topic] ?? { id: sheet.topic, en: sheet.topic },
      closedAt: sheet.closedAt!,
    }))
  })
}

/** Saves the guest's rating of one of their sheets (via `kiosk`), once; audited with the device. */
export async function rateAtKiosk(
  db: Database,
  device: KioskDeviceContext,
  input: z.output<typeof KioskRateInputSchema>,
  ip: string | null,
  now = new Date(),
): Promise<SavedRating> {
  return db.prisma.$transaction(async (tx) => {
    await takeKioskAllowance(tx, device, 'lookup', now)
    const guestId = await guestOfCheckIn(tx, device, input, now)
    const theirs = await tx.consultation.findFirst({
      where: { id: input.consultationId, officeId: device.officeId, visit: { guestId } },
      select: { id: true },
    })
    if (!theirs) refuse('NOT_FOUND', violations.ratingSheetNotFound(input.consultationId))
    return saveRating(
      tx,
      theirs.id,
      { score: input.score, comment: input.comment },
      { via: 'kiosk', ip, deviceId: device.id },
      now,
    )
  })
}
