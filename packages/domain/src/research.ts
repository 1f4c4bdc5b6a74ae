import { z } from 'zod'
import { checkFixWindow } from './deadline.ts'
import { findWindow, windowPhase, type StageCalendar } from './election.ts'
import { labelledEnum } from './labels.ts'
import {
  CheckStatus,
  RequirementCheckSchema,
  StepKind,
  stepKind,
  transitionCheck,
  type Requirement,
} from './requirement.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import { formatInZone, MINUTE_MS, type TimeZone } from './time.ts'
import { checkCorrection, CorrectionSchema } from './research-correction.ts'

const note = (max: number) => z.string().trim().min(1).max(max).nullable()

/** How the pair handed a document in: uploaded to SILON or brought to the office. */
export const SubmissionChannel = labelledEnum({
  silon: { id: 'Unggah SILON', en: 'SILON upload' },
  langsung: { id: 'Diserahkan langsung', en: 'Handed in person' },
})
/** A submission channel. */
export type SubmissionChannel = z.infer<typeof SubmissionChannel.schema>

/** A hand-in time within the years an office can have received anything (and the database can store). */
export const HandInTimeSchema = z
  .date()
  .min(new Date('2000-01-01T00:00:00Z'))
  .max(new Date('2100-01-01T00:00:00Z'))

/** What a researcher records on one document: the new status, why, and what it rests on. */
export const ResearchStepSchema = z.object({
  to: CheckStatus.schema,
  /** Required for BMS, TMS, a return, "tidak berlaku" and a correction: the pair must know why. */
  reason: note(2000),
  /** Where the document is: a SILON upload reference, a file name, a berita acara number. */
  evidence: note(500),
  /** When the pair handed the document in; the windows are judged by this, not by when it is typed. */
  receivedAt: HandInTimeSchema.nullable().optional(),
  channel: SubmissionChannel.schema.nullable().optional(),
  /** Why a settled result (MS, TMS, tidak berlaku) changes: only a named correction may change it. */
  correction: CorrectionSchema.nullable().optional(),
})
/** One research step as entered. */
export type ResearchStep = z.infer<typeof ResearchStepSchema>

/** One entry of a check's history; the history of a check is never rewritten, only appended. */
export const CheckEventSchema = z.object({
  from: CheckStatus.schema,
  to: CheckStatus.schema,
  kind: StepKind.schema,
  reason: z.string().nullable(),
  evidence: z.string().nullable(),
  receivedAt: z.date().nullable(),
  channel: SubmissionChannel.schema.nullable(),
  correction: CorrectionSchema.nullable(),
  at: z.date(),
  /** Null for the step the system records itself at the end of the perbaikan window. */
  byUserId: z.uuid().nullable(),
})
/** One entry of a check's history. */
export type CheckEvent = z.infer<typeof CheckEventSchema>

/** A stored check of one document of one pair, with who researched it last and its full history. */
export const RequirementCheckRecordSchema = RequirementCheckSchema.extend({
  id: z.uuid(),
  pairId: z.uuid(),
  researcherId: z.uuid().nullable(),
  updatedAt: z.date(),
  history: z.array(CheckEventSchema),
})
/** A stored check with its history. */
export type RequirementCheckRecord = z.infer<typeof RequirementCheckRecordSchema>

/** The context a step is judged in: the office's calendar and zone, the clock and who records it. */
export interface ResearchContext {
  calendar: StageCalendar
  zone: TimeZone
  now: Date
  byUserId: string | null
  /** The catalog item, whose settlement and applicability narrow the moves. */
  item?: Pick<Requirement, 'settledAt' | 'mayNotApply'>
  /** The document belongs to a replacement candidate, handed in inside the replacement window. */
  replacement?: boolean
}

// A desk clock a few minutes ahead of the server must not refuse a hand-in typed as it happens.
const CLOCK_SKEW_MS = 5 * MINUTE_MS
const needsReason: readonly CheckStatus[] = ['BMS', 'TMS', 'dikembalikan', 'tidak_berlaku']

const reasonRequired = (to: CheckStatus) =>
  deny({
    rule: 'check.reason.required',
    params: { to },
    message: {
      id: `Alasan wajib diisi untuk hasil ${CheckStatus.label(to)}.`,
      en: `A reason is required for a ${CheckStatus.label(to, 'en')} result.`,
    },
  })

/**
 * When a hand-in happened: not in the future; a fix inside the perbaikan window (UU 10/2016 Pasal 51
 * ayat (2)); a replacement candidate's document inside the replacement window (Pasal 52–53).
 */
function checkHandIn(to: CheckStatus, receivedAt: Date, ctx: ResearchContext): RuleResult<true> {
  if (receivedAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) {
    return deny({
      rule: 'submission.future',
      params: { receivedAt: receivedAt.toISOString() },
      message: {
        id: 'Waktu penyerahan tidak boleh sesudah waktu sekarang.',
        en: 'The hand-in time cannot be later than now.',
      },
    })
  }
  if (to === 'diserahkan_perbaikan') return checkFixWindow(ctx.calendar, ctx.zone, receivedAt)
  if (!ctx.replacement) return allow(true)
  const window = findWindow(ctx.calendar, 'pengajuan_pengganti', ctx.zone)
  if (window && windowPhase(window, receivedAt) === 'open') return allow(true)
  return deny({
    rule: 'deadline.pengganti.closed',
    params: {},
    message: {
      id: 'Dokumen calon pengganti hanya diterima dalam masa pengajuan bakal calon pengganti.',
      en: 'A replacement candidate’s documents are accepted only inside the replacement window.',
    },
  })
}

/** A BMS or a document in perbaikan becomes TMS by the research of fixes only once the window closed. */
function checkFixClosed(ctx: ResearchContext): RuleResult<true> {
  const window = findWindow(ctx.calendar, 'perbaikan', ctx.zone)
  if (!window || windowPhase(window, ctx.now) === 'closed') return allow(true)
  const last = {
    id: formatInZone(window.lastMinute, ctx.zone),
    en: formatInZone(window.lastMinute, ctx.zone, 'en'),
  }
  return deny({
    rule: 'check.fix.stillOpen',
    params: { closesAt: window.closesAt.toISOString() },
    message: {
      id: `Dokumen BMS masih dapat diperbaiki sampai ${last.id}.`,
      en: `A BMS document can still be fixed until ${last.en}.`,
    },
  })
}

function checkKind(kind: StepKind, from: CheckStatus, step: ResearchStep, ctx: ResearchContext) {
  switch (kind) {
    case 'penyerahan':
      return checkHandIn(step.to, step.receivedAt ?? ctx.now, ctx)
    case 'penelitian':
      return step.to === 'perbaikan' ? checkFixWindow(ctx.calendar, ctx.zone, ctx.now) : allow(true)
    case 'penelitian_perbaikan':
      return from === 'diserahkan_perbaikan' ? allow(true) : checkFixClosed(ctx)
    case 'koreksi':
      return checkCorrection(step.correction ?? null)
    case 'tidak_berlaku':
      return allow(true)
  }
}

/**
 * Records one step on a document in status `from`: the move must be allowed for the item, results the
 * pair must act on need a reason, a hand-in is judged by when it happened, a BMS becomes TMS only after
 * the fixing window, and a settled result changes only through a named correction.
 */
export function recordResearchStep(
  from: CheckStatus,
  step: ResearchStep,
  ctx: ResearchContext,
): RuleResult<CheckEvent> {
  const moved = transitionCheck(from, step.to, ctx.item)
  if (!moved.ok) return moved
  const kind = stepKind(from, step.to, ctx.item)!
  const judged = checkKind(kind, from, step, ctx)
  if (!judged.ok) return judged
  if ((needsReason.includes(step.to) || kind === 'koreksi') && !step.reason) return reasonRequired(step.to)
  const handIn = kind === 'penyerahan'
  return allow({
    from,
    to: step.to,
    kind,
    reason: step.reason,
    evidence: step.evidence,
    receivedAt: handIn ? (step.receivedAt ?? ctx.now) : null,
    channel: handIn ? (step.channel ?? 'langsung') : null,
    correction: kind === 'koreksi' ? step.correction! : null,
    at: ctx.now,
    byUserId: ctx.byUserId,
  })
}

/**
 * The status a history leads to, checking that each entry starts where the previous one ended; a broken
 * chain means the history was tampered with or written around the rules.
 */
export function replayHistory(history: readonly Pick<CheckEvent, 'from' | 'to'>[]): RuleResult<CheckStatus> {
  let status: CheckStatus = 'belum_diserahkan'
  for (const [index, event] of history.entries()) {
    const moved: RuleResult<CheckStatus> | null =
      event.from === status ? transitionCheck(status, event.to) : null
    if (!moved?.ok) {
      return deny({
        rule: 'check.history.broken',
        params: { index: String(index) },
        message: {
          id: `Riwayat penelitian tidak runtut pada entri ke-${index + 1}.`,
          en: `The research history breaks at entry ${index + 1}.`,
        },
      })
    }
    status = moved.value
  }
  return allow(status)
}
