import { CandidateRole, Pathway, type Candidate, type CandidatePairRecord } from '@mejabantu/domain'
import type { Transaction } from '@mejabantu/db'
import { refuse } from '../shared/errors.ts'
import type { AuditSnapshot } from '../shared/audit-writer.ts'
import { candidateViolations } from './violations.ts'

/** A pair row with its candidates, as `pairInclude` loads it. */
export interface PairRow {
  id: string
  electionId: string
  officeId: string
  ballotNumber: number | null
  pathway: string
  parties: string[]
  loName: string
  loPhone: string | null
  loEmail: string | null
  candidates: { role: string; fullName: string; birthDate: Date }[]
}

/** `YYYY-MM-DD` ↔ the `@db.Date` column, which Prisma reads as UTC midnight. */
export const dateColumn = (date: string) => new Date(`${date}T00:00:00.000Z`)
const dateOf = (value: Date) => value.toISOString().slice(0, 10)

const byRole = (a: { role: string }, b: { role: string }) =>
  CandidateRole.values.indexOf(a.role as never) - CandidateRole.values.indexOf(b.role as never)

/** The stored pair in the domain's terms: head first, then deputy. */
export function pairRecord(row: PairRow): CandidatePairRecord {
  const [head, deputy] = [...row.candidates].sort(byRole).map((c): Candidate => ({
    role: CandidateRole.schema.parse(c.role),
    fullName: c.fullName,
    birthDate: dateOf(c.birthDate),
  }))
  return {
    id: row.id,
    electionId: row.electionId,
    officeId: row.officeId,
    ballotNumber: row.ballotNumber,
    pathway: Pathway.schema.parse(row.pathway),
    parties: row.parties,
    candidates: [head!, deputy!],
    liaisonOfficer: {
      name: row.loName,
      phone: row.loPhone,
      ...(row.loEmail === null ? {} : { email: row.loEmail }),
    },
  }
}

/** The pair's fields an audit entry records. */
export const pairSnapshot = (pair: CandidatePairRecord): AuditSnapshot => ({
  electionId: pair.electionId,
  ballotNumber: pair.ballotNumber,
  pathway: pair.pathway,
  parties: pair.parties,
  candidates: pair.candidates.map((c) => `${c.role}: ${c.fullName} (${c.birthDate})`),
  loName: pair.liaisonOfficer.name,
  loPhone: pair.liaisonOfficer.phone,
  loEmail: pair.liaisonOfficer.email ?? null,
})

/** A pair with its candidates, its election and the election office's zone, or NOT_FOUND. */
export async function findPair(tx: Transaction, id: string) {
  const row = await tx.candidatePair.findUnique({
    where: { id },
    include: {
      candidates: true,
      election: { include: { office: { select: { timeZone: true } } } },
    },
  })
  if (!row) refuse('NOT_FOUND', candidateViolations.pairNotFound(id))
  return row
}
