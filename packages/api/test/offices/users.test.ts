import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser } from '../support/browser.ts'
import { data, ensureOffice, ruleOf, signInAt } from '../support/nomination.ts'

interface Account {
  id: string
  officeId: string
  username: string
  displayName: string
  role: string
  mustChangePassword: boolean
  active: boolean
}
interface Issued {
  user: Account
  oneTimePassword: string
}

const newPassword = 'a long chosen passphrase'

describe.each(testTargets())('admin.users on $kind', (target) => {
  let api: ApiFixture
  let bantulAdmin: Browser & { userId: string }
  let provinceAdmin: Browser & { userId: string }
  const office: Record<string, string> = {}

  beforeAll(async () => {
    api = await startApi(target)
    office.sleman = await ensureOffice(api.db, {
      regionCode: '34.04',
      name: 'KPU Kabupaten Sleman',
      level: 'KABKOTA',
      parentRegionCode: '34',
    })
    office.bantul = (await api.db.prisma.office.findUniqueOrThrow({ where: { regionCode: '34.02' } })).id
    bantulAdmin = await signInAt(api, '34.02', 'admin')
    provinceAdmin = await signInAt(api, '34', 'admin')
  })
  afterAll(() => api.close())
  beforeEach(() => api.db.prisma.rateLimit.deleteMany())

  const users = () =>
    api.db.prisma.user.findMany({
      orderBy: { username: 'asc' },
      select: { id: true, username: true, role: true, passwordHash: true, mustChangePassword: true },
    })
  const state = async () => ({
    users: await users(),
    sessions: await api.db.prisma.session.count(),
    audits: await api.db.prisma.auditEvent.count({
      where: { targetType: 'User', action: { startsWith: 'user.' } },
    }),
  })
  const signIn = (username: string, password: string) =>
    new Browser(api.url).mutation('auth.login', { username, password })
  const create = async (by: Browser, input: Record<string, unknown>) =>
    data<Issued>(await by.mutation('admin.users.create', input))

  it('creates an account with a one-time password shown once, hashed, audited without secrets', async () => {
    const issued = await create(bantulAdmin, {
      username: ' Rina.Petugas ',
      displayName: 'Rina',
      role: 'petugas',
    })
    expect(issued.user).toMatchObject({
      officeId: office.bantul,
      username: 'rina.petugas',
      role: 'petugas',
      mustChangePassword: true,
      active: true,
    })
    expect(issued.oneTimePassword).toMatch(/^[A-Za-z2-9]{14}$/)
    const row = await api.db.prisma.user.findUniqueOrThrow({ where: { id: issued.user.id } })
    expect(row.passwordHash).toMatch(/^\$argon2id\$/)
    expect(row.passwordHash).not.toContain(issued.oneTimePassword)

    const login = await signIn('rina.petugas', issued.oneTimePassword)
    expect(login.status).toBe(200)
    expect(login.body.result?.data).toMatchObject({ mustChangePassword: true, role: 'petugas' })

    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.create', targetId: issued.user.id },
    })
    expect(audit).toMatchObject({
      actorId: bantulAdmin.userId,
      after: { username: 'rina.petugas', role: 'petugas', officeId: office.bantul, displayName: 'Rina' },
    })
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(
      new RegExp(`${issued.oneTimePassword}|argon2`),
    )

    const listed = data<Account[]>(await bantulAdmin.query('admin.users.list'))
    expect(listed.find((u) => u.id === issued.user.id)).toEqual({
      ...issued.user,
      createdAt: expect.any(Date),
    })
    expect(JSON.stringify(listed)).not.toContain('argon2')
  })

  it('refuses a username already taken and input a sign-in could not type, changing nothing', async () => {
    const before = await state()
    const taken = await bantulAdmin.mutation('admin.users.create', {
      username: 'RINA.PETUGAS',
      displayName: 'Rina Lain',
      role: 'pimpinan',
    })
    expect([taken.status, ruleOf(taken)]).toEqual([409, 'user.username.taken'])
    const odd = await bantulAdmin.mutation('admin.users.create', {
      username: 'rina petugas',
      displayName: 'Rina',
      role: 'petugas',
    })
    expect([odd.status, ruleOf(odd)]).toEqual([400, 'input.invalid'])
    expect(await state()).toEqual(before)
  })

  it('lets a Provinsi admin give an office below it its first admin, but not a sibling office', async () => {
    const issued = await create(provinceAdmin, {
      officeId: office.sleman,
      username: 'admin.sleman',
      displayName: 'Admin Sleman',
      role: 'admin',
    })
    expect(issued.user).toMatchObject({ officeId: office.sleman, role: 'admin' })
    const listed = data<Account[]>(await provinceAdmin.query('admin.users.list', { officeId: office.sleman }))
    expect(listed.map((u) => u.username)).toEqual(['admin.sleman'])

    const before = await state()
    const sibling = await bantulAdmin.mutation('admin.users.create', {
      officeId: office.sleman,
      username: 'penyusup',
      displayName: 'Penyusup',
      role: 'admin',
    })
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
    const list = await bantulAdmin.query('admin.users.list', { officeId: office.sleman })
    expect([list.status, ruleOf(list)]).toEqual([403, 'tenancy.office'])
    expect(await state()).toEqual(before)
  })

  it('refuses a Kab/Kota admin accounts in the offices above it', async () => {
    const national = (await api.db.prisma.office.findUniqueOrThrow({ where: { regionCode: '00' } })).id
    const province = (await api.db.prisma.office.findUniqueOrThrow({ where: { regionCode: '34' } })).id
    const before = await state()
    for (const officeId of [province, national]) {
      const upward = await bantulAdmin.mutation('admin.users.create', {
        officeId,
        username: `naik-${officeId.slice(0, 8)}`,
        displayName: 'Naik pangkat',
        role: 'admin',
      })
      expect([upward.status, ruleOf(upward)]).toEqual([403, 'tenancy.office'])
      expect(upward.body.error?.data.message).toEqual({ id: expect.any(String), en: expect.any(String) })
    }
    expect(await state()).toEqual(before)
  })

  it('changes a role, effective on the user’s next request, audited', async () => {
    const issued = await create(bantulAdmin, { username: 'dimas', displayName: 'Dimas', role: 'petugas' })
    const dimas = new Browser(api.url)
    await dimas.signIn('dimas', issued.oneTimePassword)
    await dimas.mutation('auth.changePassword', { currentPassword: issued.oneTimePassword, newPassword })

    const changed = data<Account>(
      await bantulAdmin.mutation('admin.users.setRole', { userId: issued.user.id, role: 'pimpinan' }),
    )
    expect(changed.role).toBe('pimpinan')
    expect(data<{ role: string; permissions: string[] }>(await dimas.query('auth.me'))).toMatchObject({
      role: 'pimpinan',
      permissions: expect.arrayContaining(['rollup.read']),
    })
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.setRole', targetId: issued.user.id },
    })
    expect(audit).toMatchObject({ before: { role: 'petugas' }, after: { role: 'pimpinan' } })
  })

  it('never leaves an office without an active admin', async () => {
    const soleAdmin = await api.db.prisma.user.findUniqueOrThrow({ where: { username: 'admin.sleman' } })
    await ensureOffice(api.db, {
      regionCode: '34.03',
      name: 'KPU Kabupaten Gunungkidul',
      level: 'KABKOTA',
      parentRegionCode: '34',
    })
    const alone = await signInAt(api, '34.03', 'admin')
    const before = await state()
    for (const reply of [
      await provinceAdmin.mutation('admin.users.setRole', { userId: soleAdmin.id, role: 'petugas' }),
      await provinceAdmin.mutation('admin.users.deactivate', { userId: soleAdmin.id }),
      // The same holds for an admin demoting themselves.
      await alone.mutation('admin.users.setRole', { userId: alone.userId, role: 'petugas' }),
    ]) {
      expect([reply.status, ruleOf(reply)]).toEqual([400, 'user.lastAdmin'])
      expect(reply.body.error?.data.message).toMatchObject({ id: expect.stringContaining('admin aktif') })
    }
    expect(await state()).toEqual(before)
  })

  it('lets only one of two admins demoting each other at once succeed', async () => {
    await ensureOffice(api.db, {
      regionCode: '34.71',
      name: 'KPU Kota Yogyakarta',
      level: 'KABKOTA',
      parentRegionCode: '34',
    })
    const first = await signInAt(api, '34.71', 'admin')
    const second = await signInAt(api, '34.71', 'admin')
    const replies = await Promise.all([
      first.mutation('admin.users.setRole', { userId: second.userId, role: 'petugas' }),
      second.mutation('admin.users.setRole', { userId: first.userId, role: 'petugas' }),
    ])
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1)
    const loser = replies.find((r) => r.status !== 200)!
    expect(['user.lastAdmin', 'auth.forbidden']).toContain(ruleOf(loser))
    const officeId = (await api.db.prisma.office.findUniqueOrThrow({ where: { regionCode: '34.71' } })).id
    expect(await api.db.prisma.user.count({ where: { officeId, role: 'admin' } })).toBe(1)
  })

  it('deactivates an account: its sessions end, no password opens it, the list says inactive', async () => {
    const issued = await create(bantulAdmin, { username: 'eko', displayName: 'Eko', role: 'petugas' })
    const eko = new Browser(api.url)
    await eko.signIn('eko', issued.oneTimePassword)
    await eko.mutation('auth.changePassword', { currentPassword: issued.oneTimePassword, newPassword })
    expect((await eko.query('auth.me')).status).toBe(200)

    const deactivated = data<Account>(
      await bantulAdmin.mutation('admin.users.deactivate', { userId: issued.user.id }),
    )
    expect(deactivated).toMatchObject({ active: false })
    expect(ruleOf(await eko.query('auth.me'))).toBe('auth.session_expired')
    expect(ruleOf(await signIn('eko', newPassword))).toBe('auth.invalid_credentials')
    const listed = data<Account[]>(await bantulAdmin.query('admin.users.list'))
    expect(listed.find((u) => u.id === issued.user.id)?.active).toBe(false)
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.deactivate', targetId: issued.user.id },
    })
    expect(audit).toMatchObject({ before: { active: true }, after: { active: false, sessionsEnded: 1 } })

    const before = await state()
    for (const [path, rule] of [
      ['admin.users.deactivate', 'user.inactive'],
      ['admin.users.resetPassword', 'user.inactive'],
    ] as const) {
      const reply = await bantulAdmin.mutation(path, { userId: issued.user.id })
      expect([reply.status, ruleOf(reply)]).toEqual([400, rule])
    }
    const role = await bantulAdmin.mutation('admin.users.setRole', { userId: issued.user.id, role: 'admin' })
    expect(ruleOf(role)).toBe('user.inactive')
    expect(await state()).toEqual(before)

    // Reactivation: a new one-time password, shown once, that opens the account again.
    const reactivated = data<Issued>(
      await bantulAdmin.mutation('admin.users.reactivate', { userId: issued.user.id }),
    )
    expect(reactivated.user).toMatchObject({ active: true, mustChangePassword: true })
    const login = await signIn('eko', reactivated.oneTimePassword)
    expect(login.body.result?.data).toMatchObject({ mustChangePassword: true })
    const again = await bantulAdmin.mutation('admin.users.reactivate', { userId: issued.user.id })
    expect([again.status, ruleOf(again)]).toEqual([400, 'user.active'])
  })

  it('resets a forgotten password: sessions end, the old password fails, the new one-time one works', async () => {
    const issued = await create(bantulAdmin, { username: 'fitri', displayName: 'Fitri', role: 'pengawas' })
    const fitri = new Browser(api.url)
    await fitri.signIn('fitri', issued.oneTimePassword)
    await fitri.mutation('auth.changePassword', { currentPassword: issued.oneTimePassword, newPassword })

    const reset = data<Issued>(
      await bantulAdmin.mutation('admin.users.resetPassword', { userId: issued.user.id }),
    )
    expect(reset.oneTimePassword).not.toBe(issued.oneTimePassword)
    expect(reset.user).toMatchObject({ active: true, mustChangePassword: true })
    expect(ruleOf(await fitri.query('auth.me'))).toBe('auth.session_expired')
    expect(ruleOf(await signIn('fitri', newPassword))).toBe('auth.invalid_credentials')
    expect((await signIn('fitri', reset.oneTimePassword)).status).toBe(200)
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.resetPassword', targetId: issued.user.id },
    })
    expect(audit.after).toEqual({ active: true, mustChangePassword: true, sessionsEnded: 1 })
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(
      new RegExp(`${reset.oneTimePassword}|argon2`),
    )
  })

  it('lets nobody deactivate or reset themselves, and refuses unknown and other offices’ accounts', async () => {
    const other = await signInAt(api, '34.04', 'petugas')
    const before = await state()
    for (const path of ['admin.users.deactivate', 'admin.users.resetPassword']) {
      const self = await bantulAdmin.mutation(path, { userId: bantulAdmin.userId })
      expect([self.status, ruleOf(self)]).toEqual([400, 'user.self'])
      const unknown = await bantulAdmin.mutation(path, { userId: '00000000-0000-4000-8000-000000000000' })
      expect([unknown.status, ruleOf(unknown)]).toEqual([404, 'user.notFound'])
      const sibling = await bantulAdmin.mutation(path, { userId: other.userId })
      expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'tenancy.office'])
    }
    expect(await state()).toEqual(before)
    expect((await other.query('auth.me')).status).toBe(200)
  })

  it('refuses staff without admin.manage', async () => {
    const petugas = await signInAt(api, '34.02', 'petugas')
    const before = await state()
    const reply = await petugas.mutation('admin.users.create', {
      username: 'x-user',
      displayName: 'X',
      role: 'admin',
    })
    expect([reply.status, ruleOf(reply)]).toEqual([403, 'auth.forbidden'])
    const promote = await petugas.mutation('admin.users.setRole', { userId: petugas.userId, role: 'admin' })
    expect([promote.status, ruleOf(promote)]).toEqual([403, 'auth.forbidden'])
    expect(await state()).toEqual(before)
  })
})
