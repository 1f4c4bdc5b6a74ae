import {
  checkPairRegistration,
  checkRegistrationTime,
  CheckStatus,
  expectedChecks,
  outstandingChecks,
  type CandidatePairRecord,
  type PairRegistration,
  type PairSummary,
  type PairUpdate,
} from '@mejabantu/domain'
import { ensure, refuse } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { currentCandidates, dateColumn, findPair, pairRecord, pairSnapshot, pairStatusOf } from './records.ts'
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
 * Registers a pair (a bakal pasangan calon) for an election of the user's office, with both candidates —
 * an under-age one too, found TMS at penetapan — and one research check, not yet submitted, for every
 * document the election's catalog asks of its pathway.
 */
export async function createPair(acting: Acting, input: PairRegistration): Promise<CandidatePairRecord> {
  const { db, scope, user, ip } = acting
  const election = await findElection(db.prisma, input.electionId)
  scope.write(election.officeId)
  const { pair } = input
  const calendar = calendarOf(election)
  ensure(checkPairRegistration(pair, calendar))
  // A registration typed with the time the pair came is held to the registration hours; one entered
  // without it (a record kept from paper, say) is taken as it is.
  if (input.registeredAt)
    ensure(checkRegistrationTime(calendar, election.office.timeZone, input.registeredAt))
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
            contacts: pair.contacts ?? [],
            coalitionVotes: input.support?.votes ?? null,
            coalitionSeats: input.support?.seats ?? null,
            registeredAt: input.registeredAt ?? acting.now,
            candidates: {
              create: pair.candidates.map((c) => ({ ...c, birthDate: dateColumn(c.birthDate) })),
            },
            checks: { create: checks.map((c) => ({ ...c, status: 'belum_diserahkan' })) },
          },
          include: { candidates: currentCandidates },
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

/** Changes a pair's LO, further contacts, ballot number or the coalition's support. */
export async function updatePair(acting: Acting, input: PairUpdate): Promise<CandidatePairRecord> {
  const { pairId, liaisonOfficer, ballotNumber, contacts, support } = input
  try {
    return await acting.db.prisma.$transaction(async (tx) => {
      const row = await findPair(tx, pairId)
      const before = pairRecord(row)
      acting.scope.write(before.officeId)
      const after = pairRecord(
        await tx.candidatePair.update({
          where: { id: pairId },
          data: {
            ...(ballotNumber === undefined ? {} : { ballotNumber }),
            ...(contacts === undefined ? {} : { contacts }),
            ...(support === undefined
              ? {}
              : { coalitionVotes: support?.votes ?? null, coalitionSeats: support?.seats ?? null }),
            ...(liaisonOfficer === undefined
              ? {}
              : {
                  loName: liaisonOfficer.name,
                  loPhone: liaisonOfficer.phone,
                  loEmail: liaisonOfficer.email ?? null,
                }),
          },
          include: { candidates: currentCandidates },
        }),
      )
      await writeAudit(tx, {
        actorId: acting.user.id,
        action: 'pair.update',
        targetType: 'CandidatePair',
        targetId: pairId,
        before: {
          ...pairSnapshot(before),
          coalitionVotes: row.coalitionVotes,
          coalitionSeats: row.coalitionSeats,
        },
        after: {
          ...pairSnapshot(after),
          coalitionVotes: support === undefined ? row.coalitionVotes : (support?.votes ?? null),
          coalitionSeats: support === undefined ? row.coalitionSeats : (support?.seats ?? null),
        },
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
    include: {
      candidates: currentCandidates,
      checks: {
        where: { supersededAt: null },
        select: { requirementCode: true, subject: true, status: true },
      },
    },
    orderBy: [{ ballotNumber: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
  })
  return rows.map((row) => {
    const pair = pairRecord(row)
    const checks = row.checks.map((c) => ({ ...c, status: CheckStatus.schema.parse(c.status) }))
    const statusCounts: PairSummary['statusCounts'] = {}
    for (const { status } of checks) statusCounts[status] = (statusCounts[status] ?? 0) + 1
    const outstanding = outstandingChecks(catalog, pair, checks).length
    return { ...pair, status: pairStatusOf(row), statusCounts, outstanding, complete: outstanding === 0 }
  })
}
