import { CheckStatus, lapsedFix, type RequirementCheckRecord } from '@mejabantu/domain'
import type { Database } from '@mejabantu/db'
import { refuse } from '../shared/errors.ts'
import type { Acting } from '../offices/acting.ts'
import { candidateViolations } from './violations.ts'
import { calendarOf } from './elections-records.ts'
import { applyStep, recordSteps } from './requirements.ts'

const awaitingFix = ['BMS', 'perbaikan']

/**
 * The research of fixes recorded by staff for a pair once the perbaikan window has closed: every
 * document still BMS or in perbaikan becomes TMS with the reason given (or the window's end as reason).
 */
export async function closeFixWindow(
  acting: Acting,
  pairId: string,
  reason: string | null,
): Promise<RequirementCheckRecord[]> {
  const pair = await acting.db.prisma.candidatePair.findUnique({
    where: { id: pairId },
    select: {
      officeId: true,
      election: { select: { calendar: true, office: { select: { timeZone: true } } } },
    },
  })
  if (!pair) refuse('NOT_FOUND', candidateViolations.pairNotFound(pairId))
  acting.scope.write(pair.officeId)
  const checks = await acting.db.prisma.requirementCheck.findMany({
    where: { pairId, supersededAt: null, status: { in: awaitingFix } },
    select: { id: true, status: true },
  })
  if (checks.length === 0) return []
  const calendar = calendarOf(pair.election)
  return recordSteps(
    acting,
    checks.map((c) => {
      const status = CheckStatus.schema.parse(c.status)
      const lapsed = lapsedFix(status, calendar, pair.election.office.timeZone, acting.now)
      return {
        checkId: c.id,
        from: status,
        to: 'TMS' as const,
        reason: reason ?? lapsed?.reason ?? null,
        evidence: null,
      }
    }),
  )
}

/**
 * Makes every document still BMS or in perbaikan TMS once its election's perbaikan window has closed, as
 * the system's own step (no user), each in its own transaction; a document changed meanwhile is skipped.
 * Idempotent: several servers may run it. Returns how many documents became TMS.
 */
export async function closeLapsedFixes(db: Database, now: Date): Promise<number> {
  const checks = await db.prisma.requirementCheck.findMany({
    where: { supersededAt: null, status: { in: awaitingFix } },
    select: {
      id: true,
      status: true,
      reason: true,
      evidence: true,
      pair: { select: { election: { select: { calendar: true, office: { select: { timeZone: true } } } } } },
    },
  })
  let closed = 0
  for (const check of checks) {
    const { election } = check.pair
    const event = lapsedFix(
      CheckStatus.schema.parse(check.status),
      calendarOf(election),
      election.office.timeZone,
      now,
    )
    if (!event) continue
    try {
      await db.prisma.$transaction((tx) => applyStep(tx, { userId: null, ip: null }, check, event))
      closed += 1
    } catch (error) {
      if ((error as { code?: string }).code !== 'CONFLICT') throw error
    }
  }
  return closed
}
