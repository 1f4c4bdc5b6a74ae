import type { Database } from '@mejabantu/db'
import type { MessagingSettings, NotificationKind } from '@mejabantu/domain'
import type { Actor } from '../shared/actor.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { requireSecrets } from './mailbox.ts'
import type { SecretBox } from './secret-box.ts'

/** The office's messaging choices as shown: the gateway secret only as set or not. */
export interface MessagingSettingsView {
  kindsOff: NotificationKind[]
  leadershipEmails: string[]
  webhookUrl: string | null
  webhookSecretSet: boolean
}

export async function readMessagingSettings(db: Database, officeId: string): Promise<MessagingSettingsView> {
  const row = await db.prisma.officeMessaging.findUnique({ where: { officeId } })
  return {
    kindsOff: (row?.kindsOff ?? []) as NotificationKind[],
    leadershipEmails: row?.leadershipEmails ?? [],
    webhookUrl: row?.webhookUrl ?? null,
    webhookSecretSet: !!row?.webhookSecret,
  }
}

/** Changes which kinds go out, who leadership alerts reach and the gateway; audited. */
export async function updateMessagingSettings(
  db: Database,
  secrets: SecretBox | null,
  actor: Actor,
  input: MessagingSettings,
): Promise<MessagingSettingsView> {
  const officeId = actor.scope.write()
  const before = await readMessagingSettings(db, officeId)
  const secret =
    input.webhookSecret === undefined
      ? undefined
      : input.webhookSecret === null
        ? null
        : requireSecrets(secrets).seal(input.webhookSecret)
  const data = {
    kindsOff: [...new Set(input.kindsOff)],
    leadershipEmails: [...new Set(input.leadershipEmails.map((e) => e.toLowerCase()))],
    webhookUrl: input.webhookUrl,
    ...(secret !== undefined && { webhookSecret: secret }),
  }
  await db.prisma.$transaction(async (tx) => {
    await tx.officeMessaging.upsert({ where: { officeId }, create: { officeId, ...data }, update: data })
    await writeAudit(tx, {
      actorId: actor.userId,
      officeId,
      action: 'messaging.settings',
      targetType: 'OfficeMessaging',
      targetId: officeId,
      before: {
        kindsOff: before.kindsOff,
        leadershipEmails: before.leadershipEmails.length,
        webhookUrl: before.webhookUrl,
      },
      after: {
        kindsOff: data.kindsOff,
        leadershipEmails: data.leadershipEmails.length,
        webhookUrl: data.webhookUrl,
        webhookSecretChanged: secret !== undefined,
      },
      ip: actor.ip,
    })
  })
  return readMessagingSettings(db, officeId)
}
