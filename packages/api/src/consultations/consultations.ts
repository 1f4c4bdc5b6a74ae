import type { Database, Transaction } from '@mejabantu/db'
import {
  applyConsultationAction,
  checkOccurredAt,
  defaultReferralTeam,
  localDay,
  type ConsultationAction,
  type ConsultationStatus,
  type ConsultationInputSchema,
  type ReferralTeam,
  type RuleResult,
  type TimeZone,
} from '@mejabantu/domain'
import type { z } from 'zod'
import { ensure, refuse } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { ensureReadable, holderOf } from './access.ts'
import type { Actor } from '../shared/actor.ts'
import { allocateConsultationNumber } from './number.ts'
import type { ConsultationRecord, UpdateConsultation } from './schemas.ts'
import { consultationViolations as violations } from './violations.ts'
import { recountConsultationDay } from '../reports/daily-summary.ts'
import { queueAnswerMail, queueClosingMail } from '../messaging/answer-mail.ts'
import { ensureNotMerged, newRatingToken } from './relations-guard.ts'
import { consultationSnapshot, toConsultationRecord, type ConsultationRow } from './view.ts'
import { recordArticleUse } from '../knowledge/usage.ts'
import { ensureSheetTopic, topicCatalog } from '../topics/catalog.ts'

type ConsultationInput = z.infer<typeof ConsultationInputSchema>

/**
 * Records a sheet in the actor's office: links must point at a visit or candidate pair of that same
 * office, the number is the office's next for the year the consultation happened (office time), and the
 * creator is its staff.
 */
export async function createConsultation(
  db: Database,
  actor: Actor,
  input: ConsultationInput,
  now = new Date(),
): Promise<ConsultationRecord> {
  const occurredAt = ensure(checkOccurredAt(input.occurredAt, now))
  return db.prisma.$transaction(async (tx) => {
    const office = await tx.office.findUniqueOrThrow({
      where: { id: actor.scope.write() },
      select: { id: true, regionCode: true, timeZone: true },
    })
    await ensureLinksInOffice(tx, office.id, input)
    await ensureSheetTopic(tx, office.id, input.topic, input.subTopic)
    const row = await insertConsultation(tx, office, { ...input, occurredAt }, actor)
    return toConsultationRecord(row)
  })
}

/** Who records a sheet: a staff member, or the system itself (a mail taken in: userId null). */
export interface RecordedBy {
  userId: string | null
  ip: string | null
}

/**
 * Writes a sheet in the caller's transaction with the office's next number for the year it happened (office
 * time), its audit event and the day's figures; the caller has checked the input and its links.
 */
export async function insertConsultation(
  tx: Transaction,
  office: { id: string; regionCode: string; timeZone: TimeZone },
  input: Omit<ConsultationInput, 'occurredAt'> & { occurredAt: Date },
  by: RecordedBy,
): Promise<ConsultationRow> {
  const year = Number(localDay(input.occurredAt, office.timeZone).slice(0, 4))
  const number = await allocateConsultationNumber(tx, office.id, office.regionCode, year)
  const row = await tx.consultation.create({
    data: {
      officeId: office.id,
      number,
      channel: input.channel,
      askerName: input.askerName,
      askerInstitution: input.askerInstitution ?? null,
      askerContact: input.askerContact ?? null,
      stakeholderCategory: input.stakeholderCategory,
      topic: input.topic,
      subTopic: input.subTopic ?? null,
      question: input.question,
      participants: input.participants,
      minutes: input.minutes ?? null,
      visitId: input.visitId ?? null,
      candidatePairId: input.candidatePairId ?? null,
      occurredAt: input.occurredAt,
      staffId: by.userId,
    },
  })
  await writeAudit(tx, {
    actorId: by.userId,
    officeId: office.id,
    action: 'consultation.create',
    targetType: 'Consultation',
    targetId: row.id,
    after: consultationSnapshot({
      number: row.number,
      status: row.status,
      channel: row.channel,
      askerName: row.askerName,
      askerInstitution: row.askerInstitution,
      askerContact: row.askerContact,
      stakeholderCategory: row.stakeholderCategory,
      topic: row.topic,
      subTopic: row.subTopic,
      question: row.question,
      participants: row.participants,
      minutes: row.minutes,
      visitId: row.visitId,
      candidatePairId: row.candidatePairId,
      occurredAt: row.occurredAt,
    }),
    ip: by.ip,
  })
  await recountConsultationDay(tx, office, row.occurredAt)
  return row
}

async function ensureLinksInOffice(
  tx: Transaction,
  officeId: string,
  links: { visitId?: string | undefined; candidatePairId?: string | undefined },
) {
  if (links.visitId) {
    const visit = await tx.visit.findFirst({ where: { id: links.visitId, officeId }, select: { id: true } })
    if (!visit) refuse('NOT_FOUND', violations.visitNotFound(links.visitId))
  }
  if (links.candidatePairId) {
    const pair = await tx.candidatePair.findFirst({
      where: { id: links.candidatePairId, officeId },
      select: { id: true },
    })
    if (!pair) refuse('NOT_FOUND', violations.candidatePairNotFound(links.candidatePairId))
  }
}

/** Locks the sheet's row for the rest of the transaction, so concurrent changes apply one after another. */
async function lockConsultation(tx: Transaction, id: string): Promise<ConsultationRow> {
  await tx.$queryRaw`SELECT "id" FROM "Consultation" WHERE "id" = ${id}::uuid FOR UPDATE`
  const row = await tx.consultation.findUnique({ where: { id } })
  if (!row) refuse('NOT_FOUND', violations.notFound(id))
  return row
}

/** What staff do to a sheet, with what they enter for it. */
export type StaffAction =
  | { type: 'answer'; answer: string; legalBasis?: string | undefined; articleIds?: string[] | undefined }
  | { type: 'refer'; note: string; team?: ReferralTeam | undefined }
  /** `publicUrl` makes the closing message's rating link absolute (PUBLIC_URL); a path without it. */
  | { type: 'close'; publicUrl?: string | null }

// A move the lifecycle does not allow from the current status conflicts with the sheet's state; having
// no parent office to refer to is a request that can never succeed.
const actionCode = (result: RuleResult<unknown>) =>
  !result.ok && result.violation.rule === 'consultation.transition' ? 'CONFLICT' : 'BAD_REQUEST'

/**
 * Answers, refers or closes a sheet through the domain lifecycle. The office holding it acts: while it is
 * referred, the office it was referred to (which may answer or refer it further up); otherwise, and for
 * closing, its own office. Referral goes to the parent of the acting office.
 */
export async function actOnConsultation(
  db: Database,
  actor: Actor,
  id: string,
  action: StaffAction,
  now = new Date(),
): Promise<ConsultationRecord> {
  return db.prisma.$transaction(async (tx) => {
    const row = await lockConsultation(tx, id)
    await ensureReadable(tx, actor, row)
    await ensureNotMerged(tx, row)
    const holder = action.type === 'close' ? row.officeId : holderOf(row)
    const lifecycle: ConsultationAction =
      action.type === 'refer'
        ? { type: 'refer', toOfficeId: (await parentOf(tx, holder)) ?? null }
        : { type: action.type }
    const result = applyConsultationAction(
      { ...row, status: row.status as ConsultationStatus },
      lifecycle,
      now,
    )
    const next = ensure(result, actionCode(result))
    actor.scope.write(holder)

    const data = {
      status: next.status,
      firstResponseAt: next.firstResponseAt,
      answeredAt: next.answeredAt,
      referredAt: next.referredAt,
      closedAt: next.closedAt,
      referredToOfficeId: next.referredToOfficeId,
      ...(action.type === 'answer'
        ? { answer: action.answer, legalBasis: action.legalBasis ?? null, answeredById: actor.userId }
        : {}),
      ...(action.type === 'refer'
        ? {
            referralNote: action.note,
            referralTeam:
              action.team ??
              defaultReferralTeam(await topicCatalog(tx, row.officeId), row.topic, row.subTopic),
          }
        : {}),
    }
    const changed = Object.keys(data).filter(
      (key) => !sameValue(row[key as keyof ConsultationRow], data[key as keyof typeof data]),
    )
    // Closing opens the asker's rating: a secret of its own, kept out of the audit snapshot.
    const rating = action.type === 'close' ? { ratingToken: newRatingToken() } : {}
    const updated = await tx.consultation.update({ where: { id }, data: { ...data, ...rating } })
    await writeAudit(tx, {
      actorId: actor.userId,
      action: `consultation.${action.type}`,
      targetType: 'Consultation',
      targetId: id,
      before: consultationSnapshot(pick(row, changed)),
      after: consultationSnapshot(pick(updated, changed)),
      ip: actor.ip,
    })
    await recountConsultationDay(tx, await officeZone(tx, updated.officeId), updated.occurredAt)
    if (action.type === 'answer') await recordArticleUse(tx, actor, id, action.articleIds ?? [])
    if (action.type === 'answer') await queueAnswerMail(tx, updated)
    if (action.type === 'close') await queueClosingMail(tx, updated, action.publicUrl ?? null)
    return toConsultationRecord(updated)
  })
}

const officeZone = (tx: Transaction, id: string) =>
  tx.office.findUniqueOrThrow({ where: { id }, select: { id: true, timeZone: true } })

async function parentOf(tx: Transaction, officeId: string) {
  const office = await tx.office.findUniqueOrThrow({ where: { id: officeId }, select: { parentId: true } })
  return office.parentId
}

/**
 * Fixes typos on a sheet that is not closed: asker, question, participants, minutes. Only its own office
 * edits it; the audit event keeps the values before and after.
 */
export async function updateConsultation(
  db: Database,
  actor: Actor,
  { id, ...patch }: UpdateConsultation,
): Promise<ConsultationRecord> {
  return db.prisma.$transaction(async (tx) => {
    const row = await lockConsultation(tx, id)
    await ensureReadable(tx, actor, row)
    actor.scope.write(row.officeId)
    if (row.status === 'selesai') refuse('CONFLICT', violations.closed(row.number))
    const topic = patch.topic ?? row.topic
    // A new topic drops a sub-topic of the old one unless the patch names one of the new.
    const subTopic = patch.subTopic !== undefined ? patch.subTopic : patch.topic ? null : row.subTopic
    if (patch.topic !== undefined || patch.subTopic !== undefined) {
      await ensureSheetTopic(tx, row.officeId, topic, subTopic)
      Object.assign(patch, { topic, subTopic })
    }
    // Prisma leaves a field alone when its value is undefined: only what the patch names changes.
    const updated = await tx.consultation.update({ where: { id }, data: patch })
    if (updated.topic !== row.topic) {
      await recountConsultationDay(tx, await officeZone(tx, updated.officeId), updated.occurredAt)
    }
    const changed = Object.keys(patch).filter((key) => patch[key as keyof typeof patch] !== undefined)
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'consultation.update',
      targetType: 'Consultation',
      targetId: id,
      before: consultationSnapshot(pick(row, changed)),
      after: consultationSnapshot(pick(updated, changed)),
      ip: actor.ip,
    })
    return toConsultationRecord(updated)
  })
}

function pick(row: ConsultationRow, keys: string[]): Partial<ConsultationRow> {
  return Object.fromEntries(keys.map((key) => [key, row[key as keyof ConsultationRow]]))
}

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b
