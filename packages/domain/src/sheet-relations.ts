import { z } from 'zod'
import type { Consultation } from './consultation.ts'
import { labelledEnum } from './labels.ts'
import { allow, deny, type RuleResult } from './rules.ts'

/**
 * How sheets relate: a duplicate merged into the sheet that answers it (read there, counted once), two
 * sheets linked as related, and the asker's rating of a closed sheet.
 */

/** The part of a sheet merging reads. */
export type MergeableSheet = Pick<Consultation, 'id' | 'officeId' | 'number' | 'status'> & {
  mergedIntoId: string | null
}

/**
 * Whether `duplicate` may be merged into `kept`: two different sheets of one office, neither already merged
 * away, and the duplicate not yet answered (an answered sheet has told its asker something of its own).
 */
export function checkMerge(duplicate: MergeableSheet, kept: MergeableSheet): RuleResult<true> {
  const refuse = (rule: string, id: string, en: string) =>
    deny<true>({
      rule: `consultation.merge.${rule}`,
      params: { duplicate: duplicate.number, kept: kept.number },
      message: { id, en },
    })
  if (duplicate.id === kept.id)
    return refuse(
      'self',
      'Lembar tidak dapat digabung dengan dirinya sendiri.',
      'A sheet cannot be merged into itself.',
    )
  if (duplicate.officeId !== kept.officeId) {
    return refuse(
      'otherOffice',
      'Hanya lembar dari kantor yang sama yang dapat digabung.',
      'Only sheets of the same office can be merged.',
    )
  }
  if (duplicate.mergedIntoId || kept.mergedIntoId) {
    const merged = duplicate.mergedIntoId ? duplicate.number : kept.number
    return refuse(
      'alreadyMerged',
      `Lembar ${merged} sudah digabung ke lembar lain.`,
      `Sheet ${merged} has already been merged into another.`,
    )
  }
  if (duplicate.status !== 'baru') {
    return refuse(
      'answered',
      `Lembar ${duplicate.number} sudah ditangani; gabungkan lembar yang belum dijawab ke lembar ini.`,
      `Sheet ${duplicate.number} has been dealt with; merge the unanswered sheet into this one instead.`,
    )
  }
  return allow(true)
}

/** A link between two sheets stored once, whichever was opened: the lower id first. */
export function orderedLink(a: string, b: string): RuleResult<{ fromId: string; toId: string }> {
  if (a === b) {
    return deny({
      rule: 'consultation.link.self',
      params: {},
      message: {
        id: 'Lembar tidak dapat ditautkan ke dirinya sendiri.',
        en: 'A sheet cannot be linked to itself.',
      },
    })
  }
  return allow(a < b ? { fromId: a, toId: b } : { fromId: b, toId: a })
}

/** Where the asker gave their rating. */
export const RatingVia = labelledEnum({
  kiosk: { id: 'Kios', en: 'Kiosk' },
  link: { id: 'Tautan pesan penutupan', en: 'Link in the closing message' },
})
/** Where a rating was given. */
export type RatingVia = z.infer<typeof RatingVia.schema>

/** A rating as the asker gives it: 1 (poor) to 5 (very good), with an optional comment. */
export const RatingInputSchema = z.object({
  score: z.number().int().min(1).max(5),
  comment: z
    .string()
    .trim()
    .max(1_000)
    .optional()
    .transform((c) => c || undefined),
})
/** A rating as given. */
export type RatingInput = z.output<typeof RatingInputSchema>

/** The words under each score, as the asker reads them. */
export const RatingScore = labelledEnum({
  '1': { id: 'Sangat kurang', en: 'Very poor' },
  '2': { id: 'Kurang', en: 'Poor' },
  '3': { id: 'Cukup', en: 'Fair' },
  '4': { id: 'Baik', en: 'Good' },
  '5': { id: 'Sangat baik', en: 'Very good' },
})

/** How many days after closing a sheet may still be rated. */
export const RATING_DAYS = 30

/** Whether the asker may rate the sheet now: closed, not merged away, not rated, within {@link RATING_DAYS}. */
export function checkRatable(
  sheet: Pick<Consultation, 'number' | 'status' | 'closedAt'> & {
    mergedIntoId: string | null
    rated: boolean
  },
  now: Date,
): RuleResult<true> {
  const refuse = (rule: string, id: string, en: string) =>
    deny<true>({ rule: `consultation.rating.${rule}`, params: { number: sheet.number }, message: { id, en } })
  if (sheet.rated)
    return refuse(
      'done',
      'Layanan ini sudah dinilai. Terima kasih.',
      'This service has already been rated. Thank you.',
    )
  if (sheet.status !== 'selesai' || !sheet.closedAt || sheet.mergedIntoId) {
    return refuse(
      'notClosed',
      'Penilaian dibuka setelah konsultasi ditutup.',
      'Rating opens once the consultation is closed.',
    )
  }
  if (now.getTime() - sheet.closedAt.getTime() > RATING_DAYS * 86_400_000) {
    return refuse(
      'expired',
      `Penilaian hanya dapat diberikan ${RATING_DAYS} hari setelah konsultasi ditutup.`,
      `A rating can only be given within ${RATING_DAYS} days of closing.`,
    )
  }
  return allow(true)
}

/** Ratings summed for a report row: how many, and the mean score to one decimal (null for none). */
export function ratingSummary(scores: readonly number[]): { count: number; mean: number | null } {
  if (!scores.length) return { count: 0, mean: null }
  const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length
  return { count: scores.length, mean: Math.round(mean * 10) / 10 }
}
