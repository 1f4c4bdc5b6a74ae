import { MAX_BATCH_CALLS, type Permission } from '@mejabantu/domain'
import {
  addStaff,
  firstAdmin,
  pairKiosk,
  startBuiltServer,
  STAFF_PASSWORD,
  type ServerUnderTest,
} from '@mejabantu/e2e'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  call,
  everyProcedure,
  readState,
  roleFor,
  sessionAlive,
  signIn,
  type Credentials,
  type FuzzedProcedure,
  type Reply,
} from './fuzz-callers.ts'
import { probesFor } from './fuzz-inputs.ts'

const RUNS_PER_PROCEDURE = 40
// Input refused before any procedure ran: nothing at all may have changed after one.
const refusedInput = (reply: Reply) => reply.status >= 400 && /^(input|request)\./.test(reply.rule ?? '')
// Node refuses a URL over its header limit before any of our code runs.
const URL_TOO_LONG = new Set([414, 431])

describe('hostile and arbitrary input to every procedure', () => {
  let server: ServerUnderTest
  let admin: Credentials
  const sessions = new Map<string, { username: string; credentials: Credentials }>()
  let kiosk: Credentials
  let probes = 0
  let serverErrors = 0
  let leaks = 0

  beforeAll(async () => {
    server = await startBuiltServer()
    const first = await firstAdmin(server)
    admin = await signIn(server.url, first.username, STAFF_PASSWORD)
    kiosk = { token: (await pairKiosk(server.url, first.api)).token }
    // One account per role a permission needs, and one per session procedure (a fuzzed logout or
    // password change spends only its own).
    const accounts = new Map<string, string>([['admin', first.username]])
    for (const { path, audience } of everyProcedure) {
      if (audience === 'public' || audience === 'kiosk') continue
      const key = audience === 'session' ? path : roleFor(audience as Permission)
      if (sessions.has(key)) continue
      const role = audience === 'session' ? 'admin' : (key as Parameters<typeof addStaff>[2])
      const username = accounts.get(key) ?? (await addStaff(server, first.api, role)).username
      accounts.set(key, username)
      sessions.set(key, { username, credentials: await signIn(server.url, username, STAFF_PASSWORD) })
    }
  })
  afterAll(async () => {
    // eslint-disable-next-line no-console -- the probe count is recorded in docs/BENCHMARKS.md
    console.log(
      `fuzz: ${probes} probes over ${everyProcedure.length} procedures, ${serverErrors} 5xx, ${leaks} leaks`,
    )
    await server?.stop()
  })

  const sessionKey = ({ path, audience }: FuzzedProcedure) =>
    audience === 'session' ? path : roleFor(audience as Permission)
  const credentialsFor = (procedure: FuzzedProcedure): Credentials =>
    procedure.audience === 'public'
      ? {}
      : procedure.audience === 'kiosk'
        ? kiosk
        : sessions.get(sessionKey(procedure))!.credentials

  function expectTyped(reply: Reply, label: string) {
    if (reply.status >= 500) serverErrors += 1
    if (reply.leak) leaks += 1
    expect(reply.status, label).toBeLessThan(500)
    expect(reply.leak, label).toBeUndefined()
    if (reply.status < 400 || URL_TOO_LONG.has(reply.status)) return
    expect(reply.rule, label).toEqual(expect.any(String))
    expect(reply.message, label).toMatchObject({ id: expect.any(String), en: expect.any(String) })
  }

  it('fuzzes every procedure of the router', () => {
    expect(everyProcedure.length).toBeGreaterThan(50)
    const audiences = new Set(everyProcedure.map((p) => p.audience))
    expect([...audiences]).toEqual(expect.arrayContaining(['public', 'kiosk', 'session', 'admin.manage']))
  })

  it.each(everyProcedure)(
    '$path ($audience): never a 5xx, refusals typed, refused input changes nothing',
    async (procedure) => {
      const { path, type } = procedure
      let state = type === 'mutation' ? await readState(server.url, admin) : null
      await fc.assert(
        fc.asyncProperty(probesFor(procedure.input, type === 'query'), async ({ wire, mustRefuse }) => {
          probes += 1
          const reply = await call(server.url, path, type, wire, credentialsFor(procedure))
          const label = `${path} ← ${wire.slice(0, 200)} → ${reply.status} ${reply.text}`
          expectTyped(reply, label)
          if (mustRefuse && !URL_TOO_LONG.has(reply.status)) {
            expect([400, 413], label).toContain(reply.status)
            expect(reply.rule, label).toMatch(/^(input|request)\./)
          }
          if (reply.status < 400 && procedure.audience !== 'public' && procedure.audience !== 'kiosk') {
            const session = sessions.get(sessionKey(procedure))!
            if (!(await sessionAlive(server.url, session.credentials))) {
              session.credentials = await signIn(server.url, session.username, STAFF_PASSWORD)
            }
          }
          if (type !== 'mutation') return
          const after = await readState(server.url, admin)
          if (refusedInput(reply)) expect(after, label).toEqual(state)
          // A service's refusal writes no record; a wrong password or pairing code is audited on purpose.
          else if (reply.status >= 400)
            expect({ ...after, auditEvents: 0 }, label).toEqual({ ...state, auditEvents: 0 })
          state = after
        }),
        { numRuns: RUNS_PER_PROCEDURE },
      )
      expect((await fetch(`${server.url}/health`)).status).toBe(200)
    },
  )

  it(`refuses batches over ${MAX_BATCH_CALLS} calls and answers smaller ones`, async () => {
    const queries = everyProcedure.filter((p) => p.type === 'query' && p.audience === 'public')
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...queries.map((p) => p.path)), {
          minLength: 1,
          maxLength: 3 * MAX_BATCH_CALLS,
        }),
        async (paths) => {
          probes += 1
          const input = Object.fromEntries(paths.map((_, i) => [i, { json: {} }]))
          const res = await fetch(
            `${server.url}/trpc/${paths.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
          )
          expect(res.status).toBeLessThan(500)
          if (paths.length > MAX_BATCH_CALLS) {
            expect(res.status).toBe(400)
            const body = (await res.json()) as { error: { json: { data: { rule: string } } } }
            expect(body.error.json.data.rule).toBe('request.batchTooLarge')
          }
        },
      ),
      { numRuns: 30 },
    )
  })
})
