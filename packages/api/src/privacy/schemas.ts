import { StakeholderCategory } from '@mejabantu/domain'
import { z } from 'zod'

/** A search of the office's guest book for one person's request: by phone (any usual form) or name. */
export const PersonQuerySchema = z.strictObject({ query: z.string().trim().min(3).max(120) })

/**
 * A person whose data the office holds, masked until the admin exports it: a guest of the guest book, or
 * an asker known only from sheets (who phoned, wrote or met online and never came to the desk).
 */
export const PersonMatchSchema = z.object({
  kind: z.enum(['guest', 'asker']),
  /** The guest, for a guest; null for an asker known only from sheets. */
  guestId: z.uuid().nullable(),
  /** For an asker: the newest sheet they asked, which names them in a request. */
  consultationId: z.uuid().nullable(),
  maskedName: z.string(),
  maskedPhone: z.string().nullable(),
  category: StakeholderCategory.schema,
  visits: z.number().int().nonnegative(),
  sheets: z.number().int().nonnegative(),
  lastVisitAt: z.date().nullable(),
})
export type PersonMatch = z.infer<typeof PersonMatchSchema>

/** The person a request is about: a guest, or the asker of a sheet. */
export const PersonRefSchema = z.union([
  z.strictObject({ guestId: z.uuid() }),
  z.strictObject({ consultationId: z.uuid() }),
])
export type PersonRef = z.infer<typeof PersonRefSchema>

const SheetExportSchema = z.object({
  number: z.string(),
  channel: z.string(),
  occurredAt: z.date(),
  askerName: z.string(),
  askerInstitution: z.string().nullable(),
  askerContact: z.string().nullable(),
  participants: z.array(z.object({ name: z.string() }).loose()),
  topic: z.string(),
  question: z.string(),
  minutes: z.string().nullable(),
  answer: z.string().nullable(),
  legalBasis: z.string().nullable(),
  status: z.string(),
  /** Their rating of a sheet they asked (score 1–5 and their comment); null when none or not theirs. */
  rating: z
    .object({
      score: z.number().int(),
      comment: z.string().nullable(),
      via: z.string(),
      ratedAt: z.date(),
    })
    .nullable(),
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
  /** The guest-book line; null for an asker known only from sheets. */
  guest: z
    .object({
      id: z.uuid(),
      name: z.string(),
      institution: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      category: z.string(),
      createdAt: z.date(),
    })
    .nullable(),
  visits: z.array(VisitExportSchema),
  /** Every other place that holds the person: what erasure will reach too. */
  elsewhere: z.object({
    sheets: z.array(SheetExportSchema),
    attachments: z.array(z.object({ sheetNumber: z.string(), fileName: z.string() })),
    liaisonOfficers: z.array(
      z.object({
        pairId: z.uuid(),
        /** lo for the pair's main LO, else the further contact's role (admin_silon, …). */
        role: z.string(),
        name: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
      }),
    ),
    handovers: z.array(z.object({ pairId: z.uuid(), heldAt: z.date(), attendees: z.array(z.string()) })),
    research: z.array(z.object({ reason: z.string().nullable(), evidence: z.string().nullable() })),
    /** Other askers' rating comments that name them (erasure scrubs them too). */
    ratingComments: z.array(z.object({ sheetNumber: z.string(), comment: z.string() })),
    /** Their bookings (janji temu), as booked. */
    appointments: z.array(
      z.object({
        code: z.string(),
        startsAt: z.date(),
        purpose: z.string(),
        topic: z.string(),
        guestName: z.string(),
        guestPhone: z.string(),
        guestEmail: z.string().nullable(),
        institution: z.string().nullable(),
        status: z.string(),
      }),
    ),
  }),
})
export type PersonExport = z.infer<typeof PersonExportSchema>

const CountsSchema = z.object({
  guests: z.number().int().nonnegative(),
  visits: z.number().int().nonnegative(),
  consultations: z.number().int().nonnegative(),
  attachments: z.number().int().nonnegative(),
  liaisonOfficers: z.number().int().nonnegative(),
  handovers: z.number().int().nonnegative(),
  research: z.number().int().nonnegative(),
  appointments: z.number().int().nonnegative(),
})

/** What a retention run or an erasure rewrote; every row stays, so counts and reports do not change. */
export const AnonymisedSchema = z.object({ anonymised: CountsSchema })

/** The admin's retention run: the office period's cutoff (null while none is over) and what it rewrote. */
export const RetentionRunSchema = AnonymisedSchema.extend({ cutoff: z.date().nullable() })
