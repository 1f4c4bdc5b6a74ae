import type { PriorityReason, StakeholderCategory } from '@mejabantu/domain'
import { refusalOf } from './useDevice'

/**
 * The screens of a check-in, in order; `lookup` is the returning visitor's shortcut past phone and details,
 * `rating` their optional rating of earlier sheets, between checking in and the ticket.
 */
export type Step =
  | 'welcome'
  | 'category'
  | 'phone'
  | 'details'
  | 'lookup'
  | 'purpose'
  | 'priority'
  | 'consent'
  | 'rating'
  | 'ticket'
  // A booked guest's code (janji temu) instead of the walk-in steps.
  | 'appointment'

/** Everything the visitor has entered; wiped when the kiosk returns to the welcome screen. */
export interface Draft {
  category: StakeholderCategory | null
  phone: string
  name: string
  institution: string
  email: string
  topic: string | null
  purpose: string
  /** The priority lane's reason (served first, a P- number); null: the normal lane. */
  priority: PriorityReason | null
  /** Told by message (the e-mail or phone they left) when their number is called. */
  notifyOnCall: boolean
  /** A returning visitor confirmed by phone: the masked name stands in for the stored one. */
  returning: { maskedName: string; maskedPhone: string } | null
}

/** The ticket the visitor takes away; `offline` when it is only stored on the tablet for now. */
export interface IssuedTicket {
  clientId: string
  visitId: string | null
  queueNumber: string
  estimatedWaitMinutes: number | null
  position: number | null
  offline: boolean
}

const emptyDraft = (): Draft => ({
  category: null,
  phone: '',
  name: '',
  institution: '',
  email: '',
  topic: null,
  purpose: '',
  priority: null,
  notifyOnCall: false,
  returning: null,
})

/** crypto.randomUUID needs a secure context; a kiosk on the office LAN may be served over plain http. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const blank = (value: string) => value.trim() || undefined

/** A closed sheet of an earlier visit the guest may rate at the tablet. */
export type PendingRating = Awaited<
  ReturnType<ReturnType<typeof useApi>['kiosk']['pendingRatings']['query']>
>[number]

/** The check-in in progress: which screen shows, what was entered, and sending it (or storing it offline). */
export function useCheckIn() {
  const api = useApi()
  const { office } = useDevice()
  const outbox = useOutbox()
  const { locale } = useI18n()
  const step = useState<Step>('checkin-step', () => 'welcome')
  const draft = useState<Draft>('checkin-draft', emptyDraft)
  const ticket = useState<IssuedTicket | null>('checkin-ticket', () => null)
  const error = useState<string | null>('checkin-error', () => null)
  const busy = useState('checkin-busy', () => false)
  const ratings = useState<PendingRating[]>('checkin-ratings', () => [])

  function go(next: Step) {
    error.value = null
    step.value = next
  }

  /** Back to the welcome screen with nothing of the last visitor left behind. */
  function reset() {
    draft.value = emptyDraft()
    ticket.value = null
    ratings.value = []
    error.value = null
    busy.value = false
    step.value = 'welcome'
  }

  const message = (e: unknown) => refusalOf(e)?.message[locale.value === 'en' ? 'en' : 'id'] ?? null

  /** Returning visitor: looks the phone up; the masked answer is shown for the visitor to confirm. */
  async function lookup(phone: string) {
    busy.value = true
    error.value = null
    try {
      const found = await api.kiosk.lookup.mutate({ phone })
      if (!found.found || !found.maskedName) return found
      draft.value = {
        ...emptyDraft(),
        phone,
        name: found.maskedName,
        returning: { maskedName: found.maskedName, maskedPhone: found.maskedPhone },
      }
      return found
    } catch (e) {
      error.value = message(e) ?? 'offline'
      return null
    } finally {
      busy.value = false
    }
  }

  async function submit() {
    const d = draft.value
    const consent = office.value?.consent
    if (!consent || !d.category || !d.topic) return
    const input = {
      clientId: newClientId(),
      guest: {
        name: d.name,
        // A returning visitor sends the masked name back: the server signs the stored guest in, unchanged.
        institution: blank(d.institution),
        phone: d.phone,
        email: blank(d.email),
        category: d.category,
      },
      topic: d.topic,
      purpose: blank(d.purpose),
      priority: d.priority,
      notifyOnCall: d.notifyOnCall,
      consentVersion: consent.version,
      checkedInAt: new Date(),
    }
    busy.value = true
    error.value = null
    try {
      const issued = await api.kiosk.checkIn.mutate(input)
      ticket.value = {
        clientId: input.clientId,
        visitId: issued.visitId,
        queueNumber: issued.queueNumber,
        estimatedWaitMinutes: issued.estimatedWaitMinutes,
        position: issued.position,
        offline: false,
      }
      go((await offerRatings(ticket.value)) ? 'rating' : 'ticket')
    } catch (e) {
      const refused = message(e)
      if (refused) {
        error.value = refused
        return
      }
      // The server is unreachable: keep the check-in on the tablet and give a provisional ticket; the
      // number it shows travels with the check-in, so staff and the welcome screen can link both numbers.
      const provisional = provisionalNumber(office.value?.offlinePrefix)
      const shown = PROVISIONAL_NUMBER.test(provisional) ? { provisionalNumber: provisional } : {}
      await outbox.add({ ...input, ...shown })
      ticket.value = {
        clientId: input.clientId,
        visitId: null,
        queueNumber: provisional,
        estimatedWaitMinutes: null,
        position: null,
        offline: true,
      }
      go('ticket')
    } finally {
      busy.value = false
    }
  }

  /** A returning guest's closed sheets to rate first; none when they are new or the server fails. */
  async function offerRatings(issued: IssuedTicket): Promise<boolean> {
    if (!draft.value.returning || !issued.visitId) return false
    try {
      const check = { visitId: issued.visitId, clientId: issued.clientId }
      ratings.value = await api.kiosk.pendingRatings.query(check)
    } catch {
      ratings.value = []
    }
    return ratings.value.length > 0
  }

  /**
   * Rates the first sheet offered (null skips it), then the next; the ticket once none is left. A sheet
   * the server refuses (rated meanwhile) is passed over; without the server the guest goes to the ticket.
   */
  async function rateNext(score: number | null) {
    const [sheet, ...rest] = ratings.value
    const issued = ticket.value
    if (sheet && issued?.visitId && score !== null) {
      busy.value = true
      try {
        await api.kiosk.rate.mutate({
          visitId: issued.visitId,
          clientId: issued.clientId,
          consultationId: sheet.consultationId,
          score,
        })
      } catch (e) {
        if (!refusalOf(e)) rest.length = 0
      } finally {
        busy.value = false
      }
    }
    ratings.value = rest
    if (rest.length === 0) go('ticket')
  }

  return { step, draft, ticket, ratings, error, busy, go, reset, lookup, submit, rateNext }
}
