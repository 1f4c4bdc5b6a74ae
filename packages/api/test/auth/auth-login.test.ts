import { createHash } from 'node:crypto'
import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ipPolicy, usernamePolicy } from '../../src/auth/login-throttle.ts'
import { serveApi, startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser, type TrpcReply } from '../support/browser.ts'
import { addUser } from '../support/users.ts'

const errorData = (reply: TrpcReply) => reply.body.error?.data

describe.each(testTargets())('auth.login on $kind', (target) => {
  let api: ApiFixture
  beforeAll(async () => {
    api = await startApi(target)
  })
  afterAll(() => api.close())
  // Every test starts with clean counters: they all come from 127.0.0.1.
  beforeEach(() => api.db.prisma.rateLimit.deleteMany())

  it('signs in with the one-time password: session cookie, session view, hashed session row, audit', async () => {
    const browser = new Browser(api.url)
    const reply = await browser.mutation(
      'auth.login',
      { username: ' Admin ', password: api.admin.password },
      { headers: { 'user-agent': 'test-browser/1' } },
    )

    expect(reply.status).toBe(200)
    expect(reply.body.result?.data).toMatchObject({
      user: { username: 'admin', displayName: 'Administrator' },
      office: { regionCode: '34.02', level: 'KABKOTA' },
      role: 'admin',
      mustChangePassword: true,
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
    })
    const [cookie] = reply.setCookies
    expect(reply.setCookies).toHaveLength(1)
    expect(cookie).toMatch(/^mejabantu_session=[\w-]{43}; /)
    const attributes = cookie!.split('; ').slice(1)
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=43200']),
    )
    expect(attributes, 'no Secure over plain http').not.toContain('Secure')

    const token = browser.sessionToken!
    const session = await api.db.prisma.session.findFirstOrThrow({ include: { user: true } })
    expect(session.id).toBe(createHash('sha256').update(token).digest('hex'))
    expect(JSON.stringify(session)).not.toContain(token)
    expect(session).toMatchObject({ ip: '127.0.0.1', userAgent: 'test-browser/1' })
    expect(session.user.username).toBe('admin')
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(2 * 60 * 60_000)

    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.login' } })
    expect(audit).toMatchObject({
      actorId: session.userId,
      targetType: 'User',
      targetId: session.userId,
      ip: '127.0.0.1',
    })
    expect(JSON.stringify(audit.after)).not.toContain(token)
  })

  it('sets Secure on the cookie when the browser came over https through a trusted proxy', async () => {
    const reply = await new Browser(api.url).mutation(
      'auth.login',
      { username: 'admin', password: api.admin.password },
      { headers: { 'x-forwarded-proto': 'https' }, origin: `https://${new URL(api.url).host}` },
    )
    expect(reply.status).toBe(200)
    expect(reply.setCookies[0]!.split('; ')).toContain('Secure')
  })

  it('answers a wrong password and an unknown username identically, and audits both', async () => {
    const user = await addUser(api.db, 'petugas')
    const wrong = await new Browser(api.url).mutation('auth.login', {
      username: user.username,
      password: 'nope-nope-nope',
    })
    const unknown = await new Browser(api.url).mutation('auth.login', {
      username: 'nobody',
      password: 'nope-nope-nope',
    })

    for (const reply of [wrong, unknown]) {
      expect(reply.status).toBe(401)
      expect(reply.setCookies).toEqual([])
    }
    expect(unknown.text).toBe(wrong.text)
    expect(wrong.body.error).toEqual({
      code: -32001,
      message: 'Nama pengguna atau kata sandi salah.',
      data: {
        code: 'UNAUTHORIZED',
        httpStatus: 401,
        path: 'auth.login',
        rule: 'auth.invalid_credentials',
        params: {},
        message: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
      },
    })

    const failed = await api.db.prisma.auditEvent.findMany({
      where: { action: 'auth.login.failed' },
      orderBy: { id: 'asc' },
    })
    expect(failed.map((e) => [e.targetType, e.targetId, e.ip])).toEqual([
      ['User', user.id, '127.0.0.1'],
      ['Username', 'nobody', '127.0.0.1'],
    ])
    expect(JSON.stringify(failed.map((e) => [e.before, e.after]))).not.toContain('nope-nope-nope')
    await expect(api.db.prisma.session.count({ where: { userId: user.id } })).resolves.toBe(0)
  })

  it('spends as long on an unknown username as on a wrong password', async () => {
    const user = await addUser(api.db, 'petugas')
    const time = async (username: string) => {
      const started = performance.now()
      await new Browser(api.url).mutation('auth.login', { username, password: 'wrong-password-1' })
      return performance.now() - started
    }
    await time('warm-up-unknown')
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 5; i++) {
      known.push(await time(user.username))
      unknown.push(await time(`unknown-${i}`))
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]!
    // Without the dummy argon2id check an unknown username answers in a few percent of the time; the
    // wide margin keeps a loaded machine from failing the check while still catching that regression.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.3)
  })

  it('locks a username after the limit, says when to retry, refuses even the right password, and lifts', async () => {
    const user = await addUser(api.db, 'petugas')
    const browser = new Browser(api.url)
    const replies: TrpcReply[] = []
    for (let i = 0; i < usernamePolicy.limit; i++) {
      replies.push(await browser.mutation('auth.login', { username: user.username, password: `wrong-${i}` }))
    }
    expect(replies.map((r) => r.status)).toEqual([401, 401, 401, 401, 429])
    const locked = errorData(replies.at(-1)!)
    expect(locked).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      rule: 'auth.locked',
      params: { minutes: '15', retryAt: expect.any(String) },
      message: {
        id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.',
        en: 'Too many failed sign-in attempts. Try again in 15 minutes.',
      },
    })
    const retryAt = new Date((locked!.params as { retryAt: string }).retryAt).getTime()
    expect(retryAt - Date.now()).toBeGreaterThan(14 * 60_000)
    expect(retryAt - Date.now()).toBeLessThanOrEqual(15 * 60_000)

    const right = await browser.mutation('auth.login', { username: user.username, password: user.password })
    expect(right.status).toBe(429)
    expect(right.setCookies).toEqual([])
    await expect(
      api.db.prisma.auditEvent.count({ where: { action: 'auth.login.refused', targetId: user.id } }),
    ).resolves.toBe(1)

    // Fifteen minutes later, as far as the database is concerned.
    await api.db.prisma.rateLimit.updateMany({ data: { lockedUntil: new Date(Date.now() - 1000) } })
    expect(
      (await browser.mutation('auth.login', { username: user.username, password: user.password })).status,
    ).toBe(200)
    await expect(
      api.db.prisma.rateLimit.count({ where: { key: `username:${user.username}` } }),
    ).resolves.toBe(0)
  })

  it('locks unknown usernames the same way, so a lockout does not reveal whether an account exists', async () => {
    const statuses: number[] = []
    for (let i = 0; i < usernamePolicy.limit + 1; i++) {
      const reply = await new Browser(api.url).mutation('auth.login', {
        username: 'ghost',
        password: `wrong-${i}`,
      })
      statuses.push(reply.status)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429])
  })

  it('locks a client address that fails across many usernames', async () => {
    const user = await addUser(api.db, 'petugas')
    for (let i = 0; i < ipPolicy.limit - 1; i++) {
      const reply = await new Browser(api.url).mutation('auth.login', {
        username: `spray-${i}`,
        password: 'x',
      })
      expect(reply.status).toBe(401)
    }
    const last = await new Browser(api.url).mutation('auth.login', { username: 'spray-last', password: 'x' })
    expect(errorData(last)).toMatchObject({ rule: 'auth.locked' })
    const right = await new Browser(api.url).mutation('auth.login', {
      username: user.username,
      password: user.password,
    })
    expect(right.status).toBe(429)
  })

  it('lets no more than the limit of parallel guesses be checked, even through two server processes', async () => {
    const user = await addUser(api.db, 'petugas')
    // A second server on the same database: nothing about attempts may live in one process's memory.
    const second = await serveApi(await api.connectAgain())
    try {
      const urls = [api.url, second.url]
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          new Browser(urls[i % 2]!).mutation('auth.login', {
            username: user.username,
            password: `guess-${i}`,
          }),
        ),
      )
      const audited = async (action: string) =>
        api.db.prisma.auditEvent.count({ where: { action, targetId: user.id } })
      // Exactly `limit` passwords were checked; every other guess was turned away before argon2 ran.
      expect(await audited('auth.login.failed')).toBe(usernamePolicy.limit)
      expect(await audited('auth.login.refused')).toBe(12 - usernamePolicy.limit)
      expect(replies.every((r) => r.status === 401 || r.status === 429)).toBe(true)
      expect(replies.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(12 - usernamePolicy.limit)
    } finally {
      await second.close()
    }
  })

  it('refuses malformed input with input.invalid, field issues in id/en, and no stack', async () => {
    const reply = await new Browser(api.url).mutation('auth.login', { username: 42 })
    expect(reply.status).toBe(400)
    expect(reply.body.error).toMatchObject({
      message: 'Isian tidak valid. Periksa kolom yang ditandai.',
      data: {
        code: 'BAD_REQUEST',
        rule: 'input.invalid',
        params: {},
        message: {
          id: 'Isian tidak valid. Periksa kolom yang ditandai.',
          en: 'Invalid input. Check the marked fields.',
        },
        issues: [
          {
            path: ['username'],
            message: {
              id: 'Input tidak valid: diharapkan string',
              en: 'Invalid input: expected string, received number',
            },
          },
          { path: ['password'], message: { id: expect.any(String), en: expect.any(String) } },
        ],
      },
    })
    expect(reply.text).not.toMatch(/stack|\.ts:\d+|node_modules/)
  })
})
