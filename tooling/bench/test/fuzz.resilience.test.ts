import { appRouter } from '@mejabantu/api'
import {
  firstAdmin,
  pairKiosk,
  startBuiltServer,
  type ServerUnderTest,
  type StaffAccount,
} from '@mejabantu/e2e'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

type ProcedureDef = { _def: { type: 'query' | 'mutation'; meta?: { audience?: string } } }
// Everything a stranger or a tablet can reach without a staff session.
const exposed = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>)
  .filter(([, p]) => p._def.meta?.audience === 'public' || p._def.meta?.audience === 'kiosk')
  .map(([path, p]) => ({ path, type: p._def.type, kiosk: p._def.meta?.audience === 'kiosk' }))

/** One raw call, as any client could make it: the body or the query string carries the fuzzed input. */
async function call(url: string, path: string, type: 'query' | 'mutation', input: unknown, token: string) {
  // Raw JSON, not the client's serializer: keys like "__proto__" reach the server as an attacker sends them.
  const encoded = JSON.stringify({ json: input })
  const headers = { origin: url, 'content-type': 'application/json', authorization: `Bearer ${token}` }
  const res =
    type === 'query'
      ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(encoded)}`, { headers })
      : await fetch(`${url}/trpc/${path}`, { method: 'POST', headers, body: encoded })
  return {
    status: res.status,
    body: (await res.json().catch(() => null)) as { error?: { json?: { data?: { rule?: string } } } } | null,
  }
}

describe('malformed input to every public and kiosk procedure', () => {
  let server: ServerUnderTest
  let admin: StaffAccount
  let token: string

  beforeAll(async () => {
    server = await startBuiltServer()
    admin = await firstAdmin(server)
    token = (await pairKiosk(server.url, admin.api)).token
  })
  afterAll(() => server?.stop())

  // What a refused call must leave as it was: the guest book, the sheets and the devices.
  const state = async () => ({
    visits: (await admin.api.visits.today.query({})).visits.length,
    consultations: (await admin.api.consultations.list.query({ pageSize: 1 })).total,
    devices: (await admin.api.devices.list.query({})).length,
  })

  it('has public and kiosk procedures to fuzz', () => {
    expect(exposed.map((p) => p.path)).toEqual(expect.arrayContaining(['kiosk.checkIn', 'public.log']))
  })

  it.each(exposed)(
    '$path: never a 5xx, refusals typed, nothing changes, the server stays up',
    async ({ path, type }) => {
      const before = await state()
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything(), fc.jsonValue(), fc.object()), async (input) => {
          const reply = await call(server.url, path, type, input, token)
          // A query whose URL outgrows Node's header limit is refused before any of our code runs.
          if (reply.status === 431 || reply.status === 414) return
          expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(500)
          // Input a procedure ignores, or filters that happen to be valid, may pass; a refusal names its rule.
          if (reply.status >= 400) expect(reply.body?.error?.json?.data?.rule).toEqual(expect.any(String))
        }),
        { numRuns: 60 },
      )
      expect(await state()).toEqual(before)
      expect((await fetch(`${server.url}/health`)).status).toBe(200)
    },
  )
})
