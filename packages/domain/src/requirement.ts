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
  pair: { id: 'Bakal pasangan calon', en: 'The pair' },
  party: { id: 'Setiap partai pengusul', en: 'Each nominating party' },
})
/** A requirement subject. */
export type RequirementSubject = z.infer<typeof RequirementSubject.schema>

/**
 * When a document is settled. Syarat pencalonan are checked for completeness when the pair registers and
 * the registration is accepted or returned (UU 10/2016 Pasal 42 and 43); syarat calon go through
 * penelitian administrasi, with BMS fixable in the perbaikan window (UU 10/2016 Pasal 50–52).
 */
export const RequirementSettlement = labelledEnum({
  pendaftaran: { id: 'Diperiksa saat pendaftaran', en: 'Checked at registration' },
  penelitian: { id: 'Penelitian administrasi dan perbaikan', en: 'Administrative research and perbaikan' },
})
/** When a document is settled. */
export type RequirementSettlement = z.infer<typeof RequirementSettlement.schema>

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
  /** The article it rests on, e.g. "PKPU 8/2024 Pasal 14 ayat (2) huruf h". */
  legalBasis: z.string().regex(/Pasal \d+/),
  settledAt: RequirementSettlement.schema,
  /** Applies only to some candidates (C14: only to those holding an office they must resign from). */
  mayNotApply: z.boolean().optional(),
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
  dikembalikan: {
    id: 'Dikembalikan (tidak lengkap saat pendaftaran)',
    en: 'Returned (incomplete at registration)',
  },
  tidak_berlaku: { id: 'Tidak berlaku', en: 'Not applicable' },
})
/** A research status. */
export type CheckStatus = z.infer<typeof CheckStatus.schema>

/** What a step on a document is: the pair hands it in, the office researches it, or corrects a result. */
export const StepKind = labelledEnum({
  penyerahan: { id: 'Penyerahan dokumen', en: 'Document handed in' },
  penelitian: { id: 'Penelitian administrasi', en: 'Administrative research' },
  penelitian_perbaikan: { id: 'Penelitian hasil perbaikan', en: 'Research of the fix' },
  koreksi: { id: 'Koreksi hasil', en: 'Correction of a result' },
  tidak_berlaku: { id: 'Dinyatakan tidak berlaku', en: 'Marked not applicable' },
})
/** A step kind. */
export type StepKind = z.infer<typeof StepKind.schema>

// Every allowed move and what it is. A BMS left unfixed becomes TMS through the research of fixes
// (penelitian hasil perbaikan), after the window; MS, TMS and "tidak berlaku" move only by a correction.
const moves: Record<CheckStatus, Partial<Record<CheckStatus, StepKind>>> = {
  belum_diserahkan: { diserahkan: 'penyerahan', tidak_berlaku: 'tidak_berlaku' },
  diserahkan: { MS: 'penelitian', BMS: 'penelitian', TMS: 'penelitian', dikembalikan: 'penelitian' },
  dikembalikan: { diserahkan: 'penyerahan' },
  BMS: { perbaikan: 'penelitian', diserahkan_perbaikan: 'penyerahan', TMS: 'penelitian_perbaikan' },
  perbaikan: { diserahkan_perbaikan: 'penyerahan', TMS: 'penelitian_perbaikan' },
  diserahkan_perbaikan: { MS: 'penelitian_perbaikan', TMS: 'penelitian_perbaikan' },
  MS: { TMS: 'koreksi', tidak_berlaku: 'koreksi' },
  TMS: { MS: 'koreksi', tidak_berlaku: 'koreksi' },
  tidak_berlaku: { belum_diserahkan: 'koreksi', MS: 'koreksi', TMS: 'koreksi' },
}

// Statuses a document can only reach when the item allows: BMS, perbaikan and TMS only in research,
// "dikembalikan" only at registration, "tidak berlaku" only for items that apply to some candidates.
const fixable: readonly CheckStatus[] = ['BMS', 'perbaikan', 'diserahkan_perbaikan', 'TMS']
function itemAllows(item: Pick<Requirement, 'settledAt' | 'mayNotApply'> | undefined, to: CheckStatus) {
  if (!item) return true
  if (to === 'tidak_berlaku') return item.mayNotApply === true
  if (to === 'dikembalikan') return item.settledAt === 'pendaftaran'
  // A nomination document found wanting returns the registration; it is never BMS or TMS on its own.
  if (fixable.includes(to)) return item.settledAt === 'penelitian'
  return true
}

/** What moving a document from one status to another is, or null when the move is not allowed. */
export function stepKind(
  from: CheckStatus,
  to: CheckStatus,
  item?: Pick<Requirement, 'settledAt' | 'mayNotApply'>,
): StepKind | null {
  const kind = moves[from][to]
  return kind && itemAllows(item, to) ? kind : null
}

/** Whether a document may move from one status to another (for the item, when given). */
export function canTransition(
  from: CheckStatus,
  to: CheckStatus,
  item?: Pick<Requirement, 'settledAt' | 'mayNotApply'>,
): boolean {
  return stepKind(from, to, item) !== null
}

/** The statuses a document may move to by steps of the given kinds. */
export function nextStatuses(
  from: CheckStatus,
  kinds: readonly StepKind[],
  item?: Pick<Requirement, 'settledAt' | 'mayNotApply'>,
): CheckStatus[] {
  return CheckStatus.values.filter((to) => {
    const kind = stepKind(from, to, item)
    return kind !== null && kinds.includes(kind)
  })
}

/** Statuses that settle a document: nothing is owed on it any more. */
export const SETTLED_STATUSES: readonly CheckStatus[] = ['MS', 'TMS', 'tidak_berlaku']

/** The next status of a check, or the rule `check.transition` naming both ends when the move is not allowed. */
export function transitionCheck(
  from: CheckStatus,
  to: CheckStatus,
  item?: Pick<Requirement, 'settledAt' | 'mayNotApply'>,
): RuleResult<CheckStatus> {
  if (canTransition(from, to, item)) return allow(to)
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

/** The documents not yet MS (or not applicable); a pair is complete when this is empty. */
export function outstandingChecks(
  catalog: RequirementCatalog,
  pair: Pick<CandidatePair, 'pathway' | 'parties'>,
  checks: readonly Pick<RequirementCheck, 'requirementCode' | 'subject' | 'status'>[],
) {
  const met = new Set(
    checks
      .filter((c) => c.status === 'MS' || c.status === 'tidak_berlaku')
      .map((c) => `${c.requirementCode}|${c.subject}`),
  )
  return expectedChecks(catalog, pair).filter((e) => !met.has(`${e.requirementCode}|${e.subject}`))
}
