import type { PriorityReason, VisitStatus } from './guest.ts'

/** The two lanes: regular (A) and priority (P), each numbered from 1 per office per day. */
export const QUEUE_LANES = { reguler: 'A', prioritas: 'P' } as const
/** A queue lane. */
export type QueueLane = keyof typeof QUEUE_LANES

/** The lane a visitor joins. */
export function laneFor(priority: PriorityReason | null): QueueLane {
  return priority ? 'prioritas' : 'reguler'
}

/** The ticket text: lane letter and a sequence of at least three digits, "A-001", "P-012", "A-1000". */
export function formatQueueNumber(lane: QueueLane, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`queue sequence ${sequence}`)
  return `${QUEUE_LANES[lane]}-${String(sequence).padStart(3, '0')}`
}

/** The lane and sequence of a ticket text, or null when it is not one. */
export function parseQueueNumber(text: string): { lane: QueueLane; sequence: number } | null {
  const match = /^([AP])-(\d{3,})$/.exec(text.trim().toUpperCase())
  if (!match) return null
  const lane = match[1] === 'P' ? 'prioritas' : 'reguler'
  const sequence = Number(match[2])
  return sequence >= 1 ? { lane, sequence } : null
}

/** What the queue needs to know about a visit. */
export interface QueueEntry {
  id: string
  status: VisitStatus
  priority: PriorityReason | null
  queueNumber: string
  /** When the server received the check-in: a kiosk's own clock cannot move anyone ahead. */
  queuedAt: Date
}

/** Waiting visits in calling order: the priority lane first, then by arrival at the server, then by number. */
export function waitingOrder<T extends QueueEntry>(entries: readonly T[]): T[] {
  return entries
    .filter((e) => e.status === 'menunggu')
    .sort(
      (a, b) =>
        Number(Boolean(b.priority)) - Number(Boolean(a.priority)) ||
        a.queuedAt.getTime() - b.queuedAt.getTime() ||
        a.queueNumber.localeCompare(b.queueNumber, 'en', { numeric: true }),
    )
}

/** The visit "call next" takes, or null when nobody waits. */
export function nextToCall<T extends QueueEntry>(entries: readonly T[]): T | null {
  return waitingOrder(entries)[0] ?? null
}

/** Minutes a visit takes when the desk has no history yet today. */
export const DEFAULT_SERVICE_MINUTES = 10

/**
 * Estimated minutes until a visitor at `position` (0 = next) is called: the median of today's service
 * times, spread over the desks serving.
 */
export function estimatedWaitMinutes(
  position: number,
  recentServiceMinutes: readonly number[],
  desks = 1,
): number {
  const sorted = recentServiceMinutes.filter((m) => Number.isFinite(m) && m >= 0).sort((a, b) => a - b)
  const median = sorted.length
    ? (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2
    : DEFAULT_SERVICE_MINUTES
  return Math.round(Math.floor(position / Math.max(1, desks)) * median)
}
