import { z } from 'zod'
import { CandidatePairRecordSchema, CandidateRole, CandidateSchema } from './candidate.ts'
import { SubmissionKind } from './documents.ts'
import { PairEventSchema, PairStatus } from './pair-status.ts'
import { ReplacementCause } from './replacement.ts'
import { CoalitionSupportSchema, ThresholdBasisSchema, ThresholdCheckSchema } from './threshold.ts'
import { RuleViolationSchema } from './rules.ts'
import type { Due } from './deadline.ts'
import { ElectionKind, Stage } from './election.ts'
import { HandoverSchema } from './handover.ts'
import {
  CheckStatus,
  RequirementKind,
  RequirementSettlement,
  type CheckSubject,
  type RequirementCatalog,
} from './requirement.ts'
import { CheckEventSchema, RequirementCheckRecordSchema, SubmissionChannel } from './research.ts'
import { TimeZone } from './time.ts'

/** What is due on a document next (see `dueFor`), as the console shows it with a countdown. */
export const DueSchema = z.object({
  stage: Stage.schema,
  by: z.enum(['pasangan', 'kpu']),
  window: z.object({ stage: Stage.schema, opensAt: z.date(), lastMinute: z.date(), closesAt: z.date() }),
  minutesLeft: z.number().int().nonnegative(),
  overdue: z.boolean(),
})

/** A submission as the dossier lists it, with the number of its tanda terima. */
export const SubmissionSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: SubmissionKind.schema,
  channel: SubmissionChannel.schema,
  receivedAt: z.date(),
  receivedByName: z.string().nullable(),
  documents: z.number().int().nonnegative(),
})
/** A submission in the dossier. */
export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>

/** One document of a pair in the dossier: its research state, who researched it, history and deadline. */
export const DossierCheckSchema = RequirementCheckRecordSchema.extend({
  kind: RequirementKind.schema,
  name: z.string(),
  legalBasis: z.string(),
  settledAt: RequirementSettlement.schema,
  mayNotApply: z.boolean(),
  /** The document of a replacement candidate (calon pengganti). */
  replacement: z.boolean(),
  researcherName: z.string().nullable(),
  history: z.array(CheckEventSchema.extend({ byName: z.string().nullable() })),
  due: DueSchema.nullable(),
})
/** One document in the dossier. */
export type DossierCheck = z.infer<typeof DossierCheckSchema>

/** A pair's whole file: the pair, every document grouped by kind, completeness, handovers, consultations. */
export const DossierSchema = z.object({
  pair: CandidatePairRecordSchema,
  election: z.object({
    id: z.uuid(),
    name: z.string(),
    kind: ElectionKind.schema,
    catalogVersion: z.string(),
  }),
  /** The office's zone, in which every deadline is written. */
  timeZone: TimeZone.schema,
  /** The server's clock when the dossier was read; minutes left count from here. */
  now: z.date(),
  /** Every document is MS. */
  complete: z.boolean(),
  outstanding: z.array(z.object({ requirementCode: z.string(), subject: z.string() })),
  groups: z.object({
    syarat_calon: z.array(DossierCheckSchema),
    syarat_pencalonan: z.array(DossierCheckSchema),
  }),
  handovers: z.array(HandoverSchema),
  /** Consultations about this pair the reader may open. */
  consultationIds: z.array(z.uuid()),
  status: PairStatus.schema,
  statusHistory: z.array(PairEventSchema.extend({ byName: z.string().nullable() })),
  /** Candidates under the minimum age on the penetapan date: the pair is found TMS at penetapan. */
  ageFindings: z.array(RuleViolationSchema),
  /** The coalition's support against the threshold (P5); null for independent pairs or missing figures. */
  threshold: z
    .object({ basis: ThresholdBasisSchema, support: CoalitionSupportSchema, check: ThresholdCheckSchema })
    .nullable(),
  replacedCandidates: z.array(
    CandidateSchema.extend({
      replacedAt: z.date(),
      cause: ReplacementCause.schema,
      reason: z.string(),
    }),
  ),
  /** Documents of replaced candidates, kept with their history. */
  supersededChecks: z.array(DossierCheckSchema),
  submissions: z.array(SubmissionSummarySchema),
})
/** A pair's dossier. */
export type Dossier = z.infer<typeof DossierSchema>

/** A pair in an election's list: the record, how its documents stand, and whether it is complete. */
export const PairSummarySchema = CandidatePairRecordSchema.extend({
  status: PairStatus.schema,
  statusCounts: z.partialRecord(CheckStatus.schema, z.number().int().nonnegative()),
  /** Documents not yet MS. */
  outstanding: z.number().int().nonnegative(),
  complete: z.boolean(),
})
/** A pair in an election's list. */
export type PairSummary = z.infer<typeof PairSummarySchema>

const subjectOrder = (subject: CheckSubject) => {
  const role = CandidateRole.values.indexOf(subject as never)
  return role !== -1 ? `0${role}` : subject === 'pasangan' ? '1' : `2${subject}`
}

/**
 * Checks grouped into syarat calon and syarat pencalonan, each in catalog order (C1, C2, … then by
 * head, deputy, pair, parties). Checks whose code the catalog lacks are left out.
 */
export function groupChecks<T extends { requirementCode: string; subject: CheckSubject }>(
  catalog: RequirementCatalog,
  checks: readonly T[],
): Record<RequirementKind, T[]> {
  const position = new Map(catalog.items.map((item, index) => [item.code, { index, kind: item.kind }]))
  const groups: Record<RequirementKind, T[]> = { syarat_calon: [], syarat_pencalonan: [] }
  const sorted = checks
    .filter((check) => position.has(check.requirementCode))
    .sort(
      (a, b) =>
        position.get(a.requirementCode)!.index - position.get(b.requirementCode)!.index ||
        subjectOrder(a.subject).localeCompare(subjectOrder(b.subject)),
    )
  for (const check of sorted) groups[position.get(check.requirementCode)!.kind].push(check)
  return groups
}

const awaitingFix: readonly CheckStatus[] = ['BMS', 'perbaikan']

/**
 * Whether a document waits for the pair's fix (BMS or perbaikan) and its window closes within
 * `withinMinutes` from now, still open: what the dashboard's "deadlines closing" lists.
 */
export function fixClosingWithin(status: CheckStatus, due: Due | null, withinMinutes: number): boolean {
  return awaitingFix.includes(status) && due !== null && !due.overdue && due.minutesLeft <= withinMinutes
}

/** Default look-ahead of the deadlines list: three days. */
export const DEADLINE_LOOKAHEAD_HOURS = 72

/** Which office's deadlines to list, and how far ahead. */
export const DeadlinesInputSchema = z
  .strictObject({
    officeId: z.uuid().optional(),
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(DEADLINE_LOOKAHEAD_HOURS),
  })
  .default({ hours: DEADLINE_LOOKAHEAD_HOURS })

/** A pair with documents whose fix deadline closes soon, soonest first. */
export const PairDeadlinesSchema = z.object({
  pairId: z.uuid(),
  electionId: z.uuid(),
  electionName: z.string(),
  ballotNumber: z.number().int().nullable(),
  candidateNames: z.tuple([z.string(), z.string()]),
  liaisonOfficer: z.object({ name: z.string(), phone: z.string().nullable() }),
  /** The earliest closing among the items. */
  closesAt: z.date(),
  items: z.array(
    z.object({
      checkId: z.uuid(),
      requirementCode: z.string(),
      subject: z.string(),
      status: CheckStatus.schema,
      due: DueSchema,
    }),
  ),
})
/** A pair's closing deadlines. */
export type PairDeadlines = z.infer<typeof PairDeadlinesSchema>
