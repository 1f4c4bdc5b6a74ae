import {
  CheckStatus,
  HandoverInputSchema,
  HandoverSchema,
  RequirementCheckRecordSchema,
  ResearchStepSchema,
} from '@mejabantu/domain'
import { z } from 'zod'
import { acting } from '../offices/acting.ts'
import { recordHandover, recordStep, recordSteps } from './requirements.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

const write = permittedProcedure('requirement.write')

// `from`: the status the researcher saw; a document changed meanwhile is refused instead of overwritten.
const StepInputSchema = ResearchStepSchema.extend({ checkId: z.uuid(), from: CheckStatus.schema.optional() })

/** Research results on a pair's documents, and their handover to the pair's LO. */
export const requirementsRouter = router({
  record: write
    .input(StepInputSchema)
    .output(RequirementCheckRecordSchema)
    .mutation(({ ctx, input }) => recordStep(acting(ctx), input)),

  recordMany: write
    .input(z.object({ steps: z.array(StepInputSchema).min(1).max(200) }))
    .output(z.array(RequirementCheckRecordSchema))
    .mutation(({ ctx, input }) => recordSteps(acting(ctx), input.steps)),

  handover: write
    .input(HandoverInputSchema)
    .output(HandoverSchema)
    .mutation(({ ctx, input }) => recordHandover(acting(ctx), input)),
})
