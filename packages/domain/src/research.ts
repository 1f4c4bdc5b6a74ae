import { z } from 'zod'
import { checkFixWindow } from './deadline.ts'
import type { StageCalendar } from './election.ts'
import { CheckStatus, RequirementCheckSchema, transitionCheck } from './requirement.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import type { TimeZone } from './time.ts'

const note = (max: number) => z.string().trim().min(1).max(max).nullable()

/** What a researcher records on one document: the new status, why, and what it rests on. */
export const ResearchStepSchema = z.object({
  to: CheckStatus.schema,
  /** Required for BMS and TMS: the pair must know what to fix, or why it cannot be fixed. */
  reason: note(2000),
  /** Where the document is: a SILON upload reference, a file name, a berita acara number. */
  evidence: note(500),
})
/** One research step as entered. */
export type ResearchStep = z.infer<typeof ResearchStepSchema>

/** One entry of a check's history; the history of a check is never rewritten, only appended. */
export const CheckEventSchema = ResearchStepSchema.extend({
  from: CheckStatus.schema,
  at: z.date(),
  byUserId: z.uuid(),
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
  byUserId: string
}

const needsReason: readonly CheckStatus[] = ['BMS', 'TMS']
const insideFixWindow: readonly CheckStatus[] = ['perbaikan', 'diserahkan_perbaikan']

/**
 * Records one step on a document in status `from`: the move must be allowed, BMS and TMS need a reason,
 * and fixing (perbaikan, its submission) is accepted only inside the perbaikan window.
 */
export function recordResearchStep(
  from: CheckStatus,
  step: ResearchStep,
  ctx: ResearchContext,
): RuleResult<CheckEvent> {
  const moved = transitionCheck(from, step.to)
  if (!moved.ok) return moved
  if (needsReason.includes(step.to) && !step.reason) {
    return deny({
      rule: 'check.reason.required',
      params: { to: step.to },
      message: {
        id: `Alasan wajib diisi untuk hasil ${step.to}.`,
        en: `A reason is required for a ${step.to} result.`,
      },
    })
  }
  if (insideFixWindow.includes(step.to)) {
    const window = checkFixWindow(ctx.calendar, ctx.zone, ctx.now)
    if (!window.ok) return window
  }
  return allow({ ...step, from, at: ctx.now, byUserId: ctx.byUserId })
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
