/**
 * Snapshot fields that may hold a person's data: names, contacts and free text (which can quote anyone).
 * The audit trail is append-only and outlives the guest book, so these are redacted when an event is
 * written; the values live only in the records the event names, where erasure and retention reach them.
 * The privacy_and_tenancy migration redacted events written before with this same list.
 */
export const PERSONAL_SNAPSHOT_KEYS: ReadonlySet<string> = new Set([
  'askerName',
  'askerInstitution',
  'askerContact',
  'participants',
  'question',
  'minutes',
  'answer',
  'referralNote',
  'purpose',
  'loName',
  'loPhone',
  'loEmail',
  'attendees',
  'fileName',
  'guestName',
  'institution',
  'phone',
  'email',
  'query',
])

/** What a redacted value reads as: the field changed, its value is in the record, not in the trail. */
export const REDACTED = '[redacted]'

/** A snapshot with every personal field's value replaced by `REDACTED` (null stays null: nothing held). */
export function redactSnapshot<T extends Record<string, unknown>>(snapshot: T): T {
  const redacted: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(snapshot)) {
    redacted[key] = PERSONAL_SNAPSHOT_KEYS.has(key) && value !== null ? REDACTED : value
  }
  return redacted as T
}
