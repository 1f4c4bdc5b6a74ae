// Channels that arrive by themselves and messages that go out: the office mailbox, WhatsApp chat import,
// the outbox of notifications and the office's choices about them.
import {
  AttachmentFileNameSchema,
  MailboxInputSchema,
  MailboxViewSchema,
  MAX_ATTACHMENT_BYTES,
  MessagingSettingsSchema,
  NotificationKind,
  StakeholderCategory,
  TopicCodeSchema,
} from '@mejabantu/domain'
import { z } from 'zod'
import { actorOf } from '../shared/actor.ts'
import { permittedProcedure, router } from '../shared/trpc.ts'
import { confirmChatImport, previewChatImport } from './chat-import.ts'
import { MessageEntrySchema, pairMessages, sheetMessages } from './history.ts'
import { connectMailbox, disconnectMailbox, readMailbox, requireSecrets } from './mailbox.ts'
import { pollMailbox } from './mail-poll.ts'
import { readMessagingSettings, updateMessagingSettings } from './settings.ts'
import { deliverDueMessages } from './outbox.ts'
import { messagingNotifiers } from './notifiers.ts'
import { refuse } from '../shared/errors.ts'
import { messagingViolations } from './violations.ts'

const manage = permittedProcedure('admin.manage')
const write = permittedProcedure('consultation.write')
const read = permittedProcedure('office.read')

const ChatFileSchema = z.object({
  fileName: AttachmentFileNameSchema,
  contentBase64: z.base64().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4),
})

const ThreadSchema = z.object({
  key: z.string(),
  startedAt: z.date(),
  endedAt: z.date(),
  asker: z.string(),
  participants: z.array(z.object({ name: z.string() })),
  question: z.string(),
  minutes: z.string(),
  attachments: z.array(z.string()),
  messageCount: z.number().int(),
  imported: z.boolean(),
})

const SettingsViewSchema = z.object({
  kindsOff: z.array(NotificationKind.schema),
  leadershipEmails: z.array(z.string()),
  webhookUrl: z.string().nullable(),
  webhookSecretSet: z.boolean(),
})

const PollResultSchema = z.object({
  taken: z.object({ sheet: z.number(), reply: z.number(), skipped: z.number(), duplicate: z.number() }),
  sent: z.number(),
  error: z.string().nullable(),
})

/** Mailbox, messaging settings, chat import and message history. */
export const messagingRouter = router({
  mailbox: manage
    .output(MailboxViewSchema.nullable())
    .query(({ ctx }) => readMailbox(ctx.db, ctx.scope.write())),

  connectMailbox: manage
    .input(MailboxInputSchema)
    .output(MailboxViewSchema)
    .mutation(({ ctx, input }) => connectMailbox(ctx.db, ctx.secrets, actorOf(ctx), input)),

  disconnectMailbox: manage.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await disconnectMailbox(ctx.db, actorOf(ctx))
    return { ok: true as const }
  }),

  /** Takes new mail in now and sends what is due, rather than waiting for the next round. */
  pollNow: manage.output(PollResultSchema).mutation(async ({ ctx }) => {
    const secrets = requireSecrets(ctx.secrets)
    const officeId = ctx.scope.write()
    if (!(await readMailbox(ctx.db, officeId))) refuse('NOT_FOUND', messagingViolations.notConnected())
    const polled = await pollMailbox({ db: ctx.db, storage: ctx.storage, secrets }, officeId, ctx.clock())
    const delivered = await deliverDueMessages(
      { db: ctx.db, secrets, notifiers: messagingNotifiers(ctx.db), officeId },
      ctx.clock(),
    )
    return { taken: polled.taken, sent: delivered.sent, error: polled.error }
  }),

  settings: manage
    .output(SettingsViewSchema)
    .query(({ ctx }) => readMessagingSettings(ctx.db, ctx.scope.write())),

  updateSettings: manage
    .input(MessagingSettingsSchema)
    .output(SettingsViewSchema)
    .mutation(({ ctx, input }) => updateMessagingSettings(ctx.db, ctx.secrets, actorOf(ctx), input)),

  chatPreview: write
    .input(ChatFileSchema)
    .output(z.object({ threads: z.array(ThreadSchema) }))
    .mutation(({ ctx, input }) => previewChatImport(ctx.db, actorOf(ctx), input)),

  chatImport: write
    .input(
      ChatFileSchema.extend({
        keys: z.array(z.string().min(1).max(64)).min(1).max(500),
        stakeholderCategory: StakeholderCategory.schema,
        topic: TopicCodeSchema,
        candidatePairId: z.uuid().optional(),
      }),
    )
    .output(z.object({ created: z.array(z.string()), skipped: z.number().int() }))
    .mutation(({ ctx, input }) => confirmChatImport(ctx.db, ctx.storage, actorOf(ctx), input)),

  sheetMessages: read
    .input(z.object({ consultationId: z.uuid() }))
    .output(z.array(MessageEntrySchema))
    .query(({ ctx, input }) => sheetMessages(ctx.db, actorOf(ctx), input.consultationId)),

  pairMessages: read
    .input(z.object({ pairId: z.uuid() }))
    .output(z.array(MessageEntrySchema))
    .query(({ ctx, input }) => pairMessages(ctx.db, actorOf(ctx), input.pairId)),
})
