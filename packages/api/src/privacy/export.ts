import type { Prisma } from '@mejabantu/db'

type Sheet = Prisma.ConsultationGetPayload<object>
type Rating = Prisma.ConsultationRatingGetPayload<object>

/**
 * A sheet as a person's export shows it: what it holds about them and what they asked, with the rating
 * they gave it (pass it only for a sheet they asked: another asker's score is not theirs).
 */
export const sheetExport = (sheet: Sheet, rating: Rating | null = null) => ({
  number: sheet.number,
  channel: sheet.channel,
  occurredAt: sheet.occurredAt,
  askerName: sheet.askerName,
  askerInstitution: sheet.askerInstitution,
  askerContact: sheet.askerContact,
  participants: Array.isArray(sheet.participants)
    ? sheet.participants.filter(
        (p): p is { name: string } => typeof (p as { name?: unknown } | null)?.name === 'string',
      )
    : [],
  topic: sheet.topic,
  question: sheet.question,
  minutes: sheet.minutes,
  answer: sheet.answer,
  legalBasis: sheet.legalBasis,
  status: sheet.status,
  rating: rating && {
    score: rating.score,
    comment: rating.comment,
    via: rating.via,
    ratedAt: rating.ratedAt,
  },
})
