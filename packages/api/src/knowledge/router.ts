// The knowledge base: an office's agreed answers with their law, read down the office tree (KPU RI's and
// a Provinsi's articles by every office below), edited by their owner only, copied to be adapted below.
import { z } from 'zod'
import { actorOf } from '../shared/actor.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'
import { copyArticle, createArticle, setArchived, updateArticle } from './articles.ts'
import { promoteReferral } from './promote.ts'
import { getArticle, listArticles } from './read.ts'
import {
  ArticleDetailSchema,
  ArticleIdSchema,
  ArticleListInputSchema,
  ArticlePageSchema,
  ArticleRecordSchema,
  ArticleSuggestionSchema,
  CreateArticleSchema,
  PromoteInputSchema,
  SuggestInputSchema,
  UpdateArticleSchema,
} from './schemas.ts'
import { suggestArticles } from './suggest.ts'

const write = permittedProcedure('knowledge.write')
const read = permittedProcedure('office.read')

/** Articles of the office and the offices above it: list and search, suggest, write, copy, promote. */
export const knowledgeRouter = router({
  list: read
    .input(ArticleListInputSchema)
    .output(ArticlePageSchema)
    .query(({ ctx, input }) => listArticles(ctx.db, actorOf(ctx), input)),

  get: read
    .input(ArticleIdSchema)
    .output(ArticleDetailSchema)
    .query(({ ctx, input }) => getArticle(ctx.db, actorOf(ctx), input.id)),

  suggest: read
    .input(SuggestInputSchema)
    .output(z.array(ArticleSuggestionSchema))
    .query(({ ctx, input }) => suggestArticles(ctx.db, actorOf(ctx), input)),

  create: write
    .input(CreateArticleSchema)
    .output(ArticleRecordSchema)
    .mutation(({ ctx, input }) => createArticle(ctx.db, actorOf(ctx), input)),

  update: write
    .input(UpdateArticleSchema)
    .output(ArticleRecordSchema)
    .mutation(({ ctx, input }) => updateArticle(ctx.db, actorOf(ctx), input)),

  archive: write
    .input(ArticleIdSchema)
    .output(ArticleRecordSchema)
    .mutation(({ ctx, input }) => setArchived(ctx.db, actorOf(ctx), input.id, true, ctx.clock())),

  restore: write
    .input(ArticleIdSchema)
    .output(ArticleRecordSchema)
    .mutation(({ ctx, input }) => setArchived(ctx.db, actorOf(ctx), input.id, false, ctx.clock())),

  copy: write
    .input(ArticleIdSchema)
    .output(ArticleRecordSchema)
    .mutation(({ ctx, input }) => copyArticle(ctx.db, actorOf(ctx), input.id)),

  promote: write
    .input(PromoteInputSchema)
    .output(ArticleRecordSchema)
    .mutation(({ ctx, input }) => promoteReferral(ctx.db, actorOf(ctx), input)),
})
