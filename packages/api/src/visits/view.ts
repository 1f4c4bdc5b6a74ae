import {
  GuestInputSchema,
  PriorityReason,
  StakeholderCategory,
  TopicCodeSchema,
  VisitSchema,
  VisitStatus,
} from '@mejabantu/domain'
import { z } from 'zod'
import { dayOfColumn } from './day.ts'

/** A guest-book line as staff see it; the phone is null once the guest's data has been anonymised. */
export const VisitViewSchema = VisitSchema.extend({
  guestId: z.uuid(),
  deviceId: z.uuid().nullable(),
  servedById: z.uuid().nullable(),
  /** When the server received the check-in: the queue's order (checkedInAt is the guest book's time). */
  queuedAt: z.date(),
  /** The desk the guest was last called to ("Meja 2"); null when the caller had picked none. */
  desk: z.string().nullable(),
  /** The number an offline tablet showed before its outbox synced ("L2-003"), beside the real one. */
  provisionalNumber: z.string().nullable(),
  /** staff: checked out at the desk; otomatis: by the end-of-day run. */
  checkOutKind: z.enum(['staff', 'otomatis']).nullable(),
  guest: GuestInputSchema.extend({ phone: z.string().nullable(), name: z.string() }),
})
export type VisitView = z.infer<typeof VisitViewSchema>

/** What to read of a visit for its view. */
export const visitViewSelect = {
  id: true,
  clientId: true,
  officeId: true,
  guestId: true,
  deviceId: true,
  servedById: true,
  topic: true,
  purpose: true,
  priority: true,
  consentVersion: true,
  queueNumber: true,
  serviceDay: true,
  status: true,
  checkedInAt: true,
  queuedAt: true,
  calledAt: true,
  servedAt: true,
  checkedOutAt: true,
  desk: true,
  provisionalNumber: true,
  checkOutKind: true,
  guest: { select: { name: true, institution: true, phone: true, email: true, category: true } },
} as const

export interface VisitRow {
  id: string
  clientId: string
  officeId: string
  guestId: string
  deviceId: string | null
  servedById: string | null
  topic: string
  purpose: string | null
  priority: string | null
  consentVersion: string
  queueNumber: string
  serviceDay: Date
  status: string
  checkedInAt: Date
  queuedAt: Date
  calledAt: Date | null
  servedAt: Date | null
  checkedOutAt: Date | null
  desk: string | null
  provisionalNumber: string | null
  checkOutKind: string | null
  guest: {
    name: string
    institution: string | null
    phone: string | null
    email: string | null
    category: string
  }
}

// Stored as text by the services that validated them with these same schemas.
export const asStatus = (s: string) => VisitStatus.schema.parse(s)
export const asPriority = (p: string | null) => (p === null ? null : PriorityReason.schema.parse(p))

export function toVisitView(row: VisitRow): VisitView {
  const { guest } = row
  return {
    ...row,
    topic: TopicCodeSchema.parse(row.topic),
    priority: asPriority(row.priority),
    status: asStatus(row.status),
    checkOutKind: row.checkOutKind === 'staff' || row.checkOutKind === 'otomatis' ? row.checkOutKind : null,
    serviceDay: dayOfColumn(row.serviceDay),
    guest: {
      name: guest.name,
      phone: guest.phone,
      category: StakeholderCategory.schema.parse(guest.category),
      ...(guest.institution ? { institution: guest.institution } : {}),
      ...(guest.email ? { email: guest.email } : {}),
    },
  }
}
