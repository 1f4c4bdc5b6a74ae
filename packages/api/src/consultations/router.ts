// Lembar konsultasi: sheets of every channel, their numbers, who may read and hold them, referrals
// up the office tree, answers, attachments and the list with its filters.
import { AttachmentSchema, AttachmentUploadSchema, ConsultationInputSchema } from '@mejabantu/domain'
import { z } from 'zod'
import { attachFile, listAttachments, readAttachment } from './attachments.ts'
import { actorOf } from '../shared/actor.ts'
import {
  AnswerConsultationSchema,
  AttachmentContentSchema,
  AttachmentIdSchema,
  ConsultationDetailSchema,
  ConsultationIdSchema,
  ConsultationListInputSchema,
  ConsultationPageSchema,
  ConsultationRecordSchema,
  InboxInputSchema,
  ReferConsultationSchema,
  UpdateConsultationSchema,
} from './schemas.ts'
import { actOnConsultation, createConsultation, updateConsultation } from './consultations.ts'
import { listConsultations } from './list.ts'
import { getConsultation, referralInbox } from './read.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'
import {
  LinkInputSchema,
  MergeInputSchema,
  RelatedSheetSchema,
  SetTagsSchema,
  TagCountSchema,
  TagsQuerySchema,
} from './relations-schemas.ts'
import { setTags, tagsInUse } from './tags.ts'
import { mergeConsultation } from './merge.ts'
import { linkConsultations, unlinkConsultations } from './links.ts'

const write = permittedProcedure('consultation.write')
const read = permittedProcedure('office.read')

/**
 * The lembar konsultasi: record, fix, answer, refer up the office tree, close; list and search; files;
 * tags, merging duplicates and links between related sheets.
 */
export const consultationsRouter = router({
  create: write
    .input(ConsultationInputSchema)
    .output(ConsultationRecordSchema)
    .mutation(({ ctx, input }) => createConsultation(ctx.db, actorOf(ctx), input, ctx.clock())),

  update: write
    .input(UpdateConsultationSchema)
    .output(ConsultationRecordSchema)
    .mutation(({ ctx, input }) => updateConsultation(ctx.db, actorOf(ctx), input)),

  answer: write
    .input(AnswerConsultationSchema)
    .output(ConsultationRecordSchema)
    .mutation(({ ctx, input: { id, ...answer } }) =>
      actOnConsultation(ctx.db, actorOf(ctx), id, { type: 'answer', ...answer }, ctx.clock()),
    ),

  refer: write
    .input(ReferConsultationSchema)
    .output(ConsultationRecordSchema)
    .mutation(({ ctx, input }) =>
      actOnConsultation(
        ctx.db,
        actorOf(ctx),
        input.id,
        { type: 'refer', note: input.note, team: input.team },
        ctx.clock(),
      ),
    ),

  close: write
    .input(ConsultationIdSchema)
    .output(ConsultationRecordSchema)
    .mutation(({ ctx, input }) =>
      actOnConsultation(
        ctx.db,
        actorOf(ctx),
        input.id,
        { type: 'close', publicUrl: ctx.publicUrl },
        ctx.clock(),
      ),
    ),

  get: read
    .input(ConsultationIdSchema)
    .output(ConsultationDetailSchema)
    .query(({ ctx, input }) => getConsultation(ctx.db, actorOf(ctx), input.id)),

  list: read
    .input(ConsultationListInputSchema)
    .output(ConsultationPageSchema)
    .query(({ ctx, input }) => listConsultations(ctx.db, actorOf(ctx), input)),

  inbox: read
    .input(InboxInputSchema)
    .output(ConsultationPageSchema)
    .query(({ ctx, input }) => referralInbox(ctx.db, actorOf(ctx), input)),

  attach: write
    .input(AttachmentUploadSchema)
    .output(AttachmentSchema)
    .mutation(({ ctx, input }) => attachFile(ctx.db, ctx.storage, actorOf(ctx), input)),

  attachments: read
    .input(z.object({ consultationId: z.uuid() }))
    .output(z.array(AttachmentSchema))
    .query(({ ctx, input }) => listAttachments(ctx.db, actorOf(ctx), input.consultationId)),

  download: read
    .input(AttachmentIdSchema)
    .output(AttachmentContentSchema)
    .query(({ ctx, input }) => readAttachment(ctx.db, ctx.storage, actorOf(ctx), input.id)),

  setTags: write
    .input(SetTagsSchema)
    .output(ConsultationRecordSchema)
    .mutation(({ ctx, input }) => setTags(ctx.db, actorOf(ctx), input)),

  tags: read
    .input(TagsQuerySchema)
    .output(z.array(TagCountSchema))
    .query(({ ctx, input }) => tagsInUse(ctx.db, actorOf(ctx), input)),

  merge: write
    .input(MergeInputSchema)
    .output(z.object({ duplicate: ConsultationRecordSchema, kept: ConsultationRecordSchema }))
    .mutation(({ ctx, input }) => mergeConsultation(ctx.db, actorOf(ctx), input, ctx.clock())),

  link: write
    .input(LinkInputSchema)
    .output(z.array(RelatedSheetSchema))
    .mutation(({ ctx, input }) => linkConsultations(ctx.db, actorOf(ctx), input)),

  unlink: write
    .input(LinkInputSchema)
    .output(z.array(RelatedSheetSchema))
    .mutation(({ ctx, input }) => unlinkConsultations(ctx.db, actorOf(ctx), input)),
})
