import type { PairEvent } from '@mejabantu/domain'
import type { Transaction } from '@mejabantu/db'
import { writeAudit } from '../shared/audit-writer.ts'
import { refuse } from '../shared/errors.ts'
import type { Acting } from '../offices/acting.ts'
import { correctionColumns, correctionLine } from './correction-columns.ts'
import { candidateViolations } from './violations.ts'

/**
 * Moves a pair to a new status if it still has the one the event was judged from (compare-and-set), and
 * appends the event to its history and the audit trail.
 */
export async function recordPairEvent(
  tx: Transaction,
  acting: Pick<Acting, 'ip'>,
  pairId: string,
  event: PairEvent,
): Promise<void> {
  const { count } = await tx.candidatePair.updateMany({
    where: { id: pairId, status: event.from },
    data: { status: event.to },
  })
  if (count !== 1) refuse('CONFLICT', candidateViolations.pairConcurrent(pairId))
  const { correction, ...rest } = event
  await tx.pairEvent.create({
    data: {
      pairId,
      ...rest,
      ...correctionColumns(correction),
    },
  })
  await writeAudit(tx, {
    actorId: event.byUserId,
    action: 'pair.status',
    targetType: 'CandidatePair',
    targetId: pairId,
    before: { status: event.from },
    after: {
      status: event.to,
      reason: event.reason,
      decreeNumber: event.decreeNumber,
      correction: correctionLine(correction),
    },
    ip: acting.ip,
  })
}
