import type { CheckIn } from '@mejabantu/domain'
import { refusalOf } from './useDevice'

const DB_NAME = 'mejabantu-kiosk'
const STORE = 'outbox'

/** A check-in kept on the tablet while the server is unreachable, replayed later with the same clientId. */
export type StoredCheckIn = CheckIn & { clientId: string }

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'clientId' })
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb()
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode)
      const request = work(tx.objectStore(STORE))
      tx.oncomplete = () => resolve(request.result)
      tx.onerror = () => reject(tx.error)
    })
  } finally {
    db.close()
  }
}

const arrivedAt = (entry: StoredCheckIn) => new Date((entry.checkedInAt as Date | undefined) ?? 0).getTime()

/**
 * The store keeps entries by clientId, a random UUID: replayed in that order, later visitors would take
 * earlier queue numbers. Sent in arrival order, the numbers the server gives follow the offline tickets.
 */
const byArrival = (a: StoredCheckIn, b: StoredCheckIn) => arrivedAt(a) - arrivedAt(b)

/**
 * The offline outbox (IndexedDB) and the connection state the status dot shows. The server's check-in is
 * idempotent by clientId, so replaying an entry that did arrive before the connection broke is harmless.
 */
export function useOutbox() {
  const api = useApi()
  const online = useState<boolean | null>('outbox-online', () => null)
  const pending = useState('outbox-pending', () => 0)
  const syncing = useState('outbox-syncing', () => false)
  const { remember } = useSyncedTickets()

  const count = async () => (pending.value = await run('readonly', (s) => s.count()))

  async function add(checkIn: StoredCheckIn) {
    await run('readwrite', (s) => s.put(checkIn))
    online.value = false
    await count()
  }

  /**
   * Sends every stored check-in, first come first; stops at the first network failure or throttle and
   * keeps the rest for later.
   */
  async function sync() {
    if (syncing.value) return
    syncing.value = true
    try {
      const entries = await run('readonly', (s) => s.getAll() as IDBRequest<StoredCheckIn[]>)
      for (const entry of entries.sort(byArrival)) {
        try {
          const issued = await api.kiosk.checkIn.mutate(entry)
          // The guest holds the provisional number: the welcome screen tells them the real one.
          if (entry.provisionalNumber)
            remember({
              provisionalNumber: entry.provisionalNumber,
              queueNumber: issued.queueNumber,
              visitId: issued.visitId,
              clientId: entry.clientId,
            })
        } catch (error) {
          const refusal = refusalOf(error)
          // Network gone again, or the device is throttled: keep the entry and try later.
          if (!refusal || refusal.rule.startsWith('kiosk.')) throw error
          // Refused for good (invalid data): it can never be accepted, drop it rather than retry forever.
        }
        await run('readwrite', (s) => s.delete(entry.clientId))
      }
      online.value = true
    } catch {
      online.value = false
    } finally {
      syncing.value = false
      await count()
    }
  }

  /** Probes the server; when it answers and check-ins are waiting, syncs them. */
  async function check() {
    try {
      await api.health.query()
      online.value = true
      if ((await count()) > 0) await sync()
    } catch {
      online.value = false
      await count()
    }
  }

  return { online, pending, add, sync, check }
}
