import {
  CandidateRole,
  Pathway,
  PairStatus,
  StoredPairContactSchema,
  type Candidate,
  type CandidatePairRecord,
  type PairStatus as PairStatusValue,
} from '@mejabantu/domain'
import { z } from 'zod'
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
  contacts: unknown
  candidates: { role: string; fullName: string; birthDate: Date }[]
}

/** Only the candidates standing now: a replaced candidate stays stored, with `replacedAt` set. */
export const currentCandidates = { where: { replacedAt: null } } as const

const contactsOf = z.array(StoredPairContactSchema)

/** A pair's status as stored. */
export const pairStatusOf = (row: { status: string }): PairStatusValue => PairStatus.schema.parse(row.status)

/** `YYYY-MM-DD` ↔ the `@db.Date` column, which Prisma reads as UTC midnight. */
export const dateColumn = (date: string) => new Date(`${date}T00:00:00.000Z`)
/** The `@db.Date` column's day as `YYYY-MM-DD`. */
export const dateOf = (value: Date) => value.toISOString().slice(0, 10)

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
    contacts: contactsOf.parse(row.contacts),
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
  // Personal values stay in the pair's row, where erasure reaches them; the trail names the roles.
  contacts: pair.contacts.map((c) => c.role),
})

/** A pair with its candidates, its election and the election office's zone, or NOT_FOUND. */
export async function findPair(tx: Transaction, id: string) {
  const row = await tx.candidatePair.findUnique({
    where: { id },
    include: {
      candidates: currentCandidates,
      election: { include: { office: { select: { timeZone: true, regionCode: true, name: true } } } },
    },
  })
  if (!row) refuse('NOT_FOUND', candidateViolations.pairNotFound(id))
  return row
}
