import {
  CheckStatus,
  HandInTimeSchema,
  HandoverInputSchema,
  HandoverSchema,
  RequirementCheckRecordSchema,
  ResearchStepSchema,
  SubmissionChannel,
} from '@mejabantu/domain'
import { z } from 'zod'
import { acting } from '../offices/acting.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'
import { recordHandover, signHandover } from './handovers.ts'
import { closeFixWindow } from './lapse.ts'
import { recordStep, recordSteps } from './requirements.ts'
import { submitDocuments } from './submit.ts'

const write = permittedProcedure('requirement.write')

// `from`: the status the researcher saw; a document changed meanwhile is refused instead of overwritten.
const StepInputSchema = ResearchStepSchema.extend({ checkId: z.uuid(), from: CheckStatus.schema.optional() })
const Records = z.array(RequirementCheckRecordSchema)

/** Research results on a pair's documents, their hand-ins with receipts, and the berita acara. */
export const requirementsRouter = router({
  record: write
    .input(StepInputSchema)
    .output(RequirementCheckRecordSchema)
    .mutation(({ ctx, input }) => recordStep(acting(ctx), input)),

  recordMany: write
    .input(z.object({ steps: z.array(StepInputSchema).min(1).max(200) }))
    .output(Records)
    .mutation(({ ctx, input }) => recordSteps(acting(ctx), input.steps)),

  submit: write
    .input(
      z.strictObject({
        pairId: z.uuid(),
        checkIds: z.array(z.uuid()).min(1).max(200),
        receivedAt: HandInTimeSchema,
        channel: SubmissionChannel.schema,
        evidence: z.string().trim().min(1).max(500).nullable().optional(),
      }),
    )
    .output(Records)
    .mutation(({ ctx, input }) => submitDocuments(acting(ctx), input)),

  closeFixWindow: write
    .input(
      z.strictObject({
        pairId: z.uuid(),
        reason: z.string().trim().min(1).max(2000).nullable().default(null),
      }),
    )
    .output(Records)
    .mutation(({ ctx, input }) => closeFixWindow(acting(ctx), input.pairId, input.reason)),

  handover: write
    .input(HandoverInputSchema)
    .output(HandoverSchema)
    .mutation(({ ctx, input }) => recordHandover(acting(ctx), input)),

  signHandover: permittedProcedure('report.sign')
    .input(z.strictObject({ handoverId: z.uuid() }))
    .output(HandoverSchema)
    .mutation(({ ctx, input }) => signHandover(acting(ctx), input.handoverId)),
})
