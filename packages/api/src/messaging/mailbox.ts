// The office's mailbox as admins connect it: settings with sealed secrets, a sign-in test, the state shown.
import type { Database } from '@mejabantu/db'
import type { MailboxInputSchema, MailboxView } from '@mejabantu/domain'
import type { z } from 'zod'
import type { Actor } from '../shared/actor.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { refuse } from '../shared/errors.ts'
import { tryMailbox, type MailboxServers } from './mail-clients.ts'
import type { SecretBox } from './secret-box.ts'
import { messagingViolations as violations } from './violations.ts'

type MailboxSettings = z.infer<typeof MailboxInputSchema>

/** The box that seals secrets, or the refusal saying the server has no key. */
export function requireSecrets(secrets: SecretBox | null): SecretBox {
  if (!secrets) refuse('PRECONDITION_FAILED', violations.noKey())
  return secrets
}

/** The office's mailbox without its secrets, or null when none is connected. */
export async function readMailbox(db: Database, officeId: string): Promise<MailboxView | null> {
  const row = await db.prisma.mailbox.findUnique({ where: { officeId } })
  if (!row) return null
  const mailsTakenIn = await db.prisma.inboundMail.count({ where: { officeId } })
  const side = (p: 'imap' | 'smtp') => ({
    host: row[`${p}Host`],
    port: row[`${p}Port`],
    tls: row[`${p}Tls`],
    user: row[`${p}User`],
    secretSet: row[`${p}Secret`] !== '',
  })
  return {
    address: row.address,
    imap: side('imap'),
    smtp: side('smtp'),
    folder: row.folder,
    signature: row.signature,
    enabled: row.enabled,
    lastPolledAt: row.lastPolledAt,
    lastError: row.lastError,
    failingSince: row.failingSince,
    mailsTakenIn,
  }
}

/**
 * Connects or changes the office's mailbox after signing in to both servers with the settings given, so
 * a typo is refused at once rather than found by the next poll. A new IMAP account or folder starts
 * reading afresh (UIDVALIDITY and UID reset); Message-IDs already taken in are still never doubled.
 */
export async function connectMailbox(
  db: Database,
  secretBox: SecretBox | null,
  actor: Actor,
  input: MailboxSettings,
): Promise<MailboxView> {
  const secrets = requireSecrets(secretBox)
  const officeId = actor.scope.write()
  const existing = await db.prisma.mailbox.findUnique({ where: { officeId } })
  const sealed = (side: 'imap' | 'smtp') => {
    const given = input[side].secret
    if (given) return secrets.seal(given)
    if (existing?.[`${side}Secret`]) return existing[`${side}Secret`]
    refuse('BAD_REQUEST', violations.secretMissing(side))
  }
  const servers: MailboxServers = {
    address: input.address,
    imapHost: input.imap.host,
    imapPort: input.imap.port,
    imapTls: input.imap.tls,
    imapUser: input.imap.user,
    imapSecret: sealed('imap'),
    smtpHost: input.smtp.host,
    smtpPort: input.smtp.port,
    smtpTls: input.smtp.tls,
    smtpUser: input.smtp.user,
    smtpSecret: sealed('smtp'),
  }
  if (input.enabled) {
    const failure = await tryMailbox(servers, secrets)
    if (failure) refuse('BAD_REQUEST', violations.unreachable(failure.side, failure.reason))
  }
  const sameSource =
    existing &&
    existing.imapHost === servers.imapHost &&
    existing.imapUser === servers.imapUser &&
    existing.folder === input.folder
  const data = {
    ...servers,
    folder: input.folder,
    signature: input.signature,
    enabled: input.enabled,
    lastError: null,
    failingSince: null,
    ...(sameSource ? {} : { uidValidity: null, lastUid: 0 }),
  }
  await db.prisma.$transaction(async (tx) => {
    await tx.mailbox.upsert({ where: { officeId }, create: { officeId, ...data }, update: data })
    await writeAudit(tx, {
      actorId: actor.userId,
      officeId,
      action: existing ? 'mailbox.update' : 'mailbox.connect',
      targetType: 'Mailbox',
      targetId: officeId,
      ...(existing && { before: auditView(existing) }),
      after: auditView({ ...servers, folder: input.folder, enabled: input.enabled }),
      ip: actor.ip,
    })
  })
  return (await readMailbox(db, officeId))!
}

/** Stops taking mail in and sending answers by mail; what was taken in stays. */
export async function disconnectMailbox(db: Database, actor: Actor): Promise<void> {
  const officeId = actor.scope.write()
  await db.prisma.$transaction(async (tx) => {
    const existing = await tx.mailbox.findUnique({ where: { officeId } })
    if (!existing) refuse('NOT_FOUND', violations.notConnected())
    await tx.mailbox.delete({ where: { officeId } })
    await writeAudit(tx, {
      actorId: actor.userId,
      officeId,
      action: 'mailbox.disconnect',
      targetType: 'Mailbox',
      targetId: officeId,
      before: auditView(existing),
      ip: actor.ip,
    })
  })
}

// Servers, users and switches only: secrets never reach the trail, sealed or not.
const auditView = (
  box: Omit<MailboxServers, 'imapSecret' | 'smtpSecret'> & { folder: string; enabled: boolean },
) => ({
  address: box.address,
  imap: `${box.imapUser}@${box.imapHost}:${box.imapPort}${box.imapTls ? ' tls' : ''}`,
  smtp: `${box.smtpUser}@${box.smtpHost}:${box.smtpPort}${box.smtpTls ? ' tls' : ''}`,
  folder: box.folder,
  enabled: box.enabled,
})
