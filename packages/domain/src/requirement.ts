import { z } from 'zod'
import { labelledEnum } from './labels.ts'

export const RequirementKind = labelledEnum({
  syarat_calon: { id: 'Syarat calon', en: 'Candidate requirement' },
  syarat_pencalonan: { id: 'Syarat pencalonan', en: 'Nomination requirement' },
})
export type RequirementKind = z.infer<typeof RequirementKind.schema>

export const RequirementSubject = labelledEnum({
  candidate: { id: 'Setiap calon', en: 'Each candidate' },
  pair: { id: 'Pasangan calon', en: 'The pair' },
  party: { id: 'Setiap partai pengusul', en: 'Each nominating party' },
})
export type RequirementSubject = z.infer<typeof RequirementSubject.schema>

/** A document the regulation asks for, e.g. C5 (SKCK) or P1 (Model B-KWK Parpol). */
export const RequirementSchema = z.object({
  code: z.string().regex(/^[A-Z][0-9]{1,2}$/),
  name: z.string().min(1),
  gloss: z.string().min(1),
  kind: RequirementKind.schema,
  appliesTo: RequirementSubject.schema,
  issuer: z.string().min(1),
  legalBasis: z.string().min(1),
})
export type Requirement = z.infer<typeof RequirementSchema>

/** Research outcome of one document: MS, BMS (fixable in the perbaikan window) or TMS (final). */
export const CheckStatus = labelledEnum({
  belum_diserahkan: { id: 'Belum diserahkan', en: 'Not submitted' },
  diserahkan: { id: 'Diserahkan', en: 'Submitted' },
  MS: { id: 'MS (memenuhi syarat)', en: 'MS (meets the requirement)' },
  BMS: { id: 'BMS (belum memenuhi syarat)', en: 'BMS (not yet meeting; fixable)' },
  TMS: { id: 'TMS (tidak memenuhi syarat)', en: 'TMS (does not meet; final)' },
  perbaikan: { id: 'Perbaikan', en: 'Being fixed' },
  diserahkan_perbaikan: { id: 'Perbaikan diserahkan', en: 'Fix submitted' },
})
export type CheckStatus = z.infer<typeof CheckStatus.schema>

const transitions: Record<CheckStatus, readonly CheckStatus[]> = {
  belum_diserahkan: ['diserahkan'],
  diserahkan: ['MS', 'BMS', 'TMS'],
  BMS: ['perbaikan'],
  perbaikan: ['diserahkan_perbaikan'],
  diserahkan_perbaikan: ['MS', 'TMS'],
  MS: [],
  TMS: [],
}

/** Whether research may move a document from one status to another. */
export function canTransition(from: CheckStatus, to: CheckStatus): boolean {
  return transitions[from].includes(to)
}

export const RequirementCheckSchema = z.object({
  requirementCode: RequirementSchema.shape.code,
  status: CheckStatus.schema,
  reason: z.string().trim().max(2000).nullable(),
  evidence: z.string().trim().max(500).nullable(),
})
export type RequirementCheck = z.infer<typeof RequirementCheckSchema>
