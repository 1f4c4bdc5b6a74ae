import { z } from 'zod'
import { CandidateRole, Pathway, type CandidatePair } from './candidate.ts'
import { labelledEnum } from './labels.ts'
import { allow, deny, type RuleResult } from './rules.ts'

/** Syarat calon (about each candidate) or syarat pencalonan (about the nomination). */
export const RequirementKind = labelledEnum({
  syarat_calon: { id: 'Syarat calon', en: 'Candidate requirement' },
  syarat_pencalonan: { id: 'Syarat pencalonan', en: 'Nomination requirement' },
})
/** A requirement kind. */
export type RequirementKind = z.infer<typeof RequirementKind.schema>

/** Whose document it is: each candidate, the pair, or each nominating party. */
export const RequirementSubject = labelledEnum({
  candidate: { id: 'Setiap calon', en: 'Each candidate' },
  pair: { id: 'Pasangan calon', en: 'The pair' },
  party: { id: 'Setiap partai pengusul', en: 'Each nominating party' },
})
/** A requirement subject. */
export type RequirementSubject = z.infer<typeof RequirementSubject.schema>

/** A document the regulation asks for, e.g. C5 (SKCK) or P1 (Model B-KWK Parpol). */
export const RequirementSchema = z.object({
  code: z.string().regex(/^[A-Z][0-9]{1,2}$/),
  name: z.string().min(1),
  gloss: z.string().min(1),
  kind: RequirementKind.schema,
  /** Nomination pathways whose pairs must submit it. */
  pathways: z.array(Pathway.schema).min(1),
  appliesTo: RequirementSubject.schema,
  issuer: z.string().min(1),
  legalBasis: z.string().min(1),
})
/** A catalog item. */
export type Requirement = z.infer<typeof RequirementSchema>

/**
 * The documents one regulation asks for. A new regulation adds a catalog with a later `effectiveFrom`
 * instead of editing an old one, so research recorded under the old rules keeps its meaning.
 */
export const RequirementCatalogSchema = z
  .object({
    version: z.string().min(1),
    regulation: z.string().min(1),
    effectiveFrom: z.iso.date(),
    items: z.array(RequirementSchema).min(1),
  })
  .check((ctx) => {
    const codes = ctx.value.items.map((item) => item.code)
    const repeated = codes.filter((code, i) => codes.indexOf(code) !== i)
    if (repeated.length) {
      ctx.issues.push({ code: 'custom', input: ctx.value, path: ['items'], message: 'catalog.codes.unique' })
    }
  })
/** A versioned requirement catalog. */
export type RequirementCatalog = z.infer<typeof RequirementCatalogSchema>

/** The catalog in force on a date (`YYYY-MM-DD`): the newest whose effective date has come. */
export function catalogInEffect(
  catalogs: readonly RequirementCatalog[],
  date: string,
): RequirementCatalog | null {
  return (
    catalogs
      .filter((c) => c.effectiveFrom <= date)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null
  )
}

/** The catalog items a pair of the given pathway must submit. */
export function requirementsFor(catalog: RequirementCatalog, pathway: Pathway): Requirement[] {
  return catalog.items.filter((item) => item.pathways.includes(pathway))
}

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
/** A research status. */
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

/** The next status of a check, or the rule `check.transition` naming both ends when the move is not allowed. */
export function transitionCheck(from: CheckStatus, to: CheckStatus): RuleResult<CheckStatus> {
  if (canTransition(from, to)) return allow(to)
  const [fromId, toId, fromEn, toEn] = [
    CheckStatus.label(from),
    CheckStatus.label(to),
    CheckStatus.label(from, 'en'),
    CheckStatus.label(to, 'en'),
  ]
  return deny({
    rule: 'check.transition',
    params: { from, to },
    message: {
      id: `Status dokumen tidak dapat diubah dari ${fromId} menjadi ${toId}.`,
      en: `A document cannot move from ${fromEn} to ${toEn}.`,
    },
  })
}

/** Whose document a check is about: a candidate by role, a nominating party by name, or the pair. */
export const CheckSubjectSchema = z.union([
  CandidateRole.schema,
  z.literal('pasangan'),
  z.string().trim().min(1).max(120),
])
/** Whose document a check is about. */
export type CheckSubject = z.infer<typeof CheckSubjectSchema>

/** The research state of one document of one subject. */
export const RequirementCheckSchema = z.object({
  requirementCode: RequirementSchema.shape.code,
  subject: CheckSubjectSchema,
  status: CheckStatus.schema,
  reason: z.string().trim().max(2000).nullable(),
  evidence: z.string().trim().max(500).nullable(),
})
/** The research state of one document. */
export type RequirementCheck = z.infer<typeof RequirementCheckSchema>

/** Every document a pair owes: each candidate's, each nominating party's, and the pair's own. */
export function expectedChecks(
  catalog: RequirementCatalog,
  pair: Pick<CandidatePair, 'pathway' | 'parties'>,
): { requirementCode: string; subject: CheckSubject }[] {
  return requirementsFor(catalog, pair.pathway).flatMap((item) => {
    const subjects: CheckSubject[] =
      item.appliesTo === 'candidate'
        ? CandidateRole.values
        : item.appliesTo === 'party'
          ? pair.parties
          : ['pasangan']
    return subjects.map((subject) => ({ requirementCode: item.code, subject }))
  })
}

/** The documents not yet MS; a pair is complete when this is empty. */
export function outstandingChecks(
  catalog: RequirementCatalog,
  pair: Pick<CandidatePair, 'pathway' | 'parties'>,
  checks: readonly Pick<RequirementCheck, 'requirementCode' | 'subject' | 'status'>[],
) {
  const met = new Set(checks.filter((c) => c.status === 'MS').map((c) => `${c.requirementCode}|${c.subject}`))
  return expectedChecks(catalog, pair).filter((e) => !met.has(`${e.requirementCode}|${e.subject}`))
}
