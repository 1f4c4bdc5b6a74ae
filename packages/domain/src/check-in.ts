import { maskName } from './guest.ts'
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

/** What the guest book holds of a person it may recognise at a check-in. */
export interface StoredGuest {
  id: string
  name: string
}

const comparable = (name: string) =>
  name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('id')

/**
 * Which of the guests already known under a phone number a check-in names, if any: the one whose name the
 * visitor typed again (case and spacing aside), or whose masked confirmation the kiosk showed them ("Bud*
 * S*****"), the newest first. Nobody else: a new name on a known phone is a new guest, so a lobby tablet
 * can never rename someone's earlier visits. A stored guest is never rewritten by a check-in.
 */
export function recognisedGuest<G extends StoredGuest>(
  known: readonly G[],
  typedName: string,
): G | undefined {
  const typed = comparable(typedName)
  return (
    known.find((guest) => comparable(guest.name) === typed) ??
    known.find((guest) => maskName(guest.name) === typedName.trim())
  )
}
