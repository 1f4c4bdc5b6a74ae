import { setTimeout as sleep } from 'node:timers/promises'
import type { Database } from '@mejabantu/db'
import type { TimeZone } from '@mejabantu/domain'
import { refuse } from '../shared/errors.ts'
import { officeBoard, type QueueBoard } from '../visits/queue.ts'
import { queueMoves } from '../visits/queue-events.ts'
import { authenticateDevice, type PairedDevice } from './devices-token.ts'
import { kioskViolations } from './violations.ts'

/** What a waiting-room display shows: the queue board and the office it hangs in (for its clock). */
export interface DisplayBoard extends QueueBoard {
  office: { name: string; timeZone: TimeZone }
}

// Without moves the board is still sent this often: the day may turn, and a revoked display must stop.
export const DISPLAY_HEARTBEAT_MS = 20_000

export async function displayBoard(db: Database, officeId: string, now = new Date()): Promise<DisplayBoard> {
  const office = await db.prisma.office.findUniqueOrThrow({
    where: { id: officeId },
    select: { name: true, timeZone: true },
  })
  return {
    ...(await officeBoard(db, officeId, now)),
    office: { name: office.name, timeZone: office.timeZone },
  }
}

async function stillPaired(db: Database, token: string, device: PairedDevice) {
  const found = await authenticateDevice(db, token, new Date())
  if (found === 'revoked') refuse('UNAUTHORIZED', kioskViolations.revoked())
  if (!found || found.id !== device.id) refuse('UNAUTHORIZED', kioskViolations.unpaired())
}

/**
 * The display's board now, then again after every queue move of its office (pushed, not polled) and at
 * least every `heartbeatMs`. Each wake checks the token again, so revoking the device ends the stream.
 * Reads only: no audit event, however long the display stays on.
 */
export async function* displayBoardStream(
  db: Database,
  device: PairedDevice,
  token: string,
  signal: AbortSignal,
  heartbeatMs = DISPLAY_HEARTBEAT_MS,
): AsyncGenerator<DisplayBoard> {
  // Ends the wait for moves however the stream ends: the client leaving, or the device revoked.
  const ended = new AbortController()
  const listening = AbortSignal.any([signal, ended.signal])
  // Subscribed before the first read, so a move between that read and the wait is not lost.
  const moves = queueMoves(db, device.officeId, listening)[Symbol.asyncIterator]()
  let moved = moves.next()
  try {
    yield await displayBoard(db, device.officeId)
    while (!signal.aborted) {
      const woke = await Promise.race([
        moved.then(() => 'move' as const),
        sleep(heartbeatMs, 'heartbeat' as const, { signal }).catch(() => 'aborted' as const),
      ])
      if (woke === 'aborted') return
      if (woke === 'move') moved = moves.next()
      await stillPaired(db, token, device)
      yield await displayBoard(db, device.officeId)
    }
  } finally {
    ended.abort()
    await moved.catch(() => undefined)
  }
}
