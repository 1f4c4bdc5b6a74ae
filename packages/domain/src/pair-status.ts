import { z } from 'zod'
import { checkMinimumAge, type Candidate } from './candidate.ts'
import { penetapanDate } from './election-registration.ts'
import { findWindow, windowPhase, type ElectionKind, type StageCalendar } from './election.ts'
import { labelledEnum } from './labels.ts'
import type { CheckStatus, RequirementSettlement } from './requirement.ts'
import { checkCorrection, CorrectionSchema } from './research-correction.ts'
import { allow, deny, type RuleResult, type RuleViolation } from './rules.ts'
import type { TimeZone } from './time.ts'

/**
 * Where a pair stands: a bakal pasangan calon until its registration is accepted or returned (UU 10/2016
 * Pasal 42–43), then researched (Pasal 50–52), and finally determined as a pair or found not to meet the
 * requirements at penetapan (Pasal 52 ayat (5)).
 */
export const PairStatus = labelledEnum({
  bakal_pasangan_calon: { id: 'Bakal pasangan calon', en: 'Prospective pair' },
  pendaftaran_diterima: { id: 'Pendaftaran diterima', en: 'Registration accepted' },
  pendaftaran_dikembalikan: { id: 'Pendaftaran dikembalikan', en: 'Registration returned' },
  hasil_penelitian: { id: 'Hasil penelitian disampaikan', en: 'Research results handed over' },
  ditetapkan: { id: 'Ditetapkan sebagai pasangan calon', en: 'Determined as a candidate pair' },
  tidak_memenuhi_syarat: { id: 'Tidak memenuhi syarat', en: 'Does not meet the requirements' },
})
/** A pair's status. */
export type PairStatus = z.infer<typeof PairStatus.schema>

const moves: Record<PairStatus, readonly PairStatus[]> = {
  bakal_pasangan_calon: ['pendaftaran_diterima', 'pendaftaran_dikembalikan'],
  pendaftaran_dikembalikan: ['bakal_pasangan_calon'],
  pendaftaran_diterima: ['hasil_penelitian', 'ditetapkan', 'tidak_memenuhi_syarat'],
  hasil_penelitian: ['ditetapkan', 'tidak_memenuhi_syarat'],
  // A penetapan changes only by a ruling on a process dispute.
  ditetapkan: ['tidak_memenuhi_syarat'],
  tidak_memenuhi_syarat: ['ditetapkan'],
}

/** The statuses a pair may move to from `from`. */
export const nextPairStatuses = (from: PairStatus): readonly PairStatus[] => moves[from]

const text = (max: number) => z.string().trim().min(1).max(max).nullable().default(null)

/** A decision on a pair as staff enter it. */
export const PairDecisionSchema = z.object({
  pairId: z.uuid(),
  to: PairStatus.schema,
  reason: text(2000),
  /** The office's decree (Keputusan KPU) for penetapan or a finding of TMS. */
  decreeNumber: text(120),
  correction: CorrectionSchema.nullable().default(null),
})
/** A decision on a pair. */
export type PairDecision = z.infer<typeof PairDecisionSchema>

/** One entry of a pair's status history. */
export const PairEventSchema = z.object({
  from: PairStatus.schema,
  to: PairStatus.schema,
  reason: z.string().nullable(),
  decreeNumber: z.string().nullable(),
  correction: CorrectionSchema.nullable(),
  at: z.date(),
  byUserId: z.uuid().nullable(),
})
/** One entry of a pair's status history. */
export type PairEvent = z.infer<typeof PairEventSchema>

/** What a pair decision is judged by. */
export interface PairDecisionContext {
  status: PairStatus
  /** The pair's current documents and when each is settled. */
  checks: readonly {
    requirementCode: string
    subject: string
    status: CheckStatus
    settledAt: RequirementSettlement
  }[]
  /** Documents the pair owes but has no check for yet. */
  missing: readonly { requirementCode: string; subject: string; settledAt: RequirementSettlement }[]
  ageFindings: readonly RuleViolation[]
  calendar: StageCalendar
  zone: TimeZone
  now: Date
  byUserId: string | null
}

const refusal = (rule: string, params: Record<string, string>, id: string, en: string) =>
  deny({ rule, params, message: { id, en } })

const listed = (checks: readonly { requirementCode: string; subject: string }[]) =>
  checks.map((c) => `${c.requirementCode} (${c.subject})`).join(', ')

/** The candidates younger than the minimum age on the penetapan date: registered, then found TMS. */
export function ageFindings(
  candidates: readonly Pick<Candidate, 'fullName' | 'birthDate' | 'role'>[],
  kind: ElectionKind,
  calendar: StageCalendar,
): RuleViolation[] {
  const on = penetapanDate(calendar)
  if (!on) return []
  return candidates.flatMap((candidate) => {
    const age = checkMinimumAge(candidate, kind, on)
    return age.ok ? [] : [{ ...age.violation, params: { ...age.violation.params, role: candidate.role } }]
  })
}

function checkAccepted(ctx: PairDecisionContext): RuleResult<true> {
  const open = [...ctx.missing, ...ctx.checks.filter((c) => c.status !== 'MS')].filter(
    (c) => c.settledAt === 'pendaftaran',
  )
  if (open.length === 0) return allow(true)
  return refusal(
    'pair.registration.incomplete',
    { documents: listed(open) },
    `Pendaftaran belum dapat diterima: dokumen syarat pencalonan belum lengkap (${listed(open)}).`,
    `The registration cannot be accepted: nomination documents are incomplete (${listed(open)}).`,
  )
}

function checkDetermined(ctx: PairDecisionContext, decision: PairDecision): RuleResult<true> {
  const window = findWindow(ctx.calendar, 'penetapan', ctx.zone)
  if (window && windowPhase(window, ctx.now) === 'upcoming') {
    return refusal(
      'pair.penetapan.notYet',
      { opensAt: window.opensAt.toISOString() },
      'Penetapan pasangan calon belum dapat dilakukan sebelum jadwal penetapan.',
      'Pairs cannot be determined before the penetapan date.',
    )
  }
  const open = [
    ...ctx.missing,
    ...ctx.checks.filter((c) => c.status !== 'MS' && c.status !== 'tidak_berlaku'),
  ]
  if (open.length > 0) {
    return refusal(
      'pair.penetapan.unmet',
      { documents: listed(open) },
      `Belum dapat ditetapkan: dokumen belum MS (${listed(open)}).`,
      `Cannot be determined: documents not yet MS (${listed(open)}).`,
    )
  }
  const [underage] = ctx.ageFindings
  if (underage) return deny(underage)
  return decision.decreeNumber ? allow(true) : decreeRequired()
}

const reasonRequired = () =>
  refusal('pair.reason.required', {}, 'Alasan wajib diisi.', 'A reason is required.')

const decreeRequired = () =>
  refusal(
    'pair.decree.required',
    {},
    'Nomor keputusan KPU wajib diisi.',
    'The number of the KPU decree is required.',
  )

function checkUnmet(ctx: PairDecisionContext, decision: PairDecision): RuleResult<true> {
  if (!decision.reason) {
    return reasonRequired()
  }
  const failing = ctx.checks.some((c) => c.status === 'TMS' || c.status === 'dikembalikan')
  if (!failing && ctx.ageFindings.length === 0) {
    return refusal(
      'pair.tms.noGrounds',
      {},
      'Tidak ada dokumen TMS atau syarat usia yang tidak terpenuhi; pasangan tidak dapat dinyatakan TMS.',
      'No document is TMS and no age requirement is unmet; the pair cannot be found TMS.',
    )
  }
  return decision.decreeNumber ? allow(true) : decreeRequired()
}

function checkReregistered(ctx: PairDecisionContext): RuleResult<true> {
  const windows = (['pendaftaran', 'perpanjangan_pendaftaran'] as const).map((stage) =>
    findWindow(ctx.calendar, stage, ctx.zone),
  )
  if (windows.some((w) => w && windowPhase(w, ctx.now) === 'open')) return allow(true)
  return refusal(
    'pair.registration.closed',
    {},
    'Masa pendaftaran telah berakhir; pendaftaran yang dikembalikan tidak dapat diajukan ulang.',
    'Registration is closed; a returned registration cannot be submitted again.',
  )
}

/**
 * Judges a decision on a pair: the move must be allowed; accepting needs every nomination document MS;
 * returning needs a reason; penetapan needs every document MS or not applicable, both candidates of age
 * and the decree number; a finding of TMS needs grounds, a reason and the decree; and a penetapan or a
 * TMS changes only by a dispute ruling with its number and date.
 */
export function decidePair(decision: PairDecision, ctx: PairDecisionContext): RuleResult<PairEvent> {
  const from = ctx.status
  const to = decision.to
  if (!moves[from].includes(to)) {
    return refusal(
      'pair.transition',
      { from, to },
      `Status pasangan tidak dapat diubah dari ${PairStatus.label(from)} menjadi ${PairStatus.label(to)}.`,
      `A pair cannot move from ${PairStatus.label(from, 'en')} to ${PairStatus.label(to, 'en')}.`,
    )
  }
  const byRuling = from === 'ditetapkan' || from === 'tidak_memenuhi_syarat'
  const judged = byRuling ? checkRuling(decision) : checkMove(decision, ctx)
  if (!judged.ok) return judged
  return allow({
    from,
    to,
    reason: decision.reason,
    decreeNumber: decision.decreeNumber,
    correction: byRuling ? decision.correction : null,
    at: ctx.now,
    byUserId: ctx.byUserId,
  })
}

function checkMove(decision: PairDecision, ctx: PairDecisionContext): RuleResult<true> {
  switch (decision.to) {
    case 'pendaftaran_diterima':
      return checkAccepted(ctx)
    case 'pendaftaran_dikembalikan':
      return decision.reason ? allow(true) : reasonRequired()
    case 'bakal_pasangan_calon':
      return checkReregistered(ctx)
    case 'ditetapkan':
      return checkDetermined(ctx, decision)
    case 'tidak_memenuhi_syarat':
      return checkUnmet(ctx, decision)
    case 'hasil_penelitian':
      return allow(true)
  }
}

function checkRuling(decision: PairDecision): RuleResult<true> {
  if (decision.correction?.cause !== 'putusan_sengketa') {
    return refusal(
      'pair.ruling.required',
      {},
      'Penetapan hanya dapat diubah berdasarkan putusan sengketa proses.',
      'A penetapan can only change by a ruling on a process dispute.',
    )
  }
  const ruling = checkCorrection(decision.correction)
  if (!ruling.ok) return ruling
  return decision.reason ? allow(true) : reasonRequired()
}

/** Whether a status is reached only once the registration was accepted (the pair is being researched). */
export const pairRegistered = (status: PairStatus) =>
  status !== 'bakal_pasangan_calon' && status !== 'pendaftaran_dikembalikan'
