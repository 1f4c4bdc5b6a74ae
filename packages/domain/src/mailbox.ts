import { z } from 'zod'
import { NotificationKind } from './notifications.ts'

// A host name or an IPv4/IPv6 literal; no scheme, path or spaces, so it can only name a server.
const HostSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(
    /^(\[[0-9a-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)$/,
  )

/** One side of a mailbox: the IMAP server mail is read from, or the SMTP server answers leave by. */
export const MailServerSchema = z.object({
  host: HostSchema,
  port: z.number().int().min(1).max(65_535),
  /** Implicit TLS (IMAPS 993, SMTPS 465); without it STARTTLS is used where the server offers it. */
  tls: z.boolean(),
  user: z.string().trim().min(1).max(254),
  /** Written only; omitted when changing other settings keeps the stored one. */
  secret: z.string().min(1).max(512).optional(),
})
/** A mail server's settings as entered. */
export type MailServer = z.infer<typeof MailServerSchema>

/** An office's mailbox as an admin connects it. */
export const MailboxInputSchema = z.object({
  address: z.email().max(254),
  imap: MailServerSchema,
  smtp: MailServerSchema,
  folder: z.string().trim().min(1).max(120).default('INBOX'),
  /** Put under every answer sent by mail. */
  signature: z.string().trim().max(2_000).default(''),
  enabled: z.boolean().default(true),
})
/** A mailbox as entered. */
export type MailboxInput = z.input<typeof MailboxInputSchema>

/** A mailbox as the console shows it: never its secrets, only whether they are set. */
export const MailboxViewSchema = z.object({
  address: z.string(),
  imap: MailServerSchema.omit({ secret: true }).extend({ secretSet: z.boolean() }),
  smtp: MailServerSchema.omit({ secret: true }).extend({ secretSet: z.boolean() }),
  folder: z.string(),
  signature: z.string(),
  enabled: z.boolean(),
  lastPolledAt: z.date().nullable(),
  lastError: z.string().nullable(),
  failingSince: z.date().nullable(),
  mailsTakenIn: z.number().int(),
})
/** A mailbox as shown. */
export type MailboxView = z.infer<typeof MailboxViewSchema>

/** An office's choices for outgoing messages. */
export const MessagingSettingsSchema = z.object({
  kindsOff: z.array(NotificationKind.schema).max(NotificationKind.values.length),
  leadershipEmails: z.array(z.email().max(254)).max(20),
  /** The office's WhatsApp/SMS gateway: messages to phone numbers are POSTed here. */
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  /** Written only; signs each call. Omitted keeps the stored one, null removes it. */
  webhookSecret: z.string().min(16).max(256).nullable().optional(),
})
/** Messaging settings as entered. */
export type MessagingSettings = z.infer<typeof MessagingSettingsSchema>

/** Whether an office lets a kind of message go out. */
export const kindAllowed = (kindsOff: readonly string[], kind: NotificationKind) => !kindsOff.includes(kind)
