import { HandoverAttendeeSchema, type Handover } from '@mejabantu/domain'
import { z } from 'zod'

/** A handover row as stored: attendees are JSON. */
export interface HandoverRow {
  id: string
  pairId: string
  heldAt: Date
  place: string
  attendees: unknown
  documentRef: string | null
  recordedById: string
  createdAt: Date
}

const attendeesOf = z.array(HandoverAttendeeSchema)

/** A stored handover in the domain's terms (attendees were validated when written). */
export function handoverRecord({ documentRef, attendees, ...row }: HandoverRow): Handover {
  return {
    ...row,
    attendees: attendeesOf.parse(attendees),
    ...(documentRef === null ? {} : { documentRef }),
  }
}
