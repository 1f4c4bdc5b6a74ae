import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'

/** What one load run came to, as the load generator measured it. */
export interface LoadFigures {
  connections: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Answers other than 2xx, plus connection errors and timeouts: all should be 0. */
  failures: number
  total: number
}

let sent = 0

/** A check-in body as the kiosk's tRPC client sends it: a fresh client id and a phone of its own. */
export function checkInBody(consentVersion: string): string {
  sent += 1
  return JSON.stringify({
    json: {
      clientId: randomUUID(),
      guest: {
        name: `Pengunjung ${sent}`,
        phone: `+62857${String(sent).padStart(8, '0')}`,
        category: 'pemilih',
      },
      topic: 'silon',
      priority: null,
      consentVersion,
    },
  })
}

/**
 * `connections` clients posting check-ins for `seconds`, each request a new walk-in, the kiosk tokens
 * taken in turn (each one a kiosk of the office), over keep-alive connections to 127.0.0.1.
 */
export async function loadCheckIns(options: {
  url: string
  connections: number
  seconds: number
  tokens: readonly string[]
  consentVersion: string
}): Promise<LoadFigures> {
  let turn = 0
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/trpc/kiosk.checkIn',
        setupRequest: (request) => ({
          ...request,
          headers: {
            'content-type': 'application/json',
            origin: options.url,
            authorization: `Bearer ${options.tokens[turn++ % options.tokens.length]}`,
          },
          body: checkInBody(options.consentVersion),
        }),
      },
    ],
  })
  return {
    connections: options.connections,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    total: result.requests.total,
  }
}
