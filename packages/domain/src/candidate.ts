import { z } from 'zod'
import { labelledEnum } from './labels.ts'
import { allow, deny, type RuleResult } from './rules.ts'

/** Party or coalition nomination, or an independent pair backed by supporters (PKPU 8/2024). */
export const Pathway = labelledEnum({
  partai: { id: 'Partai politik / gabungan partai politik', en: 'Party or coalition' },
  perseorangan: { id: 'Perseorangan', en: 'Independent' },
})
/** A nomination pathway. */
export type Pathway = z.infer<typeof Pathway.schema>

/** Which seat of the pair a candidate runs for. */
export const CandidateRole = labelledEnum({
  kepala: { id: 'Calon kepala daerah', en: 'Head candidate' },
  wakil: { id: 'Calon wakil kepala daerah', en: 'Deputy candidate' },
})
/** A candidate's seat: head or deputy. */
export type CandidateRole = z.infer<typeof CandidateRole.schema>

/** One candidate of a pair. */
export const CandidateSchema = z.object({
  role: CandidateRole.schema,
  fullName: z.string().trim().min(1).max(160),
  birthDate: z.iso.date(),
})
/** One candidate of a pair. */
export type Candidate = z.infer<typeof CandidateSchema>

/** The pair's liaison officer (LO, often also its SILON admin): the desk's main contact. */
export const LiaisonOfficerSchema = z.object({
  name: z.string().trim().min(1).max(120),
  phone: z.string().regex(/^\+?[0-9]{8,15}$/),
  email: z.email().optional(),
})

/** The LO as stored: the phone is null once their personal data was erased and no new LO is entered. */
export const StoredLiaisonOfficerSchema = LiaisonOfficerSchema.extend({ phone: z.string().nullable() })

/** What a further contact of the pair does: the LO and the SILON admin are often different people. */
export const ContactRole = labelledEnum({
  lo: { id: 'LO (petugas penghubung)', en: 'Liaison officer (LO)' },
  admin_silon: { id: 'Admin SILON', en: 'SILON admin' },
  lainnya: { id: 'Kontak lainnya', en: 'Other contact' },
})
/** A contact's role. */
export type ContactRole = z.infer<typeof ContactRole.schema>

/** A further contact of the pair beside its main LO. */
export const PairContactSchema = LiaisonOfficerSchema.extend({ role: ContactRole.schema })
/** A further contact of the pair. */
export type PairContact = z.infer<typeof PairContactSchema>

/** A contact as stored: the phone is null once their personal data was erased. */
export const StoredPairContactSchema = PairContactSchema.extend({ phone: z.string().nullable() })
/** A stored contact. */
export type StoredPairContact = z.infer<typeof StoredPairContactSchema>

/** At most ten further contacts per pair. */
export const PairContactsSchema = z.array(PairContactSchema).max(10)

/** A pair always has exactly one head and one deputy; a party pathway names at least one party. */
export const CandidatePairSchema = z
  .object({
    pathway: Pathway.schema,
    parties: z.array(z.string().trim().min(1).max(120)),
    candidates: z.tuple([CandidateSchema, CandidateSchema]),
    liaisonOfficer: LiaisonOfficerSchema,
    contacts: PairContactsSchema.optional(),
  })
  .check((ctx) => {
    const roles = ctx.value.candidates.map((c) => c.role).sort()
    if (roles[0] !== 'kepala' || roles[1] !== 'wakil') {
      ctx.issues.push({ code: 'custom', input: ctx.value, path: ['candidates'], message: 'pair.roles' })
    }
    if (ctx.value.pathway === 'partai' && ctx.value.parties.length === 0) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['parties'],
        message: 'pair.parties.required',
      })
    }
    if (ctx.value.pathway === 'perseorangan' && ctx.value.parties.length > 0) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['parties'],
        message: 'pair.parties.forbidden',
      })
    }
  })
/** A candidate pair as registered. */
export type CandidatePair = z.infer<typeof CandidatePairSchema>

/** A stored pair of an election, with its ballot number once drawn. */
export const CandidatePairRecordSchema = z.object({
  id: z.uuid(),
  electionId: z.uuid(),
  officeId: z.uuid(),
  ballotNumber: z.number().int().positive().nullable(),
  pathway: Pathway.schema,
  parties: z.array(z.string()),
  candidates: z.tuple([CandidateSchema, CandidateSchema]),
  liaisonOfficer: StoredLiaisonOfficerSchema,
  contacts: z.array(StoredPairContactSchema),
})
/** A stored pair. */
export type CandidatePairRecord = z.infer<typeof CandidatePairRecordSchema>

/** Minimum age (UU 10/2016 art. 7(2)e; ruling 70/PUU-XXII/2024: counted at penetapan). */
export const MINIMUM_AGE = { gubernur: 30, bupati: 25, walikota: 25 } as const

/** Full years from a birth date to a date, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** Whether a candidate is old enough on the penetapan date for the kind of election. */
export function checkMinimumAge(
  candidate: Pick<Candidate, 'fullName' | 'birthDate'>,
  kind: keyof typeof MINIMUM_AGE,
  penetapanDate: string,
): RuleResult<number> {
  const age = ageOn(candidate.birthDate, penetapanDate)
  if (age >= MINIMUM_AGE[kind]) return allow(age)
  return deny({
    rule: 'candidate.age',
    params: { age: String(age), minimum: String(MINIMUM_AGE[kind]), on: penetapanDate },
    message: {
      id: `Usia calon pada tanggal penetapan ${penetapanDate} adalah ${age} tahun; minimal ${MINIMUM_AGE[kind]} tahun.`,
      en: `The candidate is ${age} on the penetapan date ${penetapanDate}; the minimum is ${MINIMUM_AGE[kind]}.`,
    },
  })
}

/**
 * The share of valid votes (percent) a party or coalition needs to nominate a pair, by the region's voter
 * list (DPT), after ruling 60/PUU-XXII/2024. Independent pairs need supporters in the same shares.
 */
export function nominationThresholdPercent(level: 'provinsi' | 'kabkota', dpt: number): number {
  const steps = level === 'provinsi' ? [2_000_000, 6_000_000, 12_000_000] : [250_000, 500_000, 1_000_000]
  const shares = [10, 8.5, 7.5, 6.5]
  const index = steps.findIndex((limit) => dpt <= limit)
  return shares[index === -1 ? 3 : index]!
}
