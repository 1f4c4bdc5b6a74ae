import {
  ElectionKind,
  requirementCatalogs,
  StageCalendarSchema,
  type ElectionRecord,
  type RequirementCatalog,
  type StageCalendar,
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
}

/** The stored calendar, checked against the domain schema (it was validated when written). */
export const calendarOf = (row: Pick<ElectionRow, 'calendar'>): StageCalendar =>
  StageCalendarSchema.parse(row.calendar)

/** The stored election in the domain's terms. */
export function electionRecord(row: ElectionRow): ElectionRecord {
  return { ...row, kind: ElectionKind.schema.parse(row.kind), calendar: calendarOf(row) }
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
