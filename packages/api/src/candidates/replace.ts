import {
  CheckStatus,
  checkReplacement,
  requirementsFor,
  type CandidatePairRecord,
  type Replacement,
} from '@mejabantu/domain'
import { writeAudit } from '../shared/audit-writer.ts'
import { ensure } from '../shared/errors.ts'
import type { Acting } from '../offices/acting.ts'
import { calendarOf, catalogOf } from './elections-records.ts'
import { currentCandidates, dateColumn, findPair, pairRecord, pairStatusOf } from './records.ts'

/**
 * Replaces one candidate of a pair with a calon pengganti: the candidate and their documents stay stored
 * with their history (no longer owed), and the replacement starts a new checklist of the syarat calon
 * for that seat, handed in inside the replacement window.
 */
export async function replaceCandidate(acting: Acting, input: Replacement): Promise<CandidatePairRecord> {
  const { role } = input.candidate
  return acting.db.prisma.$transaction(async (tx) => {
    const row = await findPair(tx, input.pairId)
    acting.scope.write(row.officeId)
    const current = await tx.candidate.findFirstOrThrow({ where: { pairId: row.id, role, replacedAt: null } })
    const seat = await tx.requirementCheck.findMany({
      where: { pairId: row.id, subject: role, supersededAt: null },
      select: { status: true },
    })
    ensure(
      checkReplacement(input, {
        pairStatus: pairStatusOf(row),
        seatChecks: seat.map((c) => CheckStatus.schema.parse(c.status)),
        calendar: calendarOf(row.election),
        zone: row.election.office.timeZone,
        now: acting.now,
      }),
    )
    const generation = current.generation + 1
    await tx.candidate.update({
      where: { id: current.id },
      data: { replacedAt: acting.now, replacementCause: input.cause, replacementReason: input.reason },
    })
    await tx.requirementCheck.updateMany({
      where: { pairId: row.id, subject: role, supersededAt: null },
      data: { supersededAt: acting.now },
    })
    const items = requirementsFor(catalogOf(row.election), row.pathway as CandidatePairRecord['pathway'])
    await tx.candidate.create({
      data: {
        pairId: row.id,
        role,
        fullName: input.candidate.fullName,
        birthDate: dateColumn(input.candidate.birthDate),
        generation,
      },
    })
    await tx.requirementCheck.createMany({
      data: items
        .filter((item) => item.appliesTo === 'candidate')
        .map((item) => ({ pairId: row.id, requirementCode: item.code, subject: role, generation })),
    })
    await writeAudit(tx, {
      actorId: acting.user.id,
      action: 'pair.replaceCandidate',
      targetType: 'CandidatePair',
      targetId: row.id,
      before: { candidate: `${role}: ${current.fullName}`, generation: current.generation },
      after: {
        candidate: `${role}: ${input.candidate.fullName}`,
        generation,
        cause: input.cause,
        reason: input.reason,
      },
      ip: acting.ip,
    })
    const updated = await tx.candidatePair.findUniqueOrThrow({
      where: { id: row.id },
      include: { candidates: currentCandidates },
    })
    return pairRecord(updated)
  })
}
