import type { Database } from '@mejabantu/db'
import { checkMerge, type ConsultationStatus, type RuleResult } from '@mejabantu/domain'
import type { Actor } from '../shared/actor.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { ensure, refuse } from '../shared/errors.ts'
import { recountConsultationDay } from '../reports/daily-summary.ts'
import { ensureReadable } from './access.ts'
import type { MergeInput } from './relations-schemas.ts'
import type { ConsultationRecord } from './schemas.ts'
import { consultationSnapshot, toConsultationRecord } from './view.ts'
import { consultationViolations as violations } from './violations.ts'

// Two sheets that can never be merged are a bad request; one already merged or answered is a conflict.
const mergeCode = (result: RuleResult<unknown>) =>
  !result.ok && /\.(self|otherOffice)$/.test(result.violation.rule) ? 'BAD_REQUEST' : 'CONFLICT'

/** Both sheets of a merge as they are after it. */
export interface MergeResult {
  duplicate: ConsultationRecord
  kept: ConsultationRecord
}

/**
 * Merges a duplicate into the sheet that keeps the question, under the domain's checkMerge: the
 * duplicate is marked merged (read and counted on the kept sheet from now on, so the day's figures are
 * recounted) and keeps its asker, question and files, which the kept sheet's view lists. Its visit and
 * candidate pair move to the kept sheet only where that sheet has none of its own. The desk's note is
 * added to the duplicate's minutes, with the sheet's other text, rather than to the append-only trail.
 * Audited on both sheets. Both rows are locked in id order, so two merges cannot deadlock.
 */
export async function mergeConsultation(
  db: Database,
  actor: Actor,
  input: MergeInput,
  now = new Date(),
): Promise<MergeResult> {
  return db.prisma.$transaction(async (tx) => {
    const ids = [...new Set([input.duplicateId, input.keptId])].sort()
    await tx.$queryRaw`
      SELECT "id" FROM "Consultation" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`
    const rows = await tx.consultation.findMany({ where: { id: { in: ids } } })
    const duplicate = rows.find((row) => row.id === input.duplicateId)
    if (!duplicate) refuse('NOT_FOUND', violations.notFound(input.duplicateId))
    const kept = rows.find((row) => row.id === input.keptId)
    if (!kept) refuse('NOT_FOUND', violations.notFound(input.keptId))
    await ensureReadable(tx, actor, duplicate)
    await ensureReadable(tx, actor, kept)
    const checked = checkMerge(
      { ...duplicate, status: duplicate.status as ConsultationStatus },
      { ...kept, status: kept.status as ConsultationStatus },
    )
    ensure(checked, mergeCode(checked))
    actor.scope.write(duplicate.officeId)

    const moved = {
      ...(duplicate.visitId && !kept.visitId ? { visitId: duplicate.visitId } : {}),
      ...(duplicate.candidatePairId && !kept.candidatePairId
        ? { candidatePairId: duplicate.candidatePairId }
        : {}),
    }
    const note = input.note && `Digabung ke ${kept.number}: ${input.note}`
    const mergedDuplicate = await tx.consultation.update({
      where: { id: duplicate.id },
      data: {
        mergedIntoId: kept.id,
        mergedAt: now,
        ...('visitId' in moved ? { visitId: null } : {}),
        ...('candidatePairId' in moved ? { candidatePairId: null } : {}),
        ...(note ? { minutes: duplicate.minutes ? `${duplicate.minutes}\n\n${note}` : note } : {}),
      },
    })
    const keptAfter = Object.keys(moved).length
      ? await tx.consultation.update({ where: { id: kept.id }, data: moved })
      : kept
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'consultation.merge',
      targetType: 'Consultation',
      targetId: duplicate.id,
      before: consultationSnapshot({
        mergedIntoId: null,
        ...('visitId' in moved ? { visitId: duplicate.visitId } : {}),
        ...('candidatePairId' in moved ? { candidatePairId: duplicate.candidatePairId } : {}),
        ...(note ? { minutes: duplicate.minutes } : {}),
      }),
      after: {
        ...consultationSnapshot({
          mergedIntoId: kept.id,
          mergedAt: now,
          ...('visitId' in moved ? { visitId: null } : {}),
          ...('candidatePairId' in moved ? { candidatePairId: null } : {}),
          ...(note ? { minutes: mergedDuplicate.minutes } : {}),
        }),
        mergedInto: kept.number,
      },
      ip: actor.ip,
    })
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'consultation.merge.kept',
      targetType: 'Consultation',
      targetId: kept.id,
      before: consultationSnapshot({
        ...('visitId' in moved ? { visitId: kept.visitId } : {}),
        ...('candidatePairId' in moved ? { candidatePairId: kept.candidatePairId } : {}),
      }),
      after: { ...consultationSnapshot(moved), merged: duplicate.number, mergedId: duplicate.id },
      ip: actor.ip,
    })
    const office = await tx.office.findUniqueOrThrow({
      where: { id: duplicate.officeId },
      select: { id: true, timeZone: true },
    })
    // The duplicate no longer counts on its own day.
    await recountConsultationDay(tx, office, duplicate.occurredAt)
    return { duplicate: toConsultationRecord(mergedDuplicate), kept: toConsultationRecord(keptAfter) }
  })
}
