// The asker's rating through the link in the closing message: no sign-in, the link's secret token is the
// only key, and wrong tokens are limited per address like sign-ins.
import type { Database } from '@mejabantu/db'
import { LabelSchema, RatingInputSchema, RuleViolationSchema, TopicCodeSchema } from '@mejabantu/domain'
import { z } from 'zod'
import { checkPasswordAttempt } from '../auth/password-attempt.ts'
import { recordLoginSuccess, type ThrottleKey, type ThrottlePolicy } from '../auth/login-throttle.ts'
import {
  ratable,
  ratableSelect,
  saveRating,
  type RatableRow,
  type SavedRating,
} from '../consultations/rating.ts'
import { consultationViolations as violations } from '../consultations/violations.ts'
import { labelsOfCodes } from '../topics/catalog.ts'

/** A rating link's token as the closing message carries it (24 random bytes, base64url). */
const TokenSchema = z
  .string()
  .trim()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)

/** Which rating form: the token of the link. */
export const RatingFormInputSchema = z.strictObject({ token: TokenSchema })

/** A rating given through the link. */
export const PublicRateInputSchema = z.strictObject({ token: TokenSchema, ...RatingInputSchema.shape })

/**
 * What the rating page shows: whose desk, which sheet and topic, when it closed, and whether it can
 * still be rated (with the reason when not). Never who asked or what.
 */
export const RatingFormSchema = z.strictObject({
  office: z.strictObject({ name: z.string(), regionCode: z.string() }),
  number: z.string(),
  topic: TopicCodeSchema,
  /** The topic as the catalogue names it (the code itself for one no longer listed). */
  topicLabel: LabelSchema,
  closedAt: z.date().nullable(),
  ratable: z.boolean(),
  /** Why it cannot be rated now (already rated, not closed, past the days allowed); null while it can. */
  refusal: RuleViolationSchema.nullable(),
})
/** What the rating page shows. */
export type RatingForm = z.infer<typeof RatingFormSchema>

const MINUTE = 60_000
/** Wrong tokens allowed per client address before it waits: a token cannot be guessed, only tried. */
export const ratingLinkPolicy: ThrottlePolicy = { limit: 20, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE }

const ratingKeys = (ip: string | null): ThrottleKey[] => [
  { key: `rating-ip:${ip ?? 'unknown'}`, policy: ratingLinkPolicy },
]

/**
 * The sheet of a rating link, under the attempt limit per address (an unknown token is audited and
 * counted like a wrong password; a known one gives its attempt back). Unknown: NOT_FOUND.
 */
async function sheetOfLink(
  db: Database,
  token: string,
  ip: string | null,
  now: Date,
): Promise<RatableRow & { office: { name: string; regionCode: string } }> {
  const keys = ratingKeys(ip)
  const select = { ...ratableSelect, office: { select: { name: true, regionCode: true } } } as const
  const found: { sheet: (RatableRow & { office: { name: string; regionCode: string } }) | null } = {
    sheet: null,
  }
  await checkPasswordAttempt(db, {
    keys,
    action: 'consultation.rating_link',
    actorId: null,
    target: { type: 'Consultation', id: 'rating' },
    ip,
    now,
    verify: async () => {
      found.sheet = await db.prisma.consultation.findUnique({ where: { ratingToken: token }, select })
      return found.sheet !== null
    },
    wrong: { code: 'NOT_FOUND', violation: violations.ratingLinkNotFound() },
    locked: violations.ratingLocked,
  })
  await db.prisma.$transaction((tx) => recordLoginSuccess(tx, keys))
  return found.sheet!
}

/** The rating page of a link. */
export async function ratingForm(
  db: Database,
  token: string,
  ip: string | null,
  now: Date,
): Promise<RatingForm> {
  const sheet = await sheetOfLink(db, token, ip, now)
  const verdict = ratable(sheet, now)
  return {
    office: { name: sheet.office.name, regionCode: sheet.office.regionCode },
    number: sheet.number,
    topic: sheet.topic as RatingForm['topic'],
    topicLabel: (await labelsOfCodes(db.prisma, [sheet.topic]))[sheet.topic] ?? {
      id: sheet.topic,
      en: sheet.topic,
    },
    closedAt: sheet.closedAt,
    ratable: verdict.ok,
    refusal: verdict.ok ? null : verdict.violation,
  }
}

/** Saves the rating given through a link, once (via `link`). */
export async function rateByLink(
  db: Database,
  input: z.output<typeof PublicRateInputSchema>,
  ip: string | null,
  now: Date,
): Promise<SavedRating> {
  const sheet = await sheetOfLink(db, input.token, ip, now)
  return db.prisma.$transaction((tx) =>
    saveRating(tx, sheet.id, { score: input.score, comment: input.comment }, { via: 'link', ip }, now),
  )
}
