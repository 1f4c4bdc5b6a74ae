import {
  ageFindings,
  CandidateRole,
  dueFor,
  ElectionKind,
  groupChecks,
  outstandingChecks,
  PairEventSchema,
  ReplacementCause,
  SubmissionChannel,
  SubmissionKind,
  thresholdCheck,
  type Dossier,
  type DossierCheck,
} from '@mejabantu/domain'
import type { Acting } from '../offices/acting.ts'
import { calendarOf, catalogOf, thresholdBasisOf } from './elections-records.ts'
import { correctionOf } from './correction-columns.ts'
import { dateOf, findPair, pairRecord, pairStatusOf } from './records.ts'
import { handoverRecord } from './requirements-handover.ts'
import { checkEvent, checkRecord, checkWithHistory } from './requirements-records.ts'

/** The display names of the users a dossier mentions. */
async function userNames(acting: Acting, ids: Iterable<string | null>) {
  const wanted = [...new Set(ids)].filter((id): id is string => id !== null)
  const users = await acting.db.prisma.user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, displayName: true },
  })
  return new Map(users.map((u) => [u.id, u.displayName]))
}

/**
 * The pair's consultations the reader may open, oldest first. A merged duplicate is not listed on its own:
 * the sheet it was merged into (of the same office) stands for it, once, even when that sheet names
 * another pair or none.
 */
async function pairConsultations(acting: Acting, pairId: string) {
  const sheets = acting.db.prisma.consultation
  const select = { id: true, occurredAt: true, mergedIntoId: true } as const
  let rows = await sheets.findMany({
    where: { candidatePairId: pairId, officeId: { in: [...acting.scope.readable] } },
    select,
  })
  // A kept sheet may itself be merged later: follow each duplicate to the sheet that was finally kept.
  for (let hops = 0; hops < 10 && rows.some((r) => r.mergedIntoId); hops++) {
    const kept = await sheets.findMany({
      where: { id: { in: rows.flatMap((r) => (r.mergedIntoId ? [r.mergedIntoId] : [])) } },
      select,
    })
    rows = [...rows.filter((r) => !r.mergedIntoId), ...kept]
  }
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()]
  return unique.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id.localeCompare(b.id))
}

/** The stored rows a dossier is built from. */
function loadDossierRows(acting: Acting, pairId: string) {
  const { db } = acting
  return Promise.all([
    db.prisma.requirementCheck.findMany({ where: { pairId }, include: checkWithHistory }),
    db.prisma.handover.findMany({ where: { pairId }, orderBy: { heldAt: 'asc' } }),
    pairConsultations(acting, pairId),
    db.prisma.pairEvent.findMany({ where: { pairId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    db.prisma.candidate.findMany({
      where: { pairId, replacedAt: { not: null } },
      orderBy: { replacedAt: 'asc' },
    }),
    db.prisma.submission.findMany({
      where: { pairId },
      orderBy: { receivedAt: 'asc' },
      select: {
        id: true,
        number: true,
        kind: true,
        channel: true,
        receivedAt: true,
        receivedById: true,
        content: true,
      },
    }),
  ])
}

/**
 * A pair's whole file: its status and history, both candidates (and those replaced), every document
 * grouped as syarat calon and syarat pencalonan with status, reason, researcher, history and next
 * deadline (in the office's zone, from the server clock), age findings, the threshold check, the
 * submissions with their receipts, the handovers with their berita acara, and the consultations.
 */
export async function dossier(acting: Acting, pairId: string): Promise<Dossier> {
  const { now } = acting
  const row = await findPair(acting.db.prisma, pairId)
  acting.scope.read(row.officeId)
  const pair = pairRecord(row)
  const { election } = row
  const calendar = calendarOf(election)
  const catalog = catalogOf(election)
  const kind = ElectionKind.schema.parse(election.kind)
  const zone = election.office.timeZone
  const [checkRows, handovers, consultations, events, replaced, submissions] = await loadDossierRows(
    acting,
    pairId,
  )
  const names = await userNames(acting, [
    ...checkRows.flatMap((c) => [c.researcherId, ...c.events.map((e) => e.byUserId)]),
    ...events.map((e) => e.byUserId),
    ...handovers.map((h) => h.signedById),
    ...submissions.map((s) => s.receivedById),
  ])
  const items = new Map(catalog.items.map((item) => [item.code, item]))
  const toDossierCheck = (c: (typeof checkRows)[number]): DossierCheck => {
    const record = checkRecord(c)
    const item = items.get(c.requirementCode)!
    return {
      ...record,
      kind: item.kind,
      name: item.name,
      legalBasis: item.legalBasis,
      settledAt: item.settledAt,
      mayNotApply: item.mayNotApply === true,
      replacement: c.generation > 1,
      researcherName: (c.researcherId && names.get(c.researcherId)) ?? null,
      history: c.events.map((e) => ({
        ...checkEvent(e),
        byName: (e.byUserId && names.get(e.byUserId)) ?? null,
      })),
      due: c.supersededAt ? null : dueFor(record.status, calendar, zone, now),
    }
  }
  const known = checkRows.filter((c) => items.has(c.requirementCode))
  const checks = known.filter((c) => !c.supersededAt).map(toDossierCheck)
  const outstanding = outstandingChecks(catalog, pair, checks)
  const basis = thresholdBasisOf(election)
  const support =
    row.coalitionVotes === null ? null : { votes: row.coalitionVotes, seats: row.coalitionSeats }
  const level = kind === 'gubernur' ? 'provinsi' : 'kabkota'
  return {
    pair,
    election: { id: election.id, name: election.name, kind, catalogVersion: election.catalogVersion },
    timeZone: zone,
    now,
    complete: outstanding.length === 0,
    outstanding,
    groups: groupChecks(catalog, checks),
    handovers: handovers.map((h) => handoverRecord(h, names)),
    consultationIds: consultations.map((c) => c.id),
    status: pairStatusOf(row),
    statusHistory: events.map((e) => ({
      ...PairEventSchema.parse({ ...e, correction: correctionOf(e) }),
      byName: (e.byUserId && names.get(e.byUserId)) ?? null,
    })),
    ageFindings: ageFindings(pair.candidates, kind, calendar),
    threshold:
      pair.pathway === 'partai' && basis && support
        ? { basis, support, check: thresholdCheck(level, basis, support) }
        : null,
    replacedCandidates: replaced.map((c) => ({
      role: CandidateRole.schema.parse(c.role),
      fullName: c.fullName,
      birthDate: dateOf(c.birthDate),
      replacedAt: c.replacedAt!,
      cause: ReplacementCause.schema.parse(c.replacementCause),
      reason: c.replacementReason ?? '',
    })),
    supersededChecks: known.filter((c) => c.supersededAt).map(toDossierCheck),
    submissions: submissions.map((s) => ({
      id: s.id,
      number: s.number,
      kind: SubmissionKind.schema.parse(s.kind),
      channel: SubmissionChannel.schema.parse(s.channel),
      receivedAt: s.receivedAt,
      receivedByName: names.get(s.receivedById) ?? null,
      documents: (s.content as { items?: unknown[] }).items?.length ?? 0,
    })),
  }
}
