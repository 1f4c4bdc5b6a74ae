import { StakeholderCategory } from '@mejabantu/domain'
import { z } from 'zod'

/** A search of the office's guest book for one person's request: by phone (any usual form) or name. */
export const PersonQuerySchema = z.strictObject({ query: z.string().trim().min(3).max(120) })

/** A person whose data the office holds, masked until the admin exports it. */
export const PersonMatchSchema = z.object({
  guestId: z.uuid(),
  maskedName: z.string(),
  maskedPhone: z.string().nullable(),
  category: StakeholderCategory.schema,
  visits: z.number().int().nonnegative(),
  lastVisitAt: z.date().nullable(),
})
export type PersonMatch = z.infer<typeof PersonMatchSchema>

/** The guest a request is about. */
export const GuestIdSchema = z.strictObject({ guestId: z.uuid() })

const SheetExportSchema = z.object({
  number: z.string(),
  channel: z.string(),
  occurredAt: z.date(),
  askerName: z.string(),
  askerInstitution: z.string().nullable(),
  askerContact: z.string().nullable(),
  topic: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  legalBasis: z.string().nullable(),
  status: z.string(),
})

const VisitExportSchema = z.object({
  queueNumber: z.string(),
  checkedInAt: z.date(),
  topic: z.string(),
  purpose: z.string().nullable(),
  priority: z.string().nullable(),
  status: z.string(),
  consentVersion: z.string(),
  consultations: z.array(SheetExportSchema),
})

/** Everything the office holds about one guest, for a UU PDP access request. */
export const PersonExportSchema = z.object({
  exportedAt: z.date(),
  office: z.object({ name: z.string(), regionCode: z.string() }),
  guest: z.object({
    id: z.uuid(),
    name: z.string(),
    institution: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    category: z.string(),
    createdAt: z.date(),
  }),
  visits: z.array(VisitExportSchema),
})
export type PersonExport = z.infer<typeof PersonExportSchema>

const CountsSchema = z.object({
  guests: z.number().int().nonnegative(),
  visits: z.number().int().nonnegative(),
  consultations: z.number().int().nonnegative(),
})

/** What a retention run or an erasure rewrote; every row stays, so counts and reports do not change. */
export const AnonymisedSchema = z.object({ anonymised: CountsSchema })

/** The admin's retention run: the office period's cutoff (null while none is over) and what it rewrote. */
export const RetentionRunSchema = AnonymisedSchema.extend({ cutoff: z.date().nullable() })
