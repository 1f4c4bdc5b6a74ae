import {
  ageFindings,
  CheckStatus,
  decidePair,
  ElectionKind,
  expectedChecks,
  type CandidatePairRecord,
  type PairDecision,
} from '@mejabantu/domain'
import { ensure } from '../shared/errors.ts'
import type { Acting } from '../offices/acting.ts'
import { calendarOf, catalogOf } from './elections-records.ts'
import { recordPairEvent } from './pair-events.ts'
import { findPair, pairRecord, pairStatusOf } from './records.ts'

/**
 * Decides on a pair — accepts or returns its registration, determines it or finds it TMS, or changes a
 * decision by a dispute ruling — by the domain's rules over its current documents and candidates.
 */
export async function decide(acting: Acting, decision: PairDecision): Promise<CandidatePairRecord> {
  return acting.db.prisma.$transaction(async (tx) => {
    const row = await findPair(tx, decision.pairId)
    acting.scope.write(row.officeId)
    const catalog = catalogOf(row.election)
    const settlement = new Map(catalog.items.map((i) => [i.code, i.settledAt]))
    const stored = await tx.requirementCheck.findMany({
      where: { pairId: row.id, supersededAt: null },
      select: { requirementCode: true, subject: true, status: true },
    })
    const checks = stored
      .filter((c) => settlement.has(c.requirementCode))
      .map((c) => ({
        ...c,
        status: CheckStatus.schema.parse(c.status),
        settledAt: settlement.get(c.requirementCode)!,
      }))
    const pair = pairRecord(row)
    const have = new Set(checks.map((c) => `${c.requirementCode}|${c.subject}`))
    const missing = expectedChecks(catalog, pair)
      .filter((e) => !have.has(`${e.requirementCode}|${e.subject}`))
      .map((e) => ({ ...e, settledAt: settlement.get(e.requirementCode)! }))
    const calendar = calendarOf(row.election)
    const event = ensure(
      decidePair(decision, {
        status: pairStatusOf(row),
        checks,
        missing,
        ageFindings: ageFindings(pair.candidates, ElectionKind.schema.parse(row.election.kind), calendar),
        calendar,
        zone: row.election.office.timeZone,
        now: acting.now,
        byUserId: acting.user.id,
      }),
    )
    await recordPairEvent(tx, acting, row.id, event)
    return pair
  })
}
