import { maskName, type GuestInput } from './guest.ts'
import { localDay, type TimeZone } from './time.ts'

/**
 * When a check-in happened, for the guest book. A kiosk replaying its offline outbox sends the time the
 * visitor actually checked in; that time is kept when it lies on the office's current day and not in the
 * future. A tablet clock running ahead, or a check-in from an earlier day (whose queue is over), is
 * recorded at `now`, the time the server hands out the ticket.
 */
export function checkInTime(claimed: Date | undefined, now: Date, zone: TimeZone): Date {
  if (!claimed || claimed.getTime() > now.getTime()) return now
  return localDay(claimed, zone) === localDay(now, zone) ? claimed : now
}

/** What the guest book keeps of a person between visits. */
export interface GuestDetails {
  name: string
  institution: string | null
  email: string | null
  category: GuestInput['category']
}

/**
 * A returning guest's record after a new check-in: what the visitor entered this time wins, a field they
 * skipped keeps its stored value, and a name that is only the masked confirmation the kiosk showed them
 * ("Bud* S*****") keeps the stored name, so quick check-in never overwrites a name with its mask.
 */
export function mergeReturningGuest(
  stored: Omit<GuestDetails, 'category'>,
  input: Omit<GuestInput, 'phone'>,
): GuestDetails {
  return {
    name: input.name === maskName(stored.name) ? stored.name : input.name,
    institution: input.institution ?? stored.institution,
    email: input.email ?? stored.email,
    category: input.category,
  }
}
