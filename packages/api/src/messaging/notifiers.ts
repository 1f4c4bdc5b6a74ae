import type { Database } from '@mejabantu/db'
import { emailNotifier } from './email-notifier.ts'
import type { Notifier } from './notifier.ts'
import { webhookNotifier } from './webhook-notifier.ts'

/** The providers messages go out through; adding one (an SMS API, say) is a file and a line here. */
export const messagingNotifiers = (db: Database): Notifier[] => [emailNotifier(db), webhookNotifier(db)]
