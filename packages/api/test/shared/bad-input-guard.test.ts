import { testTargets } from '@mejabantu/db/testing'
import { MAX_BATCH_CALLS, MAX_INPUT_DEPTH } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../../src/auth/session-cookie.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import type { Browser } from '../support/browser.ts'
import { sheetInput } from '../support/consultation-fixtures.ts'
import { checkInInput, dataOf, testOffice, type KioskBrowser, type TestOffice } from '../support/kiosk.ts'

// The input guard, the request limits and the robust read of stored contacts, over real HTTP: each
// hostile request answers a typed 4xx, and the database is as it was.

interface RawReply {
  status: number
  /** `error.json.data` of a refusal: what the tRPC client would read as `error.data`. */
  data: { rule?: string; httpStatus?: number; message?: { id: string; en: string } } | undefined
  json: unknown
}

/**
 * A call as any client could send it, the body or `?input=` carrying `wire` as it stands (the tRPC
 * client's serializer would refuse some of these payloads before sending), with the session or
 * device token of `as`.
 */
async function send(
  url: string,
  path: string,
  wire: string | undefined,
  {
    as,
    method = 'POST',
    headers = {},
  }: { as?: Browser; method?: 'GET' | 'POST'; headers?: Record<string, string> } = {},
): Promise<RawReply> {
  const all: Record<string, string> = { origin: url, 'content-type': 'application/json', ...headers }
  if (as?.sessionToken) all.cookie = `${SESSION_COOKIE}=${as.sessionToken}`
  if (as?.csrfToken && method === 'POST') all['x-csrf-token'] = as.csrfToken
  if (as && 'deviceToken' in as) all.authorization = `Bearer ${(as as KioskBrowser).deviceToken}`
  const query =
    method === 'GET' && wire !== undefined
      ? `${path.includes('?') ? '&' : '?'}input=${encodeURIComponent(wire)}`
      : ''
  const res = await fetch(`${url}/trpc/${path}${query}`, {
    method,
    headers: all,
    ...(method === 'POST' && wire !== undefined ? { body: wire } : {}),
  })
  const json = (await res.json().catch(() => null)) as {
    error?: { json?: { data?: RawReply['data'] } }
  } | null
  return { status: res.status, data: json?.error?.json?.data, json }
}

const wire = (input: unknown) => JSON.stringify({ json: input })
const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`

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

describe.each(testTargets())('the input guard on $kind', (target) => {
  let api: ApiFixture
  let office: TestOffice
  let admin: Browser
  let petugas: Browser
  let kiosk: KioskBrowser

  beforeAll(async () => {
    api = await startApi(target)
    office = await testOffice(api.db, api.url)
    admin = await office.as('admin')
    petugas = await office.as('petugas')
    kiosk = await office.kiosk()
  })
  afterAll(() => api.close())

  /** Sends the request, expects the typed refusal, and that no row anywhere changed. */
  async function expectRefused(request: () => Promise<RawReply>, status: number, rule: string) {
    const before = await fingerprint(api)
    const reply = await request()
    const label = JSON.stringify(reply.json).slice(0, 400)
    expect(reply.status, label).toBe(status)
    expect(reply.data, label).toMatchObject({
      rule,
      httpStatus: status,
      message: { id: expect.any(String), en: expect.any(String) },
    })
    expect(await fingerprint(api), label).toEqual(before)
    return reply
  }

  describe('control characters', () => {
    it('refuses NUL in the sign-in username before counting or auditing the attempt', async () => {
      await expectRefused(
        () => send(api.url, 'auth.login', wire({ username: 'admin\u0000', password: 'whatever-1234' })),
        400,
        'input.controlCharacter',
      )
    })

    it("refuses NUL in a guest's name at kiosk check-in", async () => {
      const input = checkInInput()
      const reply = await expectRefused(
        () =>
          send(api.url, 'kiosk.checkIn', wire({ ...input, guest: { ...input.guest, name: 'Budi\u0000' } }), {
            as: kiosk,
          }),
        400,
        'input.controlCharacter',
      )
      expect(reply.data).toMatchObject({ params: { path: 'guest.name' } })
    })

    it("refuses NUL and other controls in a sheet's question, but keeps tabs and line breaks", async () => {
      for (const question of ['Apa\u0000syaratnya?', 'Bel\u0007', 'C1\u0085']) {
        await expectRefused(
          () => send(api.url, 'consultations.create', wire(sheetInput({ question })), { as: petugas }),
          400,
          'input.controlCharacter',
        )
      }
      const kept = await petugas.mutation('consultations.create', sheetInput({ question: 'Satu\r\n\tdua' }))
      expect(dataOf<{ question: string }>(kept).question).toBe('Satu\r\n\tdua')
    })

    it('refuses NUL in a search, as a query', async () => {
      await expectRefused(
        () => send(api.url, 'consultations.list', wire({ q: 'silon\u0000' }), { as: petugas, method: 'GET' }),
        400,
        'input.controlCharacter',
      )
      await expectRefused(
        () => send(api.url, 'privacy.find', wire({ query: 'Budi\u0000' }), { as: admin }),
        400,
        'input.controlCharacter',
      )
    })

    it('stores text in NFC, so one name typed two ways is one name', async () => {
      const created = await petugas.mutation('consultations.create', sheetInput({ askerName: 'Rene\u0301' }))
      expect(dataOf<{ askerName: string }>(created).askerName).toBe('Ren\u00E9')
    })
  })

  describe('nesting depth', () => {
    it('refuses a JSON body nested thousands deep', async () => {
      for (const levels of [MAX_INPUT_DEPTH + 3, 5_000, 100_000]) {
        await expectRefused(
          () => send(api.url, 'auth.login', `{"json":${deep(levels)}}`),
          400,
          'input.tooDeep',
        )
      }
    })

    it('refuses a deep query input and a deep call in a batch', async () => {
      await expectRefused(
        // Arrays: a URL holds only so much before Node refuses its headers.
        () =>
          send(api.url, 'public.offices', `{"json":${'['.repeat(1_000)}${']'.repeat(1_000)}}`, {
            method: 'GET',
          }),
        400,
        'input.tooDeep',
      )
      await expectRefused(
        () => send(api.url, 'auth.login,auth.login?batch=1', `{"0":{"json":{}},"1":{"json":${deep(5_000)}}}`),
        400,
        'input.tooDeep',
      )
    })

    it(`takes input nested ${MAX_INPUT_DEPTH} levels, which then meets its schema`, async () => {
      const reply = await send(api.url, 'auth.login', `{"json":${deep(MAX_INPUT_DEPTH)}}`)
      expect(reply.status).toBe(400)
      expect(reply.data?.rule).toBe('input.invalid')
    })
  })

  describe("prototype keys and the office's help-desk contacts", () => {
    it.each(['constructor', 'prototype', '__proto__'])('refuses %s as a contact name', async (key) => {
      const before = await api.db.prisma.office.findUniqueOrThrow({ where: { id: office.id } })
      const body = `{"json":{"id":"${office.id}","helpdeskContacts":{"telepon":"0274","${key}":"x"}}}`
      const reply = await expectRefused(
        () => send(api.url, 'admin.offices.update', body, { as: admin }),
        400,
        'input.prototypeKey',
      )
      expect(reply.data).toMatchObject({ params: { key, path: `helpdeskContacts.${key}` } })
      expect(await api.db.prisma.office.findUniqueOrThrow({ where: { id: office.id } })).toEqual(before)
    })

    it('still answers public.offices and admin.offices.list when a stored row holds hostile keys', async () => {
      const hostile =
        '{"constructor": "x", "prototype": {"a": 1}, "__proto__": {"polluted": true}, "telepon": "0274 367"}'
      await api.db.prisma.$executeRaw`
        UPDATE "Office" SET "helpdeskContacts" = ${hostile}::jsonb WHERE id = ${office.id}::uuid`

      const listed = await admin.query('admin.offices.list')
      expect(listed.status, listed.text).toBe(200)
      const own = dataOf<{ id: string; helpdeskContacts: unknown }[]>(listed).find((o) => o.id === office.id)
      expect(own?.helpdeskContacts).toEqual({ telepon: '0274 367' })

      const published = await fetch(`${api.url}/trpc/public.offices`)
      expect(published.status).toBe(200)
      expect(await published.text()).not.toMatch(/constructor|prototype|polluted/)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  })

  describe('batches', () => {
    it(`refuses more than ${MAX_BATCH_CALLS} calls in one request before any runs`, async () => {
      const calls = Array.from({ length: 1000 }, () => 'auth.login')
      const inputs = Object.fromEntries(
        calls.map((_, i) => [i, { json: { username: 'admin', password: `guess-${i}` } }]),
      )
      await expectRefused(
        () => send(api.url, `${calls.join(',')}?batch=1`, JSON.stringify(inputs)),
        400,
        'request.batchTooLarge',
      )
      await expectRefused(
        () => send(api.url, `${calls.slice(0, 30).join('%2C')}?batch=1`, JSON.stringify(inputs)),
        400,
        'request.batchTooLarge',
      )
    })

    it(`answers a batch of ${MAX_BATCH_CALLS} calls`, async () => {
      const paths = Array.from({ length: MAX_BATCH_CALLS }, () => 'public.offices').join(',')
      const res = await fetch(`${api.url}/trpc/${paths}?batch=1&input=%7B%7D`)
      expect(res.status).toBe(200)
      expect((await res.json()) as unknown[]).toHaveLength(MAX_BATCH_CALLS)
    })
  })

  describe('file names', () => {
    it('refuses a bidi override that would make a PDF look like a PNG', async () => {
      const sheet = dataOf<{ id: string }>(await petugas.mutation('consultations.create', sheetInput()))
      const reply = await expectRefused(
        () =>
          send(
            api.url,
            'consultations.attach',
            wire({
              consultationId: sheet.id,
              fileName: 'foto-ktp\u202Egnp.pdf',
              contentType: 'application/pdf',
              contentBase64: Buffer.from('%PDF-1.7\n%%EOF').toString('base64'),
            }),
            { as: petugas },
          ),
        400,
        'input.invalid',
      )
      expect(JSON.stringify(reply.json)).toContain('"fileName"')
    })
  })

  describe('requests tRPC cannot read', () => {
    it('refuses a superjson payload it cannot turn into values', async () => {
      for (const body of [
        '{"json":{"username":"a"},"meta":{"values":{"username":["not-a-type"]}}}',
        '{"json":{"a":{}},"meta":{"values":{"a.__proto__.polluted":["Date"]}}}',
      ]) {
        await expectRefused(() => send(api.url, 'auth.login', body), 400, 'input.malformed')
      }
    })

    it('refuses a query input that is not JSON, a body that is not JSON, and other content types', async () => {
      await expectRefused(
        () => send(api.url, 'public.offices', '{"json":', { method: 'GET' }),
        400,
        'request.malformed',
      )
      await expectRefused(
        () => send(api.url, 'auth.login', '{"json": {"username": '),
        400,
        'request.malformed',
      )
      await expectRefused(
        () => send(api.url, 'auth.login', 'username=admin', { headers: { 'content-type': 'text/plain' } }),
        415,
        'request.not_json',
      )
      await expectRefused(
        () =>
          send(api.url, 'auth.login', '--x\r\n\r\n--x--', {
            headers: { 'content-type': 'multipart/form-data; boundary=x' },
          }),
        415,
        'request.not_json',
      )
    })
  })
})
