import {
  checkPairRegistration,
  CheckStatus,
  ElectionKind,
  expectedChecks,
  outstandingChecks,
  type CandidatePairRecord,
  type PairRegistration,
  type PairSummary,
  type PairUpdate,
} from '@mejabantu/domain'
import { ensure, refuse } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { dateColumn, findPair, pairRecord, pairSnapshot } from './records.ts'
import { candidateViolations } from './violations.ts'
import { calendarOf, catalogOf, findElection } from './elections-records.ts'
import { isUniqueViolation, type Acting } from '../offices/acting.ts'

const ballotTaken = (error: unknown, ballotNumber: number | null | undefined) => {
  if (isUniqueViolation(error) && ballotNumber) {
    refuse('CONFLICT', candidateViolations.ballotNumberTaken(ballotNumber))
  }
  throw error
}

/**
 * Registers a pair for an election of the user's office, with both candidates (old enough on the
 * penetapan date of the election's calendar) and one research check, not yet submitted, for every
 * document the election's catalog asks of its pathway.
 */
export async function createPair(acting: Acting, input: PairRegistration): Promise<CandidatePairRecord> {
  const { db, scope, user, ip } = acting
  const election = await findElection(db.prisma, input.electionId)
  scope.write(election.officeId)
  const { pair } = input
  ensure(checkPairRegistration(pair, ElectionKind.schema.parse(election.kind), calendarOf(election)))
  const checks = expectedChecks(catalogOf(election), pair)
  try {
    return await db.prisma.$transaction(async (tx) => {
      const created = pairRecord(
        await tx.candidatePair.create({
          data: {
            electionId: election.id,
            officeId: election.officeId,
            ballotNumber: input.ballotNumber ?? null,
            pathway: pair.pathway,
            parties: pair.parties,
            loName: pair.liaisonOfficer.name,
            loPhone: pair.liaisonOfficer.phone,
            loEmail: pair.liaisonOfficer.email ?? null,
            candidates: {
              create: pair.candidates.map((c) => ({ ...c, birthDate: dateColumn(c.birthDate) })),
            },
            checks: { create: checks.map((c) => ({ ...c, status: 'belum_diserahkan' })) },
          },
          include: { candidates: true },
        }),
      )
      await writeAudit(tx, {
        actorId: user.id,
        action: 'pair.create',
        targetType: 'CandidatePair',
        targetId: created.id,
        after: { ...pairSnapshot(created), checks: checks.length },
        ip,
      })
      return created
    })
  } catch (error) {
    return ballotTaken(error, input.ballotNumber)
  }
}

/** Changes a pair's LO or ballot number. */
export async function updatePair(acting: Acting, input: PairUpdate): Promise<CandidatePairRecord> {
  const { pairId, liaisonOfficer, ballotNumber } = input
  try {
    return await acting.db.prisma.$transaction(async (tx) => {
      const before = pairRecord(await findPair(tx, pairId))
      acting.scope.write(before.officeId)
      const after = pairRecord(
        await tx.candidatePair.update({
          where: { id: pairId },
          data: {
            ...(ballotNumber === undefined ? {} : { ballotNumber }),
            ...(liaisonOfficer === undefined
              ? {}
              : {
                  loName: liaisonOfficer.name,
                  loPhone: liaisonOfficer.phone,
                  loEmail: liaisonOfficer.email ?? null,
                }),
          },
          include: { candidates: true },
        }),
      )
      await writeAudit(tx, {
        actorId: acting.user.id,
        action: 'pair.update',
        targetType: 'CandidatePair',
        targetId: pairId,
        before: pairSnapshot(before),
        after: pairSnapshot(after),
        ip: acting.ip,
      })
      return after
    })
  } catch (error) {
    return ballotTaken(error, ballotNumber)
  }
}

/** The pairs of an election the user reads, by ballot number, with how their documents stand. */
export async function listPairs({ db, scope }: Acting, electionId: string): Promise<PairSummary[]> {
  const election = await findElection(db.prisma, electionId)
  scope.read(election.officeId)
  const catalog = catalogOf(election)
  const rows = await db.prisma.candidatePair.findMany({
    where: { electionId },
    include: { candidates: true, checks: { select: { requirementCode: true, subject: true, status: true } } },
    orderBy: [{ ballotNumber: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
  })
  return rows.map((row) => {
    const pair = pairRecord(row)
    const checks = row.checks.map((c) => ({ ...c, status: CheckStatus.schema.parse(c.status) }))
    const statusCounts: PairSummary['statusCounts'] = {}
    for (const { status } of checks) statusCounts[status] = (statusCounts[status] ?? 0) + 1
    const outstanding = outstandingChecks(catalog, pair, checks).length
    return { ...pair, statusCounts, outstanding, complete: outstanding === 0 }
  })
}
