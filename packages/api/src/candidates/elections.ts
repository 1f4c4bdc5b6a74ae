import {
  applyOverrides,
  checkElectionOffice,
  chooseCatalog,
  pilkada2024Calendar,
  requirementCatalogs,
  type ElectionRecord,
  type ElectionRegistrationSchema,
  type RequirementCatalog,
  type StageOverride,
  type ThresholdBasisInput,
} from '@mejabantu/domain'
import type { z } from 'zod'
import { ensure, refuse } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { calendarOf, calendarSnapshot, electionRecord, findElection } from './elections-records.ts'
import { electionViolations } from './elections-violations.ts'
import { isUniqueViolation, type Acting } from '../offices/acting.ts'

/**
 * Registers an election of the admin's office: the kind must fit the office's level and region; the
 * calendar is the Pilkada 2024 default with the office's overrides, and the catalog the one named or the
 * one in effect when registration opens.
 */
export async function createElection(
  acting: Acting,
  input: z.output<typeof ElectionRegistrationSchema>,
): Promise<ElectionRecord> {
  const { db, scope, user, ip } = acting
  const { overrides, catalogVersion, ...election } = input
  const office = await db.prisma.office.findUniqueOrThrow({ where: { id: scope.write() } })
  ensure(checkElectionOffice(election, office))
  const calendar = ensure(applyOverrides(pilkada2024Calendar, overrides))
  const catalog = ensure(chooseCatalog(requirementCatalogs, calendar, catalogVersion))
  try {
    return await db.prisma.$transaction(async (tx) => {
      const created = electionRecord(
        await tx.election.create({
          data: { ...election, officeId: office.id, calendar, catalogVersion: catalog.version },
        }),
      )
      await writeAudit(tx, {
        actorId: user.id,
        action: 'election.create',
        targetType: 'Election',
        targetId: created.id,
        after: {
          name: created.name,
          kind: created.kind,
          regionCode: created.regionCode,
          year: created.year,
          catalogVersion: created.catalogVersion,
          ...calendarSnapshot(calendar),
        },
        ip,
      })
      return created
    })
  } catch (error) {
    if (isUniqueViolation(error)) refuse('CONFLICT', electionViolations.duplicate(input.kind, input.year))
    throw error
  }
}

/** The elections of an office the user reads (their own by default), newest first. */
export async function listElections({ db, scope }: Acting, officeId?: string): Promise<ElectionRecord[]> {
  const rows = await db.prisma.election.findMany({
    where: { officeId: scope.read(officeId) },
    orderBy: [{ year: 'desc' }, { createdAt: 'desc' }],
  })
  return rows.map(electionRecord)
}

/** One election the user may read. */
export async function getElection({ db, scope }: Acting, id: string): Promise<ElectionRecord> {
  const row = await findElection(db.prisma, id)
  scope.read(row.officeId)
  return electionRecord(row)
}

/**
 * Replaces windows of an election's calendar (the office's own decree may move a date); the calendar
 * before and after goes to the audit trail.
 */
export async function overrideStages(
  acting: Acting,
  electionId: string,
  overrides: StageOverride[],
): Promise<ElectionRecord> {
  return acting.db.prisma.$transaction(async (tx) => {
    // Locked so two admins' overrides apply one after the other, each audited against the true before.
    await tx.$queryRaw`SELECT id FROM "Election" WHERE id = ${electionId}::uuid FOR UPDATE`
    const row = await findElection(tx, electionId)
    acting.scope.write(row.officeId)
    const before = calendarOf(row)
    const calendar = ensure(applyOverrides(before, overrides))
    const updated = await tx.election.update({ where: { id: electionId }, data: { calendar } })
    await writeAudit(tx, {
      actorId: acting.user.id,
      action: 'election.overrideStages',
      targetType: 'Election',
      targetId: electionId,
      before: calendarSnapshot(before),
      after: calendarSnapshot(calendar),
      ip: acting.ip,
    })
    return electionRecord(updated)
  })
}

/** Enters the certified figures the P5 threshold is counted from; the figures before and after are audited. */
export async function setThresholdBasis(acting: Acting, input: ThresholdBasisInput): Promise<ElectionRecord> {
  return acting.db.prisma.$transaction(async (tx) => {
    const row = await findElection(tx, input.electionId)
    acting.scope.write(row.officeId)
    const updated = await tx.election.update({ where: { id: row.id }, data: input.basis })
    await writeAudit(tx, {
      actorId: acting.user.id,
      action: 'election.thresholdBasis',
      targetType: 'Election',
      targetId: row.id,
      before: { voterCount: row.voterCount, validVotes: row.validVotes, dprdSeats: row.dprdSeats },
      after: { ...input.basis },
      ip: acting.ip,
    })
    return electionRecord(updated)
  })
}

/** Every requirement catalog version that ships, oldest first. */
export const listCatalogs = (): readonly RequirementCatalog[] => requirementCatalogs
