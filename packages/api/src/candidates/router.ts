// Elections, candidate pairs and their LO, and penelitian administrasi: requirement research
// (MS/BMS/TMS), perbaikan within the legal windows, and document handovers with their dossier.
import {
  CandidatePairRecordSchema,
  DeadlinesInputSchema,
  DossierSchema,
  PairDeadlinesSchema,
  PairRegistrationSchema,
  PairSummarySchema,
  PairDecisionSchema,
  PairUpdateSchema,
  ReplacementSchema,
} from '@mejabantu/domain'
import { z } from 'zod'
import { createPair, listPairs, updatePair } from './candidates.ts'
import { closingDeadlines } from './deadlines.ts'
import { DocumentInputSchema, documentFile } from './documents.ts'
import { dossier } from './dossier.ts'
import { decide } from './pair-decisions.ts'
import { replaceCandidate } from './replace.ts'
import { ReportFileSchema } from '../reports/schemas.ts'
import { acting } from '../offices/acting.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'

const write = permittedProcedure('requirement.write')
const read = permittedProcedure('office.read')

/** Candidate pairs of an election, their status decisions, replacements, dossiers, documents and deadlines. */
export const candidatesRouter = router({
  create: write
    .input(PairRegistrationSchema)
    .output(CandidatePairRecordSchema)
    .mutation(({ ctx, input }) => createPair(acting(ctx), input)),

  update: write
    .input(PairUpdateSchema)
    .output(CandidatePairRecordSchema)
    .mutation(({ ctx, input }) => updatePair(acting(ctx), input)),

  decide: write
    .input(PairDecisionSchema)
    .output(CandidatePairRecordSchema)
    .mutation(({ ctx, input }) => decide(acting(ctx), input)),

  replaceCandidate: write
    .input(ReplacementSchema)
    .output(CandidatePairRecordSchema)
    .mutation(({ ctx, input }) => replaceCandidate(acting(ctx), input)),

  document: read
    .input(DocumentInputSchema)
    .output(ReportFileSchema)
    .query(({ ctx, input }) => documentFile(acting(ctx), input)),

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
