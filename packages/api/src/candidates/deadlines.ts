import { CheckStatus, dueFor, fixClosingWithin, type PairDeadlines } from '@mejabantu/domain'
import type { Acting } from '../offices/acting.ts'
import { calendarOf } from './elections-records.ts'
import { currentCandidates, pairRecord } from './records.ts'

/**
 * The pairs of an office (the user's own by default) with documents waiting for the pair's fix (BMS or
 * perbaikan) whose window closes within `hours`, soonest first: the dashboard's "deadlines closing".
 */
export async function closingDeadlines(
  { db, scope, now }: Acting,
  input: { officeId?: string | undefined; hours: number },
): Promise<PairDeadlines[]> {
  const officeId = scope.read(input.officeId)
  const pairs = await db.prisma.candidatePair.findMany({
    where: { officeId, checks: { some: { status: { in: ['BMS', 'perbaikan'] }, supersededAt: null } } },
    include: {
      candidates: currentCandidates,
      checks: { where: { status: { in: ['BMS', 'perbaikan'] }, supersededAt: null } },
      election: { include: { office: { select: { timeZone: true } } } },
    },
  })
  const closing = pairs.flatMap((row): PairDeadlines[] => {
    const calendar = calendarOf(row.election)
    const zone = row.election.office.timeZone
    const items = row.checks.flatMap((check) => {
      const status = CheckStatus.schema.parse(check.status)
      const due = dueFor(status, calendar, zone, now)
      return due && fixClosingWithin(status, due, input.hours * 60)
        ? [{ checkId: check.id, requirementCode: check.requirementCode, subject: check.subject, status, due }]
        : []
    })
    if (items.length === 0) return []
    items.sort((a, b) => a.due.window.closesAt.getTime() - b.due.window.closesAt.getTime())
    const pair = pairRecord(row)
    return [
      {
        pairId: pair.id,
        electionId: pair.electionId,
        electionName: row.election.name,
        ballotNumber: pair.ballotNumber,
        candidateNames: [pair.candidates[0].fullName, pair.candidates[1].fullName],
        liaisonOfficer: { name: pair.liaisonOfficer.name, phone: pair.liaisonOfficer.phone },
        closesAt: items[0]!.due.window.closesAt,
        items,
      },
    ]
  })
  return closing.sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime())
}
