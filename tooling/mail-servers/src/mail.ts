import MailComposer from 'nodemailer/lib/mail-composer'

/** What `buildMail` puts into a message. */
export interface BuildMailOptions {
  from: string
  to: string
  subject: string
  text?: string
  html?: string
  /** `<id@host>`; nodemailer makes one up when missing. */
  messageId?: string
  inReplyTo?: string
  references?: string[]
  headers?: Record<string, string>
  attachments?: { filename: string; content: Buffer; contentType: string }[]
  date?: Date
}

/**
 * An RFC 5322 message as bytes (nodemailer's MailComposer, the same MIME nodemailer sends), for tests to
 * append to a mailbox or to hand to an SMTP client.
 */
export async function buildMail(options: BuildMailOptions): Promise<Buffer> {
  const composer = new MailComposer({
    from: options.from,
    to: options.to,
    subject: options.subject,
    text: options.text,
    html: options.html,
    messageId: options.messageId,
    inReplyTo: options.inReplyTo,
    references: options.references,
    headers: options.headers,
    attachments: options.attachments,
    date: options.date ?? new Date(),
  })
  return composer.compile().build()
}
