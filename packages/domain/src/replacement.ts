import { z } from 'zod'
import { CandidateRole, CandidateSchema } from './candidate.ts'
import { findWindow, windowPhase, type StageCalendar } from './election.ts'
import { labelledEnum } from './labels.ts'
import type { PairStatus } from './pair-status.ts'
import type { CheckStatus } from './requirement.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import type { TimeZone } from './time.ts'

/**
 * Why a candidate is replaced: found TMS in research (UU 10/2016 Pasal 52 ayat (2)–(4): the party or
 * coalition may propose a replacement), or permanently unable (berhalangan tetap, Pasal 53–54).
 */
export const ReplacementCause = labelledEnum({
  tms: { id: 'Calon dinyatakan TMS', en: 'Candidate found TMS' },
  berhalangan_tetap: { id: 'Calon berhalangan tetap', en: 'Candidate permanently unable' },
})
/** A replacement cause. */
export type ReplacementCause = z.infer<typeof ReplacementCause.schema>

/** A replacement candidate (calon pengganti) proposed for one seat of a pair. */
export const ReplacementSchema = z.object({
  pairId: z.uuid(),
  candidate: CandidateSchema,
  cause: ReplacementCause.schema,
  reason: z.string().trim().min(1).max(2000),
})
/** A replacement as entered. */
export type Replacement = z.infer<typeof ReplacementSchema>

/** What a replacement is judged by: the pair's status, its seat's current documents, the calendar. */
export interface ReplacementContext {
  pairStatus: PairStatus
  /** Status of every current syarat calon document of the candidate being replaced. */
  seatChecks: readonly CheckStatus[]
  calendar: StageCalendar
  zone: TimeZone
  now: Date
}

const refusal = (rule: string, params: Record<string, string>, id: string, en: string) =>
  deny({ rule, params, message: { id, en } })

/**
 * Whether a replacement may be proposed: the pair is registered and not yet decided, a TMS replacement
 * needs a TMS document of that seat, and the proposal comes inside the replacement window.
 */
export function checkReplacement(replacement: Replacement, ctx: ReplacementContext): RuleResult<true> {
  if (ctx.pairStatus !== 'pendaftaran_diterima' && ctx.pairStatus !== 'hasil_penelitian') {
    return refusal(
      'replacement.pair.status',
      { status: ctx.pairStatus },
      'Calon pengganti hanya dapat diajukan untuk pasangan yang pendaftarannya diterima dan belum ditetapkan.',
      'A replacement can only be proposed for a registered pair not yet decided.',
    )
  }
  const role = replacement.candidate.role
  if (replacement.cause === 'tms' && !ctx.seatChecks.includes('TMS')) {
    return refusal(
      'replacement.noTms',
      { role },
      `${CandidateRole.label(role)} tidak memiliki dokumen TMS; penggantian karena TMS tidak dapat diajukan.`,
      `The ${CandidateRole.label(role, 'en').toLowerCase()} has no TMS document; a TMS replacement cannot be proposed.`,
    )
  }
  const window = findWindow(ctx.calendar, 'pengajuan_pengganti', ctx.zone)
  if (window && windowPhase(window, ctx.now) === 'open') return allow(true)
  return refusal(
    'deadline.pengganti.closed',
    {},
    'Pengajuan bakal calon pengganti hanya dapat dilakukan dalam masa pengajuan calon pengganti.',
    'Replacement candidates can only be proposed inside the replacement window.',
  )
}
