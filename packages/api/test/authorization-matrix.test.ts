/// <reference types="vite/client" />
import { testTargets } from '@mejabantu/db/testing'
import { can, Role } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from '../src/root.ts'
import type { MatrixEntry, MatrixFragment, MatrixOffice, MatrixWorld } from './matrix/types.ts'
import { startApi, type ApiFixture } from './support/api-server.ts'
import { Browser, type TrpcReply } from './support/browser.ts'
import { seedWorld } from './support/world.ts'

// Every procedure of the router must have an entry; a new procedure without one fails here.
const fragments = import.meta.glob<{ fragment: MatrixFragment }>('./matrix/!(types).ts', { eager: true })
const matrix: Record<string, MatrixEntry> = Object.assign(
  {},
  ...Object.values(fragments).map((m) => m.fragment),
)
type ProcedureType = 'query' | 'mutation' | 'subscription'
type ProcedureDef = { _def: { type: ProcedureType; meta?: { audience?: string } } }
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(
  ([path, procedure]) => ({ path, type: procedure._def.type, audience: procedure._def.meta?.audience }),
)

// A subscription is a GET too (SSE); every caller the matrix tries is refused before any stream opens.
const call = (browser: Browser, path: string, type: ProcedureType, input?: unknown) =>
  type === 'mutation' ? browser.mutation(path, input) : browser.query(path, input)

const rule = (reply: TrpcReply) => reply.body.error?.data.rule
const refusedAccess = (reply: TrpcReply) => reply.status === 401 || reply.status === 403
const offices: MatrixOffice[] = ['own', 'province', 'national']

it('has an authorisation entry for every procedure, and none for procedures that do not exist', () => {
  const paths = procedures.map((p) => p.path)
  expect(paths.filter((path) => !matrix[path])).toEqual([])
  expect(Object.keys(matrix).filter((path) => !paths.includes(path))).toEqual([])
})

it('expects of each procedure the audience its builder declares', () => {
  const declared = Object.fromEntries(procedures.map((p) => [p.path, p.audience]))
  const expected = Object.fromEntries(procedures.map((p) => [p.path, matrix[p.path]?.audience]))
  expect(declared).toEqual(expected)
})

describe.each(testTargets())('authorisation matrix on $kind', (target) => {
  let api: ApiFixture
  let world: MatrixWorld
  beforeAll(async () => {
    api = await startApi(target)
    world = await seedWorld(api.db, api.url)
  })
  afterAll(() => api.close())

  const guarded = procedures.filter((p) => matrix[p.path])

  it.each(guarded)('$path ($type): anonymous callers', async ({ path, type }) => {
    const reply = await call(new Browser(api.url), path, type)
    if (matrix[path]!.audience === 'public') expect(refusedAccess(reply), reply.text).toBe(false)
    else expect(reply.status, reply.text).toBe(401)
  })

  it.each(guarded)('$path ($type): every role in every office level', async ({ path, type }) => {
    const { audience, endsSession } = matrix[path]!
    for (const office of offices) {
      for (const role of Role.values) {
        const caller = endsSession ? world.fresh(office, role) : world.as(office, role)
        const reply = await call(await caller, path, type)
        const label = `${role}@${office}: ${reply.text.slice(0, 300)}`
        if (audience === 'kiosk' || audience === 'display') {
          expect(refusedAccess(reply), label).toBe(true)
        } else if (audience === 'public' || audience === 'session') {
          expect(refusedAccess(reply), label).toBe(false)
        } else if (can(role, audience)) {
          expect(refusedAccess(reply), label).toBe(false)
        } else {
          expect([reply.status, rule(reply)], label).toEqual([403, 'auth.forbidden'])
        }
      }
    }
  })

  it.each(guarded)('$path ($type): a paired kiosk', async ({ path, type }) => {
    const { audience } = matrix[path]!
    const reply = await call(await world.kiosk('own'), path, type)
    if (audience === 'kiosk' || audience === 'public') expect(refusedAccess(reply), reply.text).toBe(false)
    else expect(refusedAccess(reply), reply.text).toBe(true)
  })

  const crossOffice = guarded.filter((p) => matrix[p.path]!.crossOffice)
  it.each(crossOffice)("$path ($type): another office's record", async ({ path, type }) => {
    const entry = matrix[path]!
    const { input, expect: expected } = await entry.crossOffice!(world)
    const status = { FORBIDDEN: 403, NOT_FOUND: 404 }[expected]
    const { audience } = entry
    const callers =
      audience === 'kiosk'
        ? [await world.kiosk('own')]
        : audience === 'display'
          ? []
          : await Promise.all(
              Role.values
                .filter((role) => audience === 'public' || audience === 'session' || can(role, audience))
                .map((role) => world.as('own', role)),
            )
    for (const browser of callers) {
      const reply = await call(browser, path, type, input)
      expect(reply.status, reply.text).toBe(status)
    }
  })
})
