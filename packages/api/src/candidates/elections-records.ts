import {
  ElectionKind,
  requirementCatalogs,
  StageCalendarSchema,
  type ElectionRecord,
  type RequirementCatalog,
  type StageCalendar,
  type ThresholdBasis,
} from '@mejabantu/domain'
import type { Transaction } from '@mejabantu/db'
import { refuse } from '../shared/errors.ts'
import type { AuditSnapshot } from '../shared/audit-writer.ts'
import { electionViolations } from './elections-violations.ts'

/** An election row as stored: the calendar is JSON, the kind text. */
export interface ElectionRow {
  id: string
  officeId: string
  name: string
  kind: string
  regionCode: string
  year: number
  calendar: unknown
  catalogVersion: string
  createdAt: Date
  voterCount: number | null
  validVotes: number | null
  dprdSeats: number | null
}

/** The stored calendar, checked against the domain schema (it was validated when written). */
export const calendarOf = (row: Pick<ElectionRow, 'calendar'>): StageCalendar =>
  StageCalendarSchema.parse(row.calendar)

/** The stored election in the domain's terms. */
export function electionRecord({ voterCount, validVotes, dprdSeats, ...row }: ElectionRow): ElectionRecord {
  return {
    ...row,
    kind: ElectionKind.schema.parse(row.kind),
    calendar: calendarOf(row),
    thresholdBasis: thresholdBasisOf({ voterCount, validVotes, dprdSeats }),
  }
}

/** The stored threshold basis, or null until both the voter list and the valid votes are entered. */
export function thresholdBasisOf(
  row: Pick<ElectionRow, 'voterCount' | 'validVotes' | 'dprdSeats'>,
): ThresholdBasis | null {
  return row.voterCount && row.validVotes
    ? { voterCount: row.voterCount, validVotes: row.validVotes, dprdSeats: row.dprdSeats }
    : null
}

/** The catalog an election was registered under; catalogs are never removed, only added. */
export function catalogOf(row: Pick<ElectionRow, 'catalogVersion'>): RequirementCatalog {
  const catalog = requirementCatalogs.find((c) => c.version === row.catalogVersion)
  if (!catalog) throw new Error(`requirement catalog ${row.catalogVersion} is not shipped`)
  return catalog
}

/** The calendar's windows as audit values, one line per stage. */
export const calendarSnapshot = (calendar: StageCalendar): AuditSnapshot => ({
  name: calendar.name,
  windows: calendar.windows.map((w) => `${w.stage} ${w.startsAt}–${w.endsAt}${w.toConfirm ? ' ?' : ''}`),
})

/** An election with its office's zone, or NOT_FOUND. */
export async function findElection(tx: Transaction, id: string) {
  const row = await tx.election.findUnique({
    where: { id },
    include: { office: { select: { timeZone: true } } },
  })
  if (!row) refuse('NOT_FOUND', electionViolations.notFound(id))
  return row
}
