import {
  recordResearchStep,
  CheckStatus,
  type CheckEvent,
  type RequirementCheckRecord,
  type ResearchStep,
} from '@mejabantu/domain'
import type { Transaction } from '@mejabantu/db'
import { ensure, refuse, RuleViolationError } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { candidateViolations } from './violations.ts'
import { calendarOf, catalogOf } from './elections-records.ts'
import type { Acting } from '../offices/acting.ts'
import { checkEventColumns, checkRecord, checkWithHistory, findCheckContext } from './requirements-records.ts'
import { correctionLine } from './correction-columns.ts'
import { issueReceipts } from './submissions.ts'
import { queueResearchNotices } from '../messaging/pair-notices.ts'

/** One research step on one document; `from` is the status the researcher saw, when the form sends it. */
export interface StepInput extends ResearchStep {
  checkId: string
  from?: CheckStatus | undefined
}

/** A loaded check with the context its steps are judged in. */
export type LoadedCheck = Awaited<ReturnType<typeof findCheckContext>>[number]

/** Judges a step by the domain's rule, with the election's calendar, the office's zone and the clock. */
function judge(acting: Acting, check: LoadedCheck, input: StepInput): CheckEvent {
  acting.scope.write(check.pair.officeId)
  const status = CheckStatus.schema.parse(check.status)
  if (input.from !== undefined && input.from !== status) {
    refuse('CONFLICT', candidateViolations.checkStale(check.id, input.from, status))
  }
  if (check.supersededAt) refuse('CONFLICT', candidateViolations.checkSuperseded(check.id))
  const item = catalogOf(check.pair.election).items.find((i) => i.code === check.requirementCode)
  return ensure(
    recordResearchStep(status, input, {
      calendar: calendarOf(check.pair.election),
      zone: check.pair.election.office.timeZone,
      now: acting.now,
      byUserId: acting.user.id,
      ...(item ? { item } : {}),
      replacement: check.generation > 1,
    }),
  )
}

/**
 * Writes a judged step: the check moves only if it still has the status the step was judged from
 * (compare-and-set), so of two concurrent steps on one document only the first applies. A BMS or TMS
 * reason stays on the check through perbaikan and is cleared once it is MS; evidence stays until replaced.
 */
export async function applyStep(
  tx: Transaction,
  actor: { userId: string | null; ip: string | null },
  check: Pick<LoadedCheck, 'id' | 'status' | 'reason' | 'evidence'>,
  event: CheckEvent,
  submissionId: string | null = null,
): Promise<RequirementCheckRecord> {
  const reason = event.reason ?? (event.to === 'MS' ? null : check.reason)
  const evidence = event.evidence ?? check.evidence
  const { count } = await tx.requirementCheck.updateMany({
    where: { id: check.id, status: event.from },
    data: { status: event.to, reason, evidence, researcherId: actor.userId, updatedAt: event.at },
  })
  if (count !== 1) refuse('CONFLICT', candidateViolations.checkConcurrent(check.id))
  await tx.checkEvent.create({ data: { checkId: check.id, ...checkEventColumns(event), submissionId } })
  await writeAudit(tx, {
    actorId: actor.userId,
    action: 'check.record',
    targetType: 'RequirementCheck',
    targetId: check.id,
    before: { status: check.status, reason: check.reason, evidence: check.evidence },
    after: {
      status: event.to,
      kind: event.kind,
      reason,
      evidence,
      receivedAt: event.receivedAt?.toISOString() ?? null,
      channel: event.channel,
      correction: correctionLine(event.correction),
    },
    ip: actor.ip,
  })
  return checkRecord(
    await tx.requirementCheck.findUniqueOrThrow({ where: { id: check.id }, include: checkWithHistory }),
  )
}

// A refusal in a bulk entry names the document it is about.
function aboutCheck<T>(checkId: string, work: () => T): T {
  try {
    return work()
  } catch (error) {
    if (!(error instanceof RuleViolationError)) throw error
    const { violation } = error
    throw new RuleViolationError(error.code, { ...violation, params: { ...violation.params, checkId } })
  }
}

/**
 * Records research steps on several documents at once, all or nothing: any refused step (a move the
 * rules forbid, a missing reason, a closed window, another office's document, a concurrent change) leaves
 * every document as it was. Hand-ins among them get a tanda terima per pair and kind of submission.
 */
export async function recordSteps(acting: Acting, inputs: StepInput[]): Promise<RequirementCheckRecord[]> {
  const ids = inputs.map((input) => input.checkId)
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i)
  if (repeated) refuse('BAD_REQUEST', candidateViolations.checkRepeated(repeated))
  const loaded = new Map((await findCheckContext(acting.db.prisma, ids)).map((c) => [c.id, c]))
  const judged = inputs.map((input) => {
    const check = loaded.get(input.checkId)
    if (!check) refuse('NOT_FOUND', candidateViolations.checkNotFound(input.checkId))
    return { check, event: aboutCheck(check.id, () => judge(acting, check, input)) }
  })
  return acting.db.prisma.$transaction(async (tx) => {
    const receipts = await issueReceipts(tx, acting, judged)
    const records: RequirementCheckRecord[] = []
    for (const { check, event } of judged) {
      const actor = { userId: acting.user.id, ip: acting.ip }
      records.push(await applyStep(tx, actor, check, event, receipts.get(check.id) ?? null))
    }
    await noticeResults(tx, judged)
    return records
  })
}

// The LOs hear of the results of the batch, per election (one calendar and office each).
async function noticeResults(tx: Transaction, judged: readonly { check: LoadedCheck; event: CheckEvent }[]) {
  const elections = new Map(judged.map(({ check }) => [check.pair.election.id, check.pair.election]))
  for (const election of elections.values()) {
    const items = new Map(catalogOf(election).items.map((i) => [i.code, i.name]))
    await queueResearchNotices(
      tx,
      election.office,
      calendarOf(election),
      judged
        .filter(({ check }) => check.pair.election.id === election.id)
        .map(({ check, event }) => ({
          pairId: check.pair.id,
          requirementCode: check.requirementCode,
          title: items.get(check.requirementCode) ?? check.requirementCode,
          subject: check.subject,
          event,
        })),
    )
  }
}

/** Records one research step on one document. */
export async function recordStep(acting: Acting, input: StepInput): Promise<RequirementCheckRecord> {
  const [record] = await recordSteps(acting, [input])
  return record!
}
