import {
  BeritaAcaraContentSchema,
  HandoverAttendeeSchema,
  type BeritaAcaraContent,
  type Handover,
} from '@mejabantu/domain'
import { z } from 'zod'

/** A handover row as stored: attendees and the frozen berita acara are JSON. */
export interface HandoverRow {
  id: string
  pairId: string
  heldAt: Date
  place: string
  attendees: unknown
  documentRef: string | null
  recordedById: string
  createdAt: Date
  number: string | null
  content?: unknown
  signedAt: Date | null
  signedById: string | null
}

const attendeesOf = z.array(HandoverAttendeeSchema)

/** A stored handover in the domain's terms (attendees were validated when written). */
export function handoverRecord(
  { documentRef, attendees, content: _content, signedById, ...row }: HandoverRow,
  names: ReadonlyMap<string, string> = new Map(),
): Handover {
  return {
    ...row,
    attendees: attendeesOf.parse(attendees),
    signedByName: signedById ? (names.get(signedById) ?? null) : null,
    ...(documentRef === null ? {} : { documentRef }),
  }
}

// Dates travel through JSON as ISO strings.
const StoredBeritaAcaraSchema = BeritaAcaraContentSchema.extend({
  heldAt: z.coerce.date(),
  frozenAt: z.coerce.date(),
})

/** The frozen berita acara of a handover, as issued. */
export const beritaAcaraOf = (content: unknown): BeritaAcaraContent => StoredBeritaAcaraSchema.parse(content)
