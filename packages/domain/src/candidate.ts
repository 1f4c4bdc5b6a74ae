import { z } from 'zod'
import { labelledEnum } from './labels.ts'

/** Party or coalition nomination, or an independent pair backed by supporters (PKPU 8/2024). */
export const Pathway = labelledEnum({
  partai: { id: 'Partai politik / gabungan partai politik', en: 'Party or coalition' },
  perseorangan: { id: 'Perseorangan', en: 'Independent' },
})
export type Pathway = z.infer<typeof Pathway.schema>

export const CandidateRole = labelledEnum({
  kepala: { id: 'Calon kepala daerah', en: 'Head candidate' },
  wakil: { id: 'Calon wakil kepala daerah', en: 'Deputy candidate' },
})
export type CandidateRole = z.infer<typeof CandidateRole.schema>

export const CandidateSchema = z.object({
  role: CandidateRole.schema,
  fullName: z.string().trim().min(1).max(160),
  birthDate: z.iso.date(),
})
export type Candidate = z.infer<typeof CandidateSchema>

export const LiaisonOfficerSchema = z.object({
  name: z.string().trim().min(1).max(120),
  phone: z.string().regex(/^\+?[0-9]{8,15}$/),
  email: z.email().optional(),
})

/** A pair always has exactly one head and one deputy; a party pathway names at least one party. */
export const CandidatePairSchema = z
  .object({
    pathway: Pathway.schema,
    parties: z.array(z.string().trim().min(1).max(120)),
    candidates: z.tuple([CandidateSchema, CandidateSchema]),
    liaisonOfficer: LiaisonOfficerSchema,
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
export type CandidatePair = z.infer<typeof CandidatePairSchema>
