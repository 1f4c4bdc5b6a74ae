import {
  CheckStatus,
  dueFor,
  ElectionKind,
  fixClosingWithin,
  groupChecks,
  outstandingChecks,
  type Dossier,
  type DossierCheck,
  type PairDeadlines,
} from '@mejabantu/domain'
import { findPair, pairRecord } from './records.ts'
import { calendarOf, catalogOf } from './elections-records.ts'
import type { Acting } from '../offices/acting.ts'
import { handoverRecord } from './requirements-handover.ts'
import { checkEvent, checkRecord, checkWithHistory } from './requirements-records.ts'

/**
 * A pair's whole file: both candidates, every document grouped as syarat calon and syarat pencalonan with
 * its status, reason, evidence, researcher, history and next deadline (in the office's zone, from the
 * server clock), whether the pair is complete, the handovers, and the consultations about it.
 */
export async function dossier(acting: Acting, pairId: string): Promise<Dossier> {
  const { db, scope, now } = acting
  const row = await findPair(db.prisma, pairId)
  scope.read(row.officeId)
  const pair = pairRecord(row)
  const { election } = row
  const calendar = calendarOf(election)
  const catalog = catalogOf(election)
  const zone = election.office.timeZone
  const [checkRows, handovers, consultations] = await Promise.all([
    db.prisma.requirementCheck.findMany({ where: { pairId }, include: checkWithHistory }),
    db.prisma.handover.findMany({ where: { pairId }, orderBy: { heldAt: 'asc' } }),
    db.prisma.consultation.findMany({
      where: { candidatePairId: pairId, officeId: { in: [...scope.readable] } },
      select: { id: true },
      orderBy: { occurredAt: 'asc' },
    }),
  ])
  const userIds = new Set(checkRows.flatMap((c) => [c.researcherId, ...c.events.map((e) => e.byUserId)]))
  userIds.delete(null)
  const names = new Map(
    (
      await db.prisma.user.findMany({
        where: { id: { in: [...userIds] as string[] } },
        select: { id: true, displayName: true },
      })
    ).map((u) => [u.id, u.displayName]),
  )
  const items = new Map(catalog.items.map((item) => [item.code, item]))
  const checks: DossierCheck[] = checkRows
    .filter((c) => items.has(c.requirementCode))
    .map((c) => {
      const record = checkRecord(c)
      const item = items.get(c.requirementCode)!
      return {
        ...record,
        kind: item.kind,
        name: item.name,
        legalBasis: item.legalBasis,
        researcherName: (c.researcherId && names.get(c.researcherId)) ?? null,
        history: c.events.map((e) => ({ ...checkEvent(e), byName: names.get(e.byUserId) ?? null })),
        due: dueFor(record.status, calendar, zone, now),
      }
    })
  const outstanding = outstandingChecks(catalog, pair, checks)
  return {
    pair,
    election: {
      id: election.id,
      name: election.name,
      kind: ElectionKind.schema.parse(election.kind),
      catalogVersion: election.catalogVersion,
    },
    timeZone: zone,
    now,
    complete: outstanding.length === 0,
    outstanding,
    groups: groupChecks(catalog, checks),
    handovers: handovers.map(handoverRecord),
    consultationIds: consultations.map((c) => c.id),
  }
}

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
    where: { officeId, checks: { some: { status: { in: ['BMS', 'perbaikan'] } } } },
    include: {
      candidates: true,
      checks: { where: { status: { in: ['BMS', 'perbaikan'] } } },
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
