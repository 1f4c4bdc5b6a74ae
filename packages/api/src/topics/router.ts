// Topics and sub-topics of sheets, visits and articles, kept by admins: KPU RI's read everywhere, an
// office's own by it and the offices below; each names the team its referrals go to (SILON or policy).
import { z } from 'zod'
import { actorOf } from '../shared/actor.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'
import {
  CreateTopicSchema,
  TopicCodeInputSchema,
  TopicListInputSchema,
  TopicRecordSchema,
  UpdateTopicSchema,
} from './schemas.ts'
import { createTopic, listTopics, setTopicArchived, updateTopic } from './topics.ts'

const manage = permittedProcedure('admin.manage')
const read = permittedProcedure('office.read')

/** The office's topic catalogue: read by every screen that names a topic, kept by admins. */
export const topicsRouter = router({
  list: read
    .input(TopicListInputSchema)
    .output(z.array(TopicRecordSchema))
    .query(({ ctx, input }) => listTopics(ctx.db, actorOf(ctx), input.includeArchived)),

  create: manage
    .input(CreateTopicSchema)
    .output(TopicRecordSchema)
    .mutation(({ ctx, input }) => createTopic(ctx.db, actorOf(ctx), input)),

  update: manage
    .input(UpdateTopicSchema)
    .output(TopicRecordSchema)
    .mutation(({ ctx, input }) => updateTopic(ctx.db, actorOf(ctx), input)),

  archive: manage
    .input(TopicCodeInputSchema)
    .output(TopicRecordSchema)
    .mutation(({ ctx, input }) => setTopicArchived(ctx.db, actorOf(ctx), input.code, true, ctx.clock())),

  restore: manage
    .input(TopicCodeInputSchema)
    .output(TopicRecordSchema)
    .mutation(({ ctx, input }) => setTopicArchived(ctx.db, actorOf(ctx), input.code, false, ctx.clock())),
})
