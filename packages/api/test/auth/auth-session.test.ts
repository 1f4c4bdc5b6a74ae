import { testTargets } from '@mejabantu/db/testing'
import { Permission } from '@mejabantu/domain'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { authRouter } from '../../src/auth/router.ts'
import { verifyPassword } from '../../src/auth/passwords.ts'
import { authedProcedure, permittedProcedure, router } from '../../src/shared/trpc.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser } from '../support/browser.ts'
import { addUser } from '../support/users.ts'

// The auth router beside probes built with the procedure builders, since no other router uses them yet.
const probedRouter = router({
  auth: authRouter,
  probe: router({
    signedIn: authedProcedure.query(({ ctx }) => ctx.session.user.username),
    readOffice: permittedProcedure('office.read').query(() => 'read'),
    manage: permittedProcedure('admin.manage').mutation(() => 'managed'),
  }),
})

const HOUR = 60 * 60_000

describe.each(testTargets())('sessions on $kind', (target) => {
  let api: ApiFixture
  beforeAll(async () => {
    api = await startApi(target, probedRouter)
  })
  afterAll(() => api.close())
  beforeEach(() => api.db.prisma.rateLimit.deleteMany())

  it('tells the signed-in user who they are, what they may do, and their CSRF token', async () => {
    const browser = new Browser(api.url)
    const login = await browser.signIn('admin', api.admin.password)
    const me = await browser.query('auth.me')

    expect(me.status).toBe(200)
    expect(me.body.result?.data).toEqual(login.body.result?.data)
    expect(me.body.result?.data).toMatchObject({
      user: { username: 'admin', displayName: 'Administrator' },
      office: { name: 'KPU Kabupaten Bantul', level: 'KABKOTA', regionCode: '34.02', timeZone: 'WIB' },
      role: 'admin',
      permissions: Permission.values.filter((p) => p !== 'report.sign'),
      mustChangePassword: true,
      csrfToken: browser.csrfToken,
    })
  })

  it('refuses auth.me without a session, with a rule and an id/en message', async () => {
    const reply = await new Browser(api.url).query('auth.me')
    expect(reply.status).toBe(401)
    expect(reply.body.error?.data).toMatchObject({
      rule: 'auth.unauthenticated',
      message: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
    })
  })

  it('keeps users with a one-time password to me, changePassword and logout', async () => {
    const user = await addUser(api.db, 'petugas', { mustChangePassword: true })
    const browser = new Browser(api.url)
    await browser.signIn(user.username, user.password)

    for (const reply of [await browser.query('probe.signedIn'), await browser.query('probe.readOffice')]) {
      expect(reply.status).toBe(403)
      expect(reply.body.error?.data).toMatchObject({ rule: 'auth.password_change_required' })
    }
    expect((await browser.query('auth.me')).status).toBe(200)

    const changed = await browser.mutation('auth.changePassword', {
      currentPassword: user.password,
      newPassword: 'a brand new passphrase',
    })
    expect(changed.status).toBe(200)
    expect(changed.body.result?.data).toMatchObject({ mustChangePassword: false })
    expect((await browser.query('probe.signedIn')).body.result?.data).toBe(user.username)
  })

  it('grants what the role holds and refuses the rest, naming the permission', async () => {
    const user = await addUser(api.db, 'petugas')
    const browser = new Browser(api.url)
    await browser.signIn(user.username, user.password)

    expect((await browser.query('probe.readOffice')).body.result?.data).toBe('read')
    const refused = await browser.mutation('probe.manage')
    expect(refused.status).toBe(403)
    expect(refused.body.error?.data).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'auth.forbidden',
      params: { permission: 'admin.manage' },
      message: {
        id: 'Peran Anda tidak memiliki izin: Mengelola kantor, pengguna dan perangkat.',
        en: 'Your role lacks the permission: Manage offices, users and devices.',
      },
    })
  })

  it('ends an expired session: 401, the cookie cleared, and no sliding it back to life', async () => {
    const user = await addUser(api.db, 'petugas')
    const browser = new Browser(api.url)
    await browser.signIn(user.username, user.password)
    await api.db.prisma.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date(Date.now() - 3 * HOUR) },
    })

    const reply = await browser.query('probe.signedIn')
    expect(reply.status).toBe(401)
    expect(reply.body.error?.data).toMatchObject({ rule: 'auth.session_expired' })
    expect(reply.setCookies[0]).toMatch(/^mejabantu_session=; .*Max-Age=0/)
    const [session] = await api.db.prisma.session.findMany({ where: { userId: user.id } })
    expect(session!.expiresAt.getTime()).toBeLessThan(Date.now())
  })

  it('slides the idle expiry forward on use, but never past the absolute limit', async () => {
    const user = await addUser(api.db, 'petugas')
    const browser = new Browser(api.url)
    await browser.signIn(user.username, user.password)
    const where = { userId: user.id }

    // Idle for 100 minutes of the 120 allowed: the next request gives it 120 minutes again.
    await api.db.prisma.session.updateMany({
      where,
      data: {
        lastSeenAt: new Date(Date.now() - 100 * 60_000),
        expiresAt: new Date(Date.now() + 20 * 60_000),
      },
    })
    expect((await browser.query('probe.signedIn')).status).toBe(200)
    const slid = await api.db.prisma.session.findFirstOrThrow({ where })
    expect(slid.expiresAt.getTime() - Date.now()).toBeGreaterThan(2 * HOUR - 60_000)

    // Signed in 11.5 hours ago: it may slide only to the 12-hour mark.
    const createdAt = new Date(Date.now() - 11.5 * HOUR)
    await api.db.prisma.session.updateMany({
      where,
      data: { createdAt, lastSeenAt: new Date(Date.now() - 5 * 60_000) },
    })
    expect((await browser.query('probe.signedIn')).status).toBe(200)
    const capped = await api.db.prisma.session.findFirstOrThrow({ where })
    expect(capped.expiresAt.getTime()).toBe(createdAt.getTime() + 12 * HOUR)
  })

  it('logs out: the session row is gone, the cookie cleared, the old token useless, and audited', async () => {
    const user = await addUser(api.db, 'petugas')
    const browser = new Browser(api.url)
    await browser.signIn(user.username, user.password)
    const token = browser.sessionToken

    const reply = await browser.mutation('auth.logout')
    expect(reply.status).toBe(200)
    expect(reply.setCookies[0]).toMatch(/^mejabantu_session=; .*Max-Age=0/)
    expect(browser.sessionToken).toBeNull()
    await expect(api.db.prisma.session.count({ where: { userId: user.id } })).resolves.toBe(0)

    browser.sessionToken = token // a copy of the cookie kept somewhere
    expect((await browser.query('auth.me')).status).toBe(401)
    await expect(
      api.db.prisma.auditEvent.count({ where: { action: 'auth.logout', actorId: user.id } }),
    ).resolves.toBe(1)
  })

  it('changes the password: old one refused, new one works, other sessions ended, this one kept', async () => {
    const user = await addUser(api.db, 'petugas')
    const here = new Browser(api.url)
    const elsewhere = new Browser(api.url)
    await here.signIn(user.username, user.password)
    await elsewhere.signIn(user.username, user.password)

    const reply = await here.mutation('auth.changePassword', {
      currentPassword: user.password,
      newPassword: 'correct horse battery',
    })
    expect(reply.status).toBe(200)
    expect((await here.query('auth.me')).status).toBe(200)
    expect((await elsewhere.query('auth.me')).body.error?.data).toMatchObject({
      rule: 'auth.session_expired',
    })

    const fresh = new Browser(api.url)
    expect(
      (await fresh.mutation('auth.login', { username: user.username, password: user.password })).status,
    ).toBe(401)
    expect(
      (await fresh.mutation('auth.login', { username: user.username, password: 'correct horse battery' }))
        .status,
    ).toBe(200)

    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'auth.password_change', targetId: user.id },
    })
    expect(audit.before).toEqual({ mustChangePassword: false })
    expect(audit.after).toEqual({ mustChangePassword: false, otherSessionsEnded: 1 })
    const snapshots = JSON.stringify([audit.before, audit.after])
    expect(snapshots).not.toContain('correct horse battery')
    expect(snapshots).not.toContain('$argon2')
  })

  it.each([
    ['too short', 'short', 'password.too_short', { min: '10' }],
    ['the username', null, 'password.equals_username', {}],
    ['unchanged', 'CURRENT', 'password.unchanged', {}],
  ])('refuses a new password that is %s, changing nothing', async (_case, next, rule, params) => {
    const user = await addUser(api.db, 'petugas')
    const browser = new Browser(api.url)
    await browser.signIn(user.username, user.password)
    const newPassword =
      next === null ? user.username.toUpperCase() : next === 'CURRENT' ? user.password : next
    const before = await api.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })

    const reply = await browser.mutation('auth.changePassword', {
      currentPassword: user.password,
      newPassword,
    })
    expect(reply.status).toBe(400)
    expect(reply.body.error?.data).toMatchObject({
      rule,
      params,
      message: { id: expect.any(String), en: expect.any(String) },
    })
    await expect(api.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).resolves.toEqual(before)
    await expect(
      api.db.prisma.auditEvent.count({
        where: { targetId: user.id, action: { startsWith: 'auth.password' } },
      }),
    ).resolves.toBe(0)
  })

  it('refuses a wrong current password and counts it towards the sign-in lockout', async () => {
    const user = await addUser(api.db, 'petugas')
    const browser = new Browser(api.url)
    await browser.signIn(user.username, user.password)
    const attempt = (currentPassword: string) =>
      browser.mutation('auth.changePassword', { currentPassword, newPassword: 'another long passphrase' })

    const first = await attempt('not-the-password')
    expect(first.status).toBe(400)
    expect(first.body.error?.data).toMatchObject({ rule: 'auth.current_password_wrong' })
    for (let i = 0; i < 3; i++) await attempt(`still-wrong-${i}`)
    expect((await attempt('last-wrong')).body.error?.data).toMatchObject({ rule: 'auth.locked' })
    expect((await attempt(user.password)).status).toBe(429)
    const stored = await api.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(await verifyPassword(stored.passwordHash, user.password), 'password unchanged').toBe(true)
    await expect(
      api.db.prisma.auditEvent.count({ where: { action: 'auth.password_change.failed', targetId: user.id } }),
    ).resolves.toBe(5)
  })
})
