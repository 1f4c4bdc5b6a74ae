// Elections, candidate pairs and their LO, and penelitian administrasi: requirement research
// (MS/BMS/TMS), perbaikan within the legal windows, and document handovers with their dossier.
import {
  CandidatePairRecordSchema,
  DeadlinesInputSchema,
  DossierSchema,
  PairDeadlinesSchema,
  PairRegistrationSchema,
  PairSummarySchema,
  PairUpdateSchema,
} from '@mejabantu/domain'
import { z } from 'zod'
import { createPair, listPairs, updatePair } from './candidates.ts'
import { closingDeadlines, dossier } from './dossier.ts'
import { acting } from '../offices/acting.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

const write = permittedProcedure('requirement.write')
const read = permittedProcedure('office.read')

/** Candidate pairs of an election, their dossiers and the fix deadlines closing soon. */
export const candidatesRouter = router({
  create: write
    .input(PairRegistrationSchema)
    .output(CandidatePairRecordSchema)
    .mutation(({ ctx, input }) => createPair(acting(ctx), input)),

  update: write
    .input(PairUpdateSchema)
    .output(CandidatePairRecordSchema)
    .mutation(({ ctx, input }) => updatePair(acting(ctx), input)),

  list: read
    .input(z.object({ electionId: z.uuid() }))
    .output(z.array(PairSummarySchema))
    .query(({ ctx, input }) => listPairs(acting(ctx), input.electionId)),

  dossier: read
    .input(z.object({ pairId: z.uuid() }))
    .output(DossierSchema)
    .query(({ ctx, input }) => dossier(acting(ctx), input.pairId)),

  deadlines: read
    .input(DeadlinesInputSchema)
    .output(z.array(PairDeadlinesSchema))
    .query(({ ctx, input }) => closingDeadlines(acting(ctx), input)),
})
