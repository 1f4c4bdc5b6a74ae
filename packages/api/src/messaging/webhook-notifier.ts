import { createHmac } from 'node:crypto'
import type { Database } from '@mejabantu/db'
import { DeliveryFailure, type Notifier } from './notifier.ts'

/**
 * A message to a phone number, POSTed as JSON to the gateway the office already pays for (WhatsApp
 * Business, an SMS provider). The body is documented in packages/api/README.md; the
 * `X-MejaBantu-Signature: sha256=<hex HMAC of the body>` header lets the gateway check it came from us.
 */
export function webhookNotifier(db: Database, fetchImpl: typeof fetch = fetch): Notifier {
  return {
    channel: 'webhook',
    async deliver(message, secrets) {
      const settings = await db.prisma.officeMessaging.findUnique({ where: { officeId: message.officeId } })
      if (!settings?.webhookUrl) throw new DeliveryFailure('no gateway configured', 'permanent')
      const body = JSON.stringify({
        id: message.id,
        kind: message.kind,
        to: message.recipient,
        subject: message.subject,
        text: message.text,
        createdAt: message.createdAt.toISOString(),
      })
      const secret = settings.webhookSecret && secrets ? secrets.open(settings.webhookSecret) : null
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'idempotency-key': message.id,
      }
      if (secret)
        headers['x-mejabantu-signature'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
      let response: Response
      try {
        response = await fetchImpl(settings.webhookUrl, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(15_000),
        })
      } catch (error) {
        throw new DeliveryFailure(error instanceof Error ? error.message : String(error), 'temporary')
      }
      if (response.ok) return
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 429
      throw new DeliveryFailure(`gateway answered ${response.status}`, permanent ? 'permanent' : 'temporary')
    },
  }
}
