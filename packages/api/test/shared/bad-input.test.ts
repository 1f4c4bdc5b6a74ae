import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from '../../src/root.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser } from '../support/browser.ts'

// Every procedure that takes input, fed input no form would send. A refusal must be a typed 4xx and
// leave every table as it was; nothing may answer 5xx.
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: unknown[] } }>,
)
  .filter(([, procedure]) => procedure._def.inputs.length > 0)
  .map(([path, procedure]) => ({ path, type: procedure._def.type as 'query' | 'mutation' }))

const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1), b: [nested(0)] })
const injection = {
  id: "' OR 1=1 --",
  q: `'; DROP TABLE "Consultation"; --`,
  name: '<script>alert(1)</script>',
  username: 'admin\u0000',
  officeId: '00000000-0000-0000-0000-000000000000; DELETE FROM "Office"',
  regionCode: "34.02' OR '1'='1",
  phone: '0812; rm -rf /',
  __proto__: { admin: true },
  constructor: { prototype: { polluted: true } },
}
const badInputs: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'text'],
  ['an array', [1, 2, 3]],
  ['a boolean', true],
  ['wrong-typed fields', { id: 12, name: [], date: 'not-a-date', page: -1, limit: 1e9, clientId: {} }],
  ['a deeply nested object', nested(60)],
  ['oversized text', { name: 'x'.repeat(200_000), question: 'y'.repeat(200_000), q: 'z'.repeat(200_000) }],
  ['injection-shaped fields', injection],
]

async function fingerprint(api: ApiFixture) {
  const tables = await api.db.prisma.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
    WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'Session')
    ORDER BY tablename`
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    const [row] = await api.db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`)
    counts[name] = Number(row!.n)
  }
  return counts
}

describe.each(testTargets())('bad input on $kind', (target) => {
  let api: ApiFixture
  let admin: Browser
  beforeAll(async () => {
    api = await startApi(target)
    admin = new Browser(api.url)
    await admin.signIn('admin', api.admin.password)
    await admin.mutation('auth.changePassword', {
      currentPassword: api.admin.password,
      newPassword: 'a-long-new-password',
    })
  })
  afterAll(() => api.close())

  it('has procedures with input to test', () => {
    expect(procedures.length).toBeGreaterThan(3)
  })

  it.each(procedures)(
    '$path ($type) refuses bad input with a typed 4xx and changes nothing',
    async ({ path, type }) => {
      for (const [what, input] of badInputs) {
        const before = await fingerprint(api)
        const reply = type === 'query' ? await admin.query(path, input) : await admin.mutation(path, input)
        const label = `${path} with ${what}: ${reply.status} ${reply.text.slice(0, 300)}`
        expect(reply.status, label).toBeLessThan(500)
        // Injection-shaped text in an optional filter may be a valid search: then it must just be text.
        if (reply.status < 400 && what === 'injection-shaped fields' && type === 'query') continue
        expect(reply.status, label).toBeGreaterThanOrEqual(400)
        // Node refuses a query whose URL outgrows its header limit before any of our code runs.
        if (reply.status === 431) continue
        expect(reply.body.error?.data.rule, label).toEqual(expect.any(String))
        expect(reply.body.error?.data.message, label).toMatchObject({
          id: expect.any(String),
          en: expect.any(String),
        })
        expect(reply.text, label).not.toMatch(/at .*\.ts:\d+|SELECT |INSERT |prisma/i)
        expect(await fingerprint(api), label).toEqual(before)
      }
    },
  )

  it('refuses a malformed JSON body with a typed 400', async () => {
    const res = await fetch(`${api.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: api.url },
      body: '{"json": {"username": ',
    })
    expect(res.status).toBe(400)
  })
})
