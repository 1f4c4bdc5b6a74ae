import {
  ElectionRecordSchema,
  ElectionRegistrationSchema,
  RequirementCatalogSchema,
  StageOverridesInputSchema,
  ThresholdBasisInputSchema,
} from '@mejabantu/domain'
import { z } from 'zod'
import {
  createElection,
  getElection,
  listCatalogs,
  listElections,
  overrideStages,
  setThresholdBasis,
} from './elections.ts'
import { acting } from '../offices/acting.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

const manage = permittedProcedure('admin.manage')
const read = permittedProcedure('office.read')

/** Elections of an office, their stage calendars and the requirement catalogs they research under. */
export const electionsRouter = router({
  create: manage
    .input(ElectionRegistrationSchema)
    .output(ElectionRecordSchema)
    .mutation(({ ctx, input }) => createElection(acting(ctx), input)),

  list: read
    .input(z.strictObject({ officeId: z.uuid().optional() }).optional())
    .output(z.array(ElectionRecordSchema))
    .query(({ ctx, input }) => listElections(acting(ctx), input?.officeId)),

  get: read
    .input(z.object({ id: z.uuid() }))
    .output(ElectionRecordSchema)
    .query(({ ctx, input }) => getElection(acting(ctx), input.id)),

  overrideStages: manage
    .input(StageOverridesInputSchema)
    .output(ElectionRecordSchema)
    .mutation(({ ctx, input }) => overrideStages(acting(ctx), input.electionId, input.overrides)),

  thresholdBasis: permittedProcedure('requirement.write')
    .input(ThresholdBasisInputSchema)
    .output(ElectionRecordSchema)
    .mutation(({ ctx, input }) => setThresholdBasis(acting(ctx), input)),

  catalogs: read.output(z.array(RequirementCatalogSchema)).query(() => [...listCatalogs()]),
})
