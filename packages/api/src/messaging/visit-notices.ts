import type { Transaction } from '@mejabantu/db'
import { notificationKey, queueCalledMessage } from '@mejabantu/domain'
import { enqueue } from './outbox.ts'

/**
 * Tells a walk-in who asked for it that their number is called: by e-mail when they left one, else to
 * their phone through the office's gateway. Once per call.
 */
export async function queueCalledNotice(
  tx: Transaction,
  visitId: string,
  desk: string | null = null,
): Promise<void> {
  const visit = await tx.visit.findUniqueOrThrow({
    where: { id: visitId },
    select: {
      id: true,
      officeId: true,
      notifyOnCall: true,
      queueNumber: true,
      calledAt: true,
      guest: { select: { email: true, phone: true } },
      office: { select: { name: true } },
    },
  })
  if (!visit.notifyOnCall) return
  const message = queueCalledMessage({ officeName: visit.office.name, queueNumber: visit.queueNumber, desk })
  const recipients = [visit.guest.email, visit.guest.phone].filter((r): r is string => !!r)
  await enqueue(
    tx,
    recipients.map((recipient) => ({
      officeId: visit.officeId,
      kind: 'queue_called' as const,
      recipient,
      subject: message.subject,
      text: message.text,
      idempotencyKey: notificationKey(
        'queue_called',
        visit.id,
        recipient,
        visit.calledAt?.toISOString() ?? '',
      ),
      visitId: visit.id,
    })),
  )
}
