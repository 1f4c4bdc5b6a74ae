const KEY = 'mejabantu.kiosk.provisional'

/** The shape the server accepts for a provisional number: the tablet's prefix and its count of the day. */
export const PROVISIONAL_NUMBER = /^L\d{1,2}-\d{3}$/

/**
 * The number on an offline ticket: "<prefix>-001", "<prefix>-002"… counted on this tablet per day ("L" for
 * luring). The prefix ("L2") is the tablet's own, given at pairing, so two tablets never hand out the same
 * number; a tablet without one yet falls back to "L". The visitor's real number is given when the outbox
 * syncs.
 */
export function provisionalNumber(
  prefix: string | null | undefined,
  today = new Date().toDateString(),
): string {
  let sequence = 1
  try {
    const last = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { day: string; n: number } | null
    if (last?.day === today) sequence = last.n + 1
  } catch {
    // An unreadable counter starts the day again.
  }
  localStorage.setItem(KEY, JSON.stringify({ day: today, n: sequence }))
  return `${prefix ?? 'L'}-${String(sequence).padStart(3, '0')}`
}
