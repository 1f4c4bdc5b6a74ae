import { z } from 'zod'
import {
  CandidatePairSchema,
  CandidateRole,
  LiaisonOfficerSchema,
  PairContactsSchema,
  type CandidatePair,
} from './candidate.ts'
import { HandInTimeSchema } from './research.ts'
import { CoalitionSupportSchema } from './threshold.ts'
import { penetapanDate } from './election-registration.ts'
import type { StageCalendar } from './election.ts'
import { allow, deny, type RuleResult } from './rules.ts'

const ballotNumber = z.number().int().min(1).max(99)

/** A pair registered for an election, with its ballot number if already drawn. */
export const PairRegistrationSchema = z.object({
  electionId: z.uuid(),
  pair: CandidatePairSchema,
  ballotNumber: ballotNumber.optional(),
  /** The coalition's votes and seats in the last DPRD election, for the P5 threshold check. */
  support: CoalitionSupportSchema.optional(),
  /** When the pair came to register; judged against the registration hours. */
  registeredAt: HandInTimeSchema.optional(),
})
/** A pair registration as entered. */
export type PairRegistration = z.infer<typeof PairRegistrationSchema>

/** A change to a pair's LO or ballot number (null clears a number drawn by mistake). */
export const PairUpdateSchema = z
  .object({
    pairId: z.uuid(),
    liaisonOfficer: LiaisonOfficerSchema.optional(),
    contacts: PairContactsSchema.optional(),
    ballotNumber: ballotNumber.nullable().optional(),
    support: CoalitionSupportSchema.nullable().optional(),
  })
  .refine((u) => Object.entries(u).some(([key, value]) => key !== 'pairId' && value !== undefined), {
    message: 'pair.update.empty',
  })
/** A change to a pair. */
export type PairUpdate = z.infer<typeof PairUpdateSchema>

// A party's checks use its name as subject, so it must not read as a candidate or the pair itself.
const reservedSubjects = new Set<string>([...CandidateRole.values, 'pasangan'])

/**
 * Whether a pair may be registered with `calendar`: each nominating party once, no party named like a
 * check subject, and a penetapan date to count ages at. A candidate under the minimum age is registered
 * all the same — the office records what it receives — and found TMS at penetapan (see `ageFindings`).
 */
export function checkPairRegistration(pair: CandidatePair, calendar: StageCalendar): RuleResult<true> {
  const names = pair.parties.map((party) => party.trim().toLowerCase())
  const repeated = pair.parties.find((_, i) => names.indexOf(names[i]!) !== i)
  if (repeated !== undefined) {
    return deny({
      rule: 'pair.parties.duplicate',
      params: { party: repeated },
      message: {
        id: `Partai ${repeated} tercantum lebih dari sekali.`,
        en: `Party ${repeated} is listed more than once.`,
      },
    })
  }
  const reserved = pair.parties.find((_, i) => reservedSubjects.has(names[i]!))
  if (reserved !== undefined) {
    return deny({
      rule: 'pair.parties.reserved',
      params: { party: reserved },
      message: {
        id: `"${reserved}" bukan nama partai yang dapat digunakan.`,
        en: `"${reserved}" cannot be used as a party name.`,
      },
    })
  }
  const penetapan = penetapanDate(calendar)
  if (!penetapan) {
    return deny({
      rule: 'calendar.penetapan.missing',
      params: {},
      message: {
        id: 'Tanggal penetapan belum ada pada kalender tahapan; usia calon tidak dapat dihitung.',
        en: 'The stage calendar has no penetapan date; candidates’ ages cannot be counted.',
      },
    })
  }
  return allow(true)
}
