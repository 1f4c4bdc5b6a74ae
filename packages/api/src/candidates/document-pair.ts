import { CandidateRole, Pathway, type DocumentPairSchema } from '@mejabantu/domain'
import type { z } from 'zod'

/** The pair as an issued document names it: head first, then deputy; no contact details. */
export function documentPair(row: {
  ballotNumber: number | null
  pathway: string
  parties: string[]
  candidates: { role: string; fullName: string }[]
}): z.infer<typeof DocumentPairSchema> {
  const candidates = row.candidates
    .map((c) => ({ role: CandidateRole.schema.parse(c.role), fullName: c.fullName }))
    .sort((a, b) => CandidateRole.values.indexOf(a.role) - CandidateRole.values.indexOf(b.role))
  return {
    ballotNumber: row.ballotNumber,
    pathway: Pathway.schema.parse(row.pathway),
    parties: row.parties,
    candidates,
  }
}
