import { z } from 'zod'
import { labelledEnum } from './labels.ts'

/** Who attends the handover of research results (berita acara): the office, the pair, and invitees. */
export const HandoverInstitution = labelledEnum({
  kpu: { id: 'KPU', en: 'KPU (the office)' },
  pasangan_calon: { id: 'Bakal pasangan calon / LO (petugas penghubung)', en: 'The pair / liaison officer' },
  partai_politik: { id: 'Partai politik pengusul', en: 'Nominating party' },
  bawaslu: { id: 'Bawaslu', en: 'Election supervisory body (Bawaslu)' },
  pemda: { id: 'Pemerintah daerah (Tata Pemerintahan)', en: 'Regional government (Tata Pemerintahan)' },
  kesbangpol: { id: 'Badan Kesbangpol', en: 'National Unity and Politics Agency (Kesbangpol)' },
  lainnya: { id: 'Lainnya', en: 'Other' },
})
/** An attendee's institution. */
export type HandoverInstitution = z.infer<typeof HandoverInstitution.schema>

const text = (max: number) => z.string().trim().min(1).max(max)

/** One person at the handover. */
export const HandoverAttendeeSchema = z.object({
  name: text(120),
  institution: HandoverInstitution.schema,
  /** The institution as written on the attendance list, e.g. "Bawaslu Kabupaten Bantul". */
  institutionName: text(160).optional(),
  position: text(120).optional(),
})
/** One attendee. */
export type HandoverAttendee = z.infer<typeof HandoverAttendeeSchema>

/**
 * The handover of research results to a pair through its LO: when, where, who attended (the pair's side
 * among them, or nothing was handed over) and the berita acara number.
 */
export const HandoverInputSchema = z.object({
  pairId: z.uuid(),
  heldAt: z.date(),
  place: text(200),
  attendees: z
    .array(HandoverAttendeeSchema)
    .min(1)
    .max(100)
    .refine((list) => list.some((a) => a.institution === 'pasangan_calon'), {
      message: 'handover.pair.required',
    }),
  documentRef: text(120).optional(),
})
/** A handover as entered. */
export type HandoverInput = z.infer<typeof HandoverInputSchema>

/** A recorded handover, with the number of the berita acara frozen at it and leadership's sign-off. */
export const HandoverSchema = HandoverInputSchema.extend({
  id: z.uuid(),
  recordedById: z.uuid(),
  createdAt: z.date(),
  /** The berita acara's number; null for handovers recorded before berita acara were issued. */
  number: z.string().nullable(),
  signedAt: z.date().nullable(),
  signedByName: z.string().nullable(),
})
/** A recorded handover. */
export type Handover = z.infer<typeof HandoverSchema>
