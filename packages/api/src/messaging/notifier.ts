import type { SecretBox } from './secret-box.ts'

/** A message as a provider delivers it. */
export interface Deliverable {
  id: string
  officeId: string
  kind: string
  recipient: string
  subject: string
  text: string
  messageId: string | null
  inReplyTo: string | null
  references: string[]
  createdAt: Date
}

/** How a delivery failed: a temporary one is retried, a permanent one gives up at once. */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly failure: 'temporary' | 'permanent',
  ) {
    super(message)
  }
}

/**
 * One way messages go out (e-mail through the office's SMTP, a WhatsApp/SMS gateway by webhook). A
 * provider is one file implementing this; `outbox.ts` picks it by the message's channel.
 */
export interface Notifier {
  readonly channel: 'email' | 'webhook'
  /** Delivers or throws a DeliveryFailure; may be called again for a message already delivered. */
  deliver(message: Deliverable, secrets: SecretBox | null): Promise<void>
}
