import { randomUUID } from 'node:crypto'
import { pairKiosk, type Api, type PairedKiosk } from '@mejabantu/e2e'
import { TRPCClientError } from '@trpc/client'

/** What one check-in call came to, as the client saw it. */
export interface Outcome {
  /** What was sent, so a client can send it again. */
  input: CheckIn
  /** Which kiosk sent it. */
  kiosk: PairedKiosk
  clientId: string
  /** `ok`: a ticket came back; `refused`: a typed 4xx; `failed`: no answer or a 5xx. */
  result: 'ok' | 'refused' | 'failed'
  httpStatus: number | null
  queueNumber: string | null
  /** Why a call failed, as the client saw it (`failed` only). */
  reason?: string
}

let phones = 0

/** A valid check-in with a fresh client id and a phone no other check-in of the run has. */
export function walkIn(consentVersion: string, clientId: string = randomUUID()) {
  phones += 1
  return {
    clientId,
    guest: {
      name: `Pengunjung ${phones}`,
      phone: `+62813${String(process.pid % 100).padStart(2, '0')}${String(phones).padStart(6, '0')}`,
      category: 'pemilih' as const,
    },
    topic: 'silon' as const,
    priority: null,
    consentVersion,
  }
}

/** `count` kiosks of the admin's office, paired, and the consent version they show. */
export async function pairFleet(url: string, admin: Api, count: number) {
  const kiosks: PairedKiosk[] = []
  for (let i = 0; i < count; i++) kiosks.push(await pairKiosk(url, admin, `Kios ${i + 1}`))
  const office = await kiosks[0]!.api.kiosk.office.query()
  return { kiosks, consentVersion: office.consent!.version }
}

export type CheckIn = ReturnType<typeof walkIn>

/** Sends one check-in and reports what came back, never throwing. */
export async function sendCheckIn(kiosk: PairedKiosk, input: CheckIn): Promise<Outcome> {
  const sent = { input, kiosk, clientId: input.clientId }
  try {
    const ticket = await kiosk.api.kiosk.checkIn.mutate(input)
    return { ...sent, result: 'ok', httpStatus: 200, queueNumber: ticket.queueNumber }
  } catch (error) {
    const status = error instanceof TRPCClientError ? ((error.data?.httpStatus as number) ?? null) : null
    const refused = status !== null && status >= 400 && status < 500
    if (refused) return { ...sent, result: 'refused', httpStatus: status, queueNumber: null }
    return { ...sent, result: 'failed', httpStatus: status, queueNumber: null, reason: describe(error) }
  }
}

/** The message of an error and of the errors that caused it, e.g. a socket reset under a fetch failure. */
function describe(error: unknown): string {
  const messages: string[] = []
  for (let e = error; e instanceof Error && messages.length < 5; e = e.cause) messages.push(e.message)
  return messages.join(' ← ') || String(error)
}

/** How many outcomes of each result, e.g. `{ ok: 10000 }`. */
export function tally(outcomes: Outcome[]): Partial<Record<Outcome['result'], number>> {
  const counts: Partial<Record<Outcome['result'], number>> = {}
  for (const o of outcomes) counts[o.result] = (counts[o.result] ?? 0) + 1
  return counts
}

/**
 * Every kiosk a client of its own, sending `perClient` check-ins one after another, all clients at once;
 * `keepGoing` can end the run early (it is asked before each check-in).
 */
export async function flood(
  kiosks: PairedKiosk[],
  consentVersion: string,
  perClient: number,
  keepGoing: () => boolean = () => true,
): Promise<Outcome[]> {
  const perKiosk = await Promise.all(
    kiosks.map(async (kiosk) => {
      const outcomes: Outcome[] = []
      for (let i = 0; i < perClient && keepGoing(); i++) {
        outcomes.push(await sendCheckIn(kiosk, walkIn(consentVersion)))
      }
      return outcomes
    }),
  )
  return perKiosk.flat()
}
