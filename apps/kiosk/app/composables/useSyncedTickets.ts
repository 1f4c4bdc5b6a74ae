const KEY = 'mejabantu.kiosk.synced'

/** An offline ticket whose check-in reached the server: the number it showed and the real one. */
export interface SyncedTicket {
  provisionalNumber: string
  queueNumber: string
  visitId: string
  clientId: string
  /** The tablet's calendar day it synced, so yesterday's list is not shown today. */
  day: string
}

const thisDay = () => new Date().toDateString()

function read(): SyncedTicket[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]') as SyncedTicket[]
    return Array.isArray(stored) ? stored.filter((s) => s.day === thisDay()) : []
  } catch {
    return []
  }
}

/**
 * The day's offline tickets that have their real number now, kept on the tablet (numbers only, no names)
 * so the welcome screen can tell a guest holding "L1-003" which number will be called.
 */
export function useSyncedTickets() {
  const synced = useState<SyncedTicket[]>('synced-tickets', read)

  function remember(ticket: Omit<SyncedTicket, 'day'>) {
    const kept = read().filter((s) => s.clientId !== ticket.clientId)
    synced.value = [...kept, { ...ticket, day: thisDay() }]
    localStorage.setItem(KEY, JSON.stringify(synced.value))
  }

  /** Drops an earlier day's list (the tablet ran overnight). */
  const refresh = () => (synced.value = read())

  return { synced, remember, refresh }
}
