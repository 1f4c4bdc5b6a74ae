import { ImapFlow } from 'imapflow'
import nodemailer from 'nodemailer'
import type { SecretBox } from './secret-box.ts'

/** A Mailbox row's columns that say how to reach its servers. */
export interface MailboxServers {
  address: string
  imapHost: string
  imapPort: number
  imapTls: boolean
  imapUser: string
  imapSecret: string
  smtpHost: string
  smtpPort: number
  smtpTls: boolean
  smtpUser: string
  smtpSecret: string
}

// A stalled server must not hold a poll or a delivery for minutes.
const TIMEOUT_MS = 15_000

/** An IMAP client for the mailbox, not yet connected; the secret is opened only here. */
export function imapClient(box: MailboxServers, secrets: SecretBox): ImapFlow {
  return new ImapFlow({
    host: box.imapHost,
    port: box.imapPort,
    secure: box.imapTls,
    auth: { user: box.imapUser, pass: secrets.open(box.imapSecret) },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 60_000,
  })
}

/** An SMTP transport for the mailbox's answers. */
export function smtpTransport(box: MailboxServers, secrets: SecretBox) {
  return nodemailer.createTransport({
    host: box.smtpHost,
    port: box.smtpPort,
    secure: box.smtpTls,
    auth: { user: box.smtpUser, pass: secrets.open(box.smtpSecret) },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 60_000,
  })
}

/** Signs in to both servers and out again; the reason of the first that fails, or null. */
export async function tryMailbox(
  box: MailboxServers,
  secrets: SecretBox,
): Promise<{ side: 'imap' | 'smtp'; reason: string } | null> {
  const imap = imapClient(box, secrets)
  imap.on('error', () => {})
  try {
    await imap.connect()
    await imap.logout()
  } catch (error) {
    imap.close()
    return { side: 'imap', reason: reasonOf(error) }
  }
  const smtp = smtpTransport(box, secrets)
  try {
    await smtp.verify()
    return null
  } catch (error) {
    return { side: 'smtp', reason: reasonOf(error) }
  } finally {
    smtp.close()
  }
}

/** A server's failure as a short line an admin can act on, never a stack. */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 300)
  const detail = error as { responseText?: string; response?: string; code?: string }
  return (detail.responseText ?? detail.response ?? `${detail.code ?? ''} ${error.message}`)
    .trim()
    .slice(0, 300)
}
