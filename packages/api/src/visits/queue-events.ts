import { EventEmitter, on } from 'node:events'
import { randomUUID } from 'node:crypto'
import type { Database } from '@mejabantu/db'

/** The PostgreSQL channel queue moves are announced on, so every server process hears every desk. */
export const QUEUE_CHANNEL = 'mejabantu_queue'

interface QueueBus {
  /** Who announced a move: a bus ignores its own NOTIFY, which it already delivered in-process. */
  origin: string
  emitter: EventEmitter
  /** Set while this process LISTENs on PostgreSQL; shared by every subscriber of the database. */
  bridge: Promise<(() => Promise<void>) | null> | null
  subscribers: number
}

const buses = new WeakMap<Database, QueueBus>()

function busOf(db: Database): QueueBus {
  let bus = buses.get(db)
  if (!bus) {
    const emitter = new EventEmitter()
    // Each open display holds a listener; a crowded lobby must not trip Node's leak warning.
    emitter.setMaxListeners(0)
    bus = { origin: randomUUID(), emitter, bridge: null, subscribers: 0 }
    buses.set(db, bus)
  }
  return bus
}

/**
 * Tells every display of `officeId` that its queue moved: at once in this process, and through NOTIFY to
 * the other server processes on PostgreSQL. Called after the move committed; a failed NOTIFY only means
 * other processes' displays catch up on their next move or heartbeat, so it never fails the move.
 */
export async function publishQueueMove(db: Database, officeId: string): Promise<void> {
  const bus = busOf(db)
  bus.emitter.emit('move', officeId)
  if (db.kind !== 'postgresql') return
  const payload = JSON.stringify({ officeId, origin: bus.origin })
  try {
    await db.prisma.$executeRaw`SELECT pg_notify(${QUEUE_CHANNEL}, ${payload})`
  } catch {
    // See above: the record is the database, the notification only a hint.
  }
}

function startBridge(db: Database, bus: QueueBus) {
  if (db.kind !== 'postgresql' || bus.bridge) return
  bus.bridge = db
    .listen(QUEUE_CHANNEL, (raw) => {
      try {
        const { officeId, origin } = JSON.parse(raw) as { officeId?: unknown; origin?: unknown }
        if (typeof officeId === 'string' && origin !== bus.origin) bus.emitter.emit('move', officeId)
      } catch {
        // Not ours: ignore.
      }
    })
    .catch(() => null)
}

async function stopBridge(bus: QueueBus) {
  const bridge = bus.bridge
  bus.bridge = null
  const stop = await bridge
  await stop?.()
}

/**
 * Resolves on the next queue move of `officeId`, or after `timeoutMs` (false), or when `signal` aborts.
 * A subscriber should read the board after subscribing, so no move between read and wait is missed.
 */
export function queueMoves(db: Database, officeId: string, signal: AbortSignal): AsyncIterable<void> {
  const bus = busOf(db)
  return {
    async *[Symbol.asyncIterator]() {
      bus.subscribers += 1
      startBridge(db, bus)
      try {
        for await (const [moved] of on(bus.emitter, 'move', { signal })) {
          if (moved === officeId) yield
        }
      } catch (error) {
        if (!signal.aborted) throw error
      } finally {
        bus.subscribers -= 1
        if (bus.subscribers === 0) await stopBridge(bus)
      }
    },
  }
}
