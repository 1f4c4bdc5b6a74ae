import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../src/auth/passwords.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser } from '../support/browser.ts'
import { addUser } from '../support/users.ts'

describe.each(testTargets())('CSRF and origin checks on $kind', (target) => {
  let api: ApiFixture
  beforeAll(async () => {
    api = await startApi(target)
  })
  afterAll(() => api.close())
  beforeEach(() => api.db.prisma.rateLimit.deleteMany())

  /** A signed-in petugas, and a snapshot of everything a refused mutation must leave as it was. */
  async function signedIn() {
    const user = await addUser(api.db, 'petugas')
    const browser = new Browser(api.url)
    await browser.signIn(user.username, user.password)
    const snapshot = async () => ({
      user: await api.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } }),
      sessions: await api.db.prisma.session.findMany({ where: { userId: user.id }, select: { id: true } }),
      audit: await api.db.prisma.auditEvent.count(),
    })
    return { user, browser, before: await snapshot(), snapshot }
  }

  const changeInput = (currentPassword: string) => ({
    currentPassword,
    newPassword: 'a fresh long passphrase',
  })

  it.each([
    ['missing', null],
    ['wrong', 'A'.repeat(43)],
  ])('refuses a mutation whose CSRF token is %s, and changes nothing', async (_case, csrf) => {
    const { user, browser, before, snapshot } = await signedIn()

    const change = await browser.mutation('auth.changePassword', changeInput(user.password), { csrf })
    const logout = await browser.mutation('auth.logout', undefined, { csrf })

    for (const reply of [change, logout]) {
      expect(reply.status).toBe(403)
      expect(reply.body.error?.data).toMatchObject({
        code: 'FORBIDDEN',
        rule: 'auth.csrf_invalid',
        message: {
          id: expect.stringContaining('token keamanan'),
          en: expect.stringContaining('security token'),
        },
      })
      expect(reply.setCookies).toEqual([])
    }
    expect(await snapshot()).toEqual(before)
    expect(await verifyPassword(before.user.passwordHash, user.password)).toBe(true)
  })

  it("refuses another session's CSRF token", async () => {
    const { user, browser, before, snapshot } = await signedIn()
    const other = new Browser(api.url)
    await other.signIn(user.username, user.password)

    const reply = await browser.mutation('auth.changePassword', changeInput(user.password), {
      csrf: other.csrfToken,
    })
    expect(reply.body.error?.data).toMatchObject({ rule: 'auth.csrf_invalid' })
    expect((await snapshot()).user).toEqual(before.user)
  })

  it('accepts the same mutation with the right token', async () => {
    const { user, browser } = await signedIn()
    expect((await browser.mutation('auth.changePassword', changeInput(user.password))).status).toBe(200)
  })

  it.each([
    ['an Origin of another site', { origin: 'https://evil.example' }],
    ['an Origin of another port', { origin: 'http://127.0.0.1:1' }],
    ['an opaque Origin', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { headers: { 'sec-fetch-site': 'cross-site' } }],
    ['Sec-Fetch-Site: same-site', { headers: { 'sec-fetch-site': 'same-site' } }],
  ])('refuses a mutation with %s, even with a valid session and token', async (_case, options) => {
    const { user, browser, before, snapshot } = await signedIn()
    const reply = await browser.mutation('auth.changePassword', changeInput(user.password), options)
    expect(reply.status).toBe(403)
    expect(reply.body.error?.data).toMatchObject({
      rule: 'auth.cross_origin',
      message: { id: 'Permintaan dari situs lain ditolak.', en: 'Requests from other sites are refused.' },
    })
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a sign-in posted from another site (login CSRF): no session, no cookie', async () => {
    const sessions = await api.db.prisma.session.count()
    const reply = await new Browser(api.url).mutation(
      'auth.login',
      { username: 'admin', password: api.admin.password },
      { origin: 'https://evil.example' },
    )
    expect(reply.status).toBe(403)
    expect(reply.setCookies).toEqual([])
    await expect(api.db.prisma.session.count()).resolves.toBe(sessions)
  })

  it('accepts clients that send no Origin at all (not browsers), still holding them to the token', async () => {
    const { user, browser } = await signedIn()
    const without = await browser.mutation('auth.logout', undefined, { origin: null, csrf: null })
    expect(without.body.error?.data).toMatchObject({ rule: 'auth.csrf_invalid' })
    const withToken = await browser.mutation('auth.logout', undefined, { origin: null })
    expect(withToken.status).toBe(200)
    await expect(api.db.prisma.session.count({ where: { userId: user.id } })).resolves.toBe(0)
  })

  it('sends no CORS headers, so other sites cannot read answers', async () => {
    const { browser } = await signedIn()
    const reply = await browser.query('auth.me', undefined, { origin: 'https://evil.example' })
    const preflight = await fetch(`${api.url}/trpc/auth.login`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    for (const headers of [reply.headers, preflight.headers]) {
      expect([...headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([])
    }
  })
})
