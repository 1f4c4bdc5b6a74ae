import { eraseMessagesOf } from './erase-messages.ts'
import type { Prisma, Transaction } from '@mejabantu/db'
import {
  ANONYMISED_NAME,
  eraseMentions,
  peopleOfSheet,
  retainedSheet,
  type SheetPersonalData,
} from '@mejabantu/domain'
import { NONE_ANONYMISED, type AnonymisedCounts } from './anonymise-guests.ts'

const participantsOf = (list: Prisma.JsonValue): { name: string }[] =>
  Array.isArray(list)
    ? list.filter((p): p is { name: string } => typeof (p as { name?: unknown } | null)?.name === 'string')
    : []

/** A rating comment with the sheet's asker (name parts too) and participants erased, as in `retainedSheet`. */
function retainedComment(comment: string, sheet: SheetPersonalData): string {
  const [asker, ...participants] = peopleOfSheet(sheet)
  return eraseMentions(eraseMentions(comment, [asker!], { nameParts: true }), participants)
}

/**
 * Sheets of every channel asked before the cutoff by someone not in the guest book (a phone call, an
 * e-mail, a group chat, an online meeting): past the retention period like the guest book, so their asker
 * and participants go as the domain's `retainedSheet` says (from the asker's rating comment too), and the
 * files sent with the sheet are deleted (their stored bytes added to `discarded` for after the commit).
 * Sheets opened from a visit go with their guest (who may have come back since).
 */
export async function retainOldSheets(
  tx: Transaction,
  officeId: string,
  before: Date,
  discarded: string[],
): Promise<AnonymisedCounts> {
  const sheets = await tx.consultation.findMany({
    where: { officeId, visitId: null, occurredAt: { lt: before }, askerName: { not: ANONYMISED_NAME } },
    select: {
      id: true,
      askerName: true,
      askerInstitution: true,
      askerContact: true,
      question: true,
      minutes: true,
      answer: true,
      referralNote: true,
      participants: true,
      attachments: { select: { id: true, storageKey: true } },
      rating: { select: { comment: true } },
    },
  })
  const files = sheets.flatMap((sheet) => sheet.attachments)
  for (const { attachments: _files, rating, ...row } of sheets) {
    const sheet = { ...row, participants: participantsOf(row.participants) }
    const { id, ...retained } = retainedSheet(sheet)
    await tx.consultation.update({ where: { id }, data: retained })
    // The asker's rating comment loses them as the sheet's own text does.
    const comment = rating?.comment ? retainedComment(rating.comment, sheet) : null
    if (comment !== null && comment !== rating?.comment)
      await tx.consultationRating.update({ where: { consultationId: id }, data: { comment } })
  }
  await eraseMessagesOf(tx, officeId, { consultationIds: sheets.map((s) => s.id), people: [] }, discarded)
  // The files a sheet came with are the asker's documents: they go with the asker.
  await tx.attachment.deleteMany({ where: { id: { in: files.map((f) => f.id) } } })
  discarded.push(...files.map((f) => f.storageKey))
  return { ...NONE_ANONYMISED, consultations: sheets.length, attachments: files.length }
}
