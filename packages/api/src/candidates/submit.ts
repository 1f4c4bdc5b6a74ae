import { CheckStatus, type RequirementCheckRecord, type SubmissionChannel } from '@mejabantu/domain'
import { refuse } from '../shared/errors.ts'
import type { Acting } from '../offices/acting.ts'
import { recordSteps } from './requirements.ts'
import { candidateViolations } from './violations.ts'

/** Documents of one pair the LO hands in together: when, how, and which. */
export interface SubmissionInput {
  pairId: string
  checkIds: string[]
  receivedAt: Date
  channel: SubmissionChannel
  evidence?: string | null | undefined
}

/**
 * Hands in several documents of a pair at once: each moves to "diserahkan" (or "perbaikan diserahkan"
 * when it waited for a fix), judged by the hand-in time, and one tanda terima lists them.
 */
export async function submitDocuments(
  acting: Acting,
  input: SubmissionInput,
): Promise<RequirementCheckRecord[]> {
  const checks = await acting.db.prisma.requirementCheck.findMany({
    where: { id: { in: input.checkIds } },
    select: { id: true, pairId: true, status: true },
  })
  const byId = new Map(checks.map((c) => [c.id, c]))
  const steps = input.checkIds.map((checkId) => {
    const check = byId.get(checkId)
    if (!check || check.pairId !== input.pairId)
      refuse('NOT_FOUND', candidateViolations.checkNotFound(checkId))
    const from = CheckStatus.schema.parse(check.status)
    const to: CheckStatus = from === 'BMS' || from === 'perbaikan' ? 'diserahkan_perbaikan' : 'diserahkan'
    return {
      checkId,
      from,
      to,
      reason: null,
      evidence: input.evidence ?? null,
      receivedAt: input.receivedAt,
      channel: input.channel,
    }
  })
  return recordSteps(acting, steps)
}
