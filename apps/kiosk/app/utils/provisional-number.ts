const KEY = 'mejabantu.kiosk.provisional'

/**
 * The number on an offline ticket: "L-001", "L-002"… counted on this tablet per day ("L" for luring), so
 * staff can tell it from the server's A/P lanes. The visitor's real number is given when the outbox syncs.
 */
export function provisionalNumber(today = new Date().toDateString()): string {
  let sequence = 1
  try {
    const last = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { day: string; n: number } | null
    if (last?.day === today) sequence = last.n + 1
  } catch {
    // An unreadable counter starts the day again.
  }
  localStorage.setItem(KEY, JSON.stringify({ day: today, n: sequence }))
  return `L-${String(sequence).padStart(3, '0')}`
}
