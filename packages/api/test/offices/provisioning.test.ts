import { applyMigrations, openDatabase, type Database } from '@mejabantu/db'
import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureFirstRun } from '../../src/offices/first-run.ts'
import { Browser } from '../support/browser.ts'
import { serveApi, type ServedApi } from '../support/api-server.ts'
import { data, ruleOf } from '../support/nomination.ts'

interface Issued {
  user: { id: string; username: string; officeId: string; role: string }
  oneTimePassword: string
}
interface Office {
  id: string
  regionCode: string
  level: string
  parentId: string | null
}

const chosen = 'a long chosen passphrase'

// A national server set up entirely through the API the console calls: first run gives KPU RI its admin,
// who adds DI Yogyakarta and its admin, who adds Sleman and its admin.
describe.each(testTargets())('setting up a national install on $kind', (target) => {
  let db: Database
  let served: ServedApi
  let dispose: () => Promise<void>
  let national: Browser
  let province: Browser
  let sleman: Browser
  const office: Record<string, string> = {}
  const actor: Record<string, string> = {}

  beforeAll(async () => {
    const fresh = await target.create()
    db = await openDatabase(fresh.options)
    await applyMigrations(db)
    served = await serveApi(db)
    dispose = fresh.dispose
  })
  afterAll(async () => {
    await served?.close()
    await db?.close()
    await dispose?.()
  })

  /** Signs in with a one-time password and replaces it, as the console's first sign-in does. */
  const firstSignIn = async (username: string, oneTimePassword: string) => {
    const browser = new Browser(served.url)
    await browser.signIn(username, oneTimePassword)
    data(
      await browser.mutation('auth.changePassword', {
        currentPassword: oneTimePassword,
        newPassword: chosen,
      }),
    )
    return browser
  }
  const me = async (browser: Browser) =>
    data<{ user: { id: string }; office: { regionCode: string } }>(await browser.query('auth.me'))
  const auditOf = (action: string, targetId: string) =>
    db.prisma.auditEvent.findFirstOrThrow({ where: { action, targetId } })
  const counts = async () => ({
    offices: await db.prisma.office.count(),
    users: await db.prisma.user.count(),
    audits: await db.prisma.auditEvent.count(),
  })

  it('starts with KPU RI and its administrator only', async () => {
    const { admin } = await ensureFirstRun(db, { topOffice: { regionCode: '00' } })
    expect(admin?.office.regionCode).toBe('00')
    national = await firstSignIn(admin!.username, admin!.password)
    const session = await me(national)
    expect(session.office.regionCode).toBe('00')
    actor.national = session.user.id
    office.national = (await db.prisma.office.findUniqueOrThrow({ where: { regionCode: '00' } })).id
    expect(await db.prisma.office.count()).toBe(1)
  })

  it('lets the KPU RI admin add DI Yogyakarta and give it its first admin, audited', async () => {
    const diy = data<Office>(
      await national.mutation('admin.offices.create', {
        name: 'KPU Daerah Istimewa Yogyakarta',
        level: 'PROVINSI',
        regionCode: '34',
        timeZone: 'WIB',
        parentId: office.national,
      }),
    )
    office.diy = diy.id
    expect(diy).toMatchObject({ level: 'PROVINSI', parentId: office.national })
    expect(await auditOf('office.create', diy.id)).toMatchObject({
      actorId: actor.national,
      after: { regionCode: '34', level: 'PROVINSI' },
    })

    const issued = data<Issued>(
      await national.mutation('admin.users.create', {
        officeId: diy.id,
        username: 'admin.diy',
        displayName: 'Admin KPU DIY',
        role: 'admin',
      }),
    )
    expect(issued.user).toMatchObject({ officeId: diy.id, role: 'admin' })
    expect(await auditOf('user.create', issued.user.id)).toMatchObject({
      actorId: actor.national,
      after: { officeId: diy.id, role: 'admin', username: 'admin.diy' },
    })
    province = await firstSignIn('admin.diy', issued.oneTimePassword)
    actor.province = (await me(province)).user.id
  })

  it('lets the province admin add Sleman and its admin, who signs in to Sleman', async () => {
    const kab = data<Office>(
      await province.mutation('admin.offices.create', {
        name: 'KPU Kabupaten Sleman',
        level: 'KABKOTA',
        regionCode: '34.04',
        timeZone: 'WIB',
        parentId: office.diy,
      }),
    )
    office.sleman = kab.id
    expect(await auditOf('office.create', kab.id)).toMatchObject({ actorId: actor.province })

    const issued = data<Issued>(
      await province.mutation('admin.users.create', {
        officeId: kab.id,
        username: 'admin.sleman',
        displayName: 'Admin KPU Sleman',
        role: 'admin',
      }),
    )
    expect(await auditOf('user.create', issued.user.id)).toMatchObject({
      actorId: actor.province,
      after: { officeId: kab.id, role: 'admin' },
    })
    sleman = await firstSignIn('admin.sleman', issued.oneTimePassword)
    expect((await me(sleman)).office.regionCode).toBe('34.04')
    const listed = data<Office[]>(await sleman.query('admin.offices.list'))
    expect(listed.map((o) => o.regionCode)).toEqual(['34.04'])
  })

  it('keeps the Sleman admin from adding a sibling or accounts in DI Yogyakarta or KPU RI', async () => {
    const before = await counts()
    const sibling = await sleman.mutation('admin.offices.create', {
      name: 'KPU Kabupaten Bantul',
      level: 'KABKOTA',
      regionCode: '34.02',
      timeZone: 'WIB',
      parentId: office.diy,
    })
    expect([sibling.status, ruleOf(sibling)]).toEqual([403, 'office.parent.outside'])
    expect(sibling.body.error?.data.message).toEqual({
      id: expect.stringContaining('di bawah kantor Anda'),
      en: expect.stringContaining('below it'),
    })
    for (const officeId of [office.diy, office.national]) {
      const upward = await sleman.mutation('admin.users.create', {
        officeId,
        username: 'admin.naik',
        displayName: 'Admin naik',
        role: 'admin',
      })
      expect([upward.status, ruleOf(upward)]).toEqual([403, 'tenancy.office'])
    }
    expect(await counts()).toEqual(before)
  })

  it('keeps a petugas from adding offices', async () => {
    const issued = data<Issued>(
      await sleman.mutation('admin.users.create', {
        username: 'petugas.sleman',
        displayName: 'Petugas Sleman',
        role: 'petugas',
      }),
    )
    expect(issued.user.officeId).toBe(office.sleman)
    const petugas = await firstSignIn('petugas.sleman', issued.oneTimePassword)
    const before = await counts()
    const reply = await petugas.mutation('admin.offices.create', {
      name: 'KPU Kabupaten Kulon Progo',
      level: 'KABKOTA',
      regionCode: '34.01',
      timeZone: 'WIB',
      parentId: office.diy,
    })
    expect([reply.status, ruleOf(reply)]).toEqual([403, 'auth.forbidden'])
    expect(await counts()).toEqual(before)
  })
})
