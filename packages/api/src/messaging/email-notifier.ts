import type { Database } from '@mejabantu/db'
import { reasonOf, smtpTransport } from './mail-clients.ts'
import { DeliveryFailure, type Notifier } from './notifier.ts'

/** Mail through the office's own SMTP server, in the thread of the sheet when it answers one. */
export function emailNotifier(db: Database): Notifier {
  return {
    channel: 'email',
    async deliver(message, secrets) {
      const box = await db.prisma.mailbox.findUnique({ where: { officeId: message.officeId } })
      if (!box?.enabled || !secrets) throw new DeliveryFailure('no mailbox connected', 'temporary')
      const transport = smtpTransport(box, secrets)
      try {
        await transport.sendMail({
          from: box.address,
          to: message.recipient,
          subject: message.subject,
          text: message.text,
          ...(message.messageId && { messageId: `<${message.messageId}>` }),
          ...(message.inReplyTo && { inReplyTo: `<${message.inReplyTo}>` }),
          ...(message.references.length > 0 && { references: message.references.map((r) => `<${r}>`) }),
          // RFC 3834: what we send is answered by people, not by their auto-responders.
          headers: { 'Auto-Submitted': message.kind === 'consultation_answer' ? 'no' : 'auto-generated' },
        })
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode
        throw new DeliveryFailure(reasonOf(error), code && code >= 500 ? 'permanent' : 'temporary')
      } finally {
        transport.close()
      }
    },
  }
}
