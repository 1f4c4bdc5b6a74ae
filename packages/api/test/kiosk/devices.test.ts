import { createHash } from 'node:crypto'
import { testTargets } from '@mejabantu/db/testing'
import { PAIRING_ALPHABET } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pairingPolicy } from '../../src/kiosk/devices-pairing.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser } from '../support/browser.ts'
import {
  dataOf,
  guestBookCounts,
  KioskBrowser,
  pairKiosk,
  testOffice,
  type TestOffice,
} from '../support/kiosk.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const snapshots = (audit: { before: unknown; after: unknown }) => JSON.stringify([audit.before, audit.after])

interface DeviceView {
  id: string
  officeId: string
  name: string
  pairedAt: Date | null
  lastSeenAt: Date | null
  revokedAt: Date | null
  pairingExpiresAt: Date | null
}

describe.each(testTargets())('kiosk devices on $kind', (target) => {
  let api: ApiFixture
  let office: TestOffice
  let other: TestOffice
  let admin: Browser
  beforeAll(async () => {
    api = await startApi(target)
    office = await testOffice(api.db, api.url)
    other = await testOffice(api.db, api.url)
    admin = await office.as('admin')
  })
  afterAll(() => api.close())

  async function createDevice(name = 'Kios pintu depan') {
    return dataOf<{ device: DeviceView; pairingCode: string }>(
      await admin.mutation('devices.create', { name }),
    )
  }

  const pair = (code: string) => new Browser(api.url).mutation('kiosk.pair', { code })

  it('creates a device with a one-time code shown once, stored only as its sha256, for 15 minutes', async () => {
    const before = Date.now()
    const { device, pairingCode } = await createDevice()

    expect(pairingCode).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{4}-[${PAIRING_ALPHABET}]{4}$`))
    expect(device).toMatchObject({
      officeId: office.id,
      name: 'Kios pintu depan',
      pairedAt: null,
      revokedAt: null,
    })
    const expires = device.pairingExpiresAt!.getTime()
    expect(expires).toBeGreaterThanOrEqual(before + 15 * 60_000 - 1000)
    expect(expires).toBeLessThanOrEqual(Date.now() + 15 * 60_000)

    const row = await api.db.prisma.kioskDevice.findUniqueOrThrow({ where: { id: device.id } })
    expect(row.pairingCodeHash).toBe(sha256(pairingCode.replace('-', '')))
    expect(row.tokenHash).toBeNull()
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'device.create', targetId: device.id },
    })
    expect(snapshots(audit)).not.toContain(row.pairingCodeHash!)
    expect(snapshots(audit)).not.toContain(pairingCode.replace('-', ''))
  })

  it('pairs a tablet once: the token works, is stored only hashed, and the code is spent', async () => {
    const { device, pairingCode } = await createDevice()
    // Typed on a tablet: lower case, without the dash.
    const reply = await pair(pairingCode.toLowerCase().replace('-', ' '))
    const pairing = dataOf<{ token: string; device: { id: string }; office: { id: string; name: string } }>(
      reply,
    )
    expect(pairing.device.id).toBe(device.id)
    expect(pairing.office.id).toBe(office.id)
    expect(pairing.token.length).toBeGreaterThanOrEqual(43)

    const row = await api.db.prisma.kioskDevice.findUniqueOrThrow({ where: { id: device.id } })
    expect(row).toMatchObject({
      tokenHash: sha256(pairing.token),
      pairingCodeHash: null,
      pairingExpiresAt: null,
    })
    expect(row.pairedAt).toBeInstanceOf(Date)
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'device.pair', targetId: device.id },
    })
    expect(snapshots(audit)).not.toContain(pairing.token)
    expect(snapshots(audit)).not.toContain(row.tokenHash!)

    const kiosk = new KioskBrowser(api.url, pairing.token, device.id)
    expect((await kiosk.query('kiosk.office')).status).toBe(200)

    const before = await guestBookCounts(api.db)
    const again = await pair(pairingCode)
    expect(again.status).toBe(400)
    expect(again.body.error?.data).toMatchObject({
      rule: 'kiosk.pairing_code_invalid',
      message: {
        id: expect.stringContaining('Kode aktivasi'),
        en: expect.stringContaining('pairing code'),
      },
    })
    // Nothing changes but the trail of the wrong attempt.
    expect(await guestBookCounts(api.db)).toEqual({ ...before, audit: before.audit + 1 })
  })

  it('lets only one of two tablets racing with the same code pair', async () => {
    const { pairingCode } = await createDevice()
    const replies = await Promise.all([pair(pairingCode), pair(pairingCode), pair(pairingCode)])
    expect(replies.map((r) => r.status).sort()).toEqual([200, 400, 400])
  })

  it('refuses an unknown, an expired and a revoked code alike, changing nothing', async () => {
    const expired = await createDevice('Kios kedaluwarsa')
    await api.db.prisma.kioskDevice.update({
      where: { id: expired.device.id },
      data: { pairingExpiresAt: new Date(Date.now() - 1000) },
    })
    const revoked = await createDevice('Kios dicabut')
    dataOf(await admin.mutation('devices.revoke', { id: revoked.device.id }))

    const before = await guestBookCounts(api.db)
    for (const code of ['ABCD-EFGH', expired.pairingCode, revoked.pairingCode]) {
      const reply = await pair(code)
      expect([reply.status, reply.body.error?.data.rule], code).toEqual([400, 'kiosk.pairing_code_invalid'])
    }
    expect(await guestBookCounts(api.db)).toEqual({ ...before, audit: before.audit + 3 })
  })

  it('refuses a malformed code with input.invalid', async () => {
    for (const code of ['', 'ABC', 'O0O0-I1I1', 'ABCD-EFGH-J']) {
      const reply = await pair(code)
      expect([reply.status, reply.body.error?.data.rule], code).toEqual([400, 'input.invalid'])
    }
  })

  it('lists the office’s devices with when each was last seen, marking a device seen at most once a minute', async () => {
    const kiosk = await pairKiosk(admin, api.url)
    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000)
    await api.db.prisma.kioskDevice.update({
      where: { id: kiosk.deviceId },
      data: { lastSeenAt: twoMinutesAgo },
    })

    expect((await kiosk.query('kiosk.office')).status).toBe(200)
    const seen = (await api.db.prisma.kioskDevice.findUniqueOrThrow({ where: { id: kiosk.deviceId } }))
      .lastSeenAt!
    expect(seen.getTime()).toBeGreaterThan(twoMinutesAgo.getTime())
    expect((await kiosk.query('kiosk.office')).status).toBe(200)
    const still = (await api.db.prisma.kioskDevice.findUniqueOrThrow({ where: { id: kiosk.deviceId } }))
      .lastSeenAt
    expect(still).toEqual(seen)

    const list = dataOf<DeviceView[]>(await admin.query('devices.list'))
    expect(list.every((d) => d.officeId === office.id)).toBe(true)
    expect(list.find((d) => d.id === kiosk.deviceId)).toMatchObject({
      lastSeenAt: seen,
      pairingExpiresAt: null,
    })
    expect(list.map((d) => d.name)).toContain('Kios pintu depan')
    expect(JSON.stringify(list)).not.toMatch(/hash|token/i)

    const theirs = dataOf<DeviceView[]>(await (await other.as('admin')).query('devices.list'))
    expect(theirs.some((d) => d.officeId === office.id)).toBe(false)
  })

  it('revokes a device: its token stops working at once, and revoking twice is refused', async () => {
    const kiosk = await pairKiosk(admin, api.url)
    const revoked = dataOf<DeviceView>(await admin.mutation('devices.revoke', { id: kiosk.deviceId }))
    expect(revoked.revokedAt).toBeInstanceOf(Date)
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'device.revoke', targetId: kiosk.deviceId },
    })
    expect(audit.after).toMatchObject({ revokedAt: revoked.revokedAt!.toISOString() })

    for (const reply of [await kiosk.query('kiosk.office'), await kiosk.mutation('kiosk.checkIn', {})]) {
      expect([reply.status, reply.body.error?.data.rule]).toEqual([401, 'kiosk.revoked'])
    }

    const before = await guestBookCounts(api.db)
    const twice = await admin.mutation('devices.revoke', { id: kiosk.deviceId })
    expect([twice.status, twice.body.error?.data.rule]).toEqual([409, 'device.already_revoked'])
    const unknown = await admin.mutation('devices.revoke', { id: '00000000-0000-4000-8000-000000000000' })
    expect([unknown.status, unknown.body.error?.data.rule]).toEqual([404, 'device.notFound'])
    expect(await guestBookCounts(api.db)).toEqual(before)
  })

  it("refuses another office's admin, changing nothing", async () => {
    const kiosk = await pairKiosk(admin, api.url)
    const otherAdmin = await other.as('admin')
    const before = await guestBookCounts(api.db)
    const revoke = await otherAdmin.mutation('devices.revoke', { id: kiosk.deviceId })
    expect([revoke.status, revoke.body.error?.data.rule]).toEqual([403, 'tenancy.office'])
    const list = await otherAdmin.query('devices.list', { officeId: office.id })
    expect([list.status, list.body.error?.data.rule]).toEqual([403, 'tenancy.office'])
    expect(await guestBookCounts(api.db)).toEqual(before)
    expect((await kiosk.query('kiosk.office')).status).toBe(200)
  })

  it('refuses staff without admin.manage', async () => {
    const petugas = await office.as('petugas')
    const before = await guestBookCounts(api.db)
    const reply = await petugas.mutation('devices.create', { name: 'Kios liar' })
    expect([reply.status, reply.body.error?.data.rule]).toEqual([403, 'auth.forbidden'])
    expect(await guestBookCounts(api.db)).toEqual(before)
  })

  describe('the kiosk guard', () => {
    it('refuses a call without a token, with an unknown token, or with a malformed header', async () => {
      const cases = [
        new Browser(api.url),
        new KioskBrowser(api.url, 'not-a-token', 'none'),
        new KioskBrowser(api.url, '', 'none'),
      ]
      for (const browser of cases) {
        const reply = await browser.query('kiosk.office')
        expect([reply.status, reply.body.error?.data.rule]).toEqual([401, 'kiosk.unpaired'])
        expect(reply.body.error?.data.message).toMatchObject({
          id: expect.stringContaining('belum terhubung'),
          en: expect.stringContaining('not paired'),
        })
      }
    })

    it('does not let a signed-in user call kiosk procedures, even an admin', async () => {
      const reply = await admin.query('kiosk.office')
      expect([reply.status, reply.body.error?.data.rule]).toEqual([401, 'kiosk.unpaired'])
    })

    it('does not let a kiosk token call anything but kiosk procedures', async () => {
      const kiosk = await pairKiosk(admin, api.url)
      for (const [path, type] of [
        ['auth.me', 'query'],
        ['visits.today', 'query'],
        ['devices.list', 'query'],
        ['queue.callNext', 'mutation'],
      ] as const) {
        const reply = type === 'query' ? await kiosk.query(path) : await kiosk.mutation(path)
        expect(reply.status, path).toBe(401)
      }
    })

    it('needs no CSRF token for kiosk mutations but refuses another site’s page', async () => {
      const kiosk = await pairKiosk(admin, api.url)
      const lookup = await kiosk.mutation('kiosk.lookup', { phone: '081234567890' }, { csrf: null })
      expect(lookup.status).toBe(200)
      const before = await guestBookCounts(api.db)
      const cross = await kiosk.mutation(
        'kiosk.lookup',
        { phone: '081234567890' },
        { origin: 'https://evil.example' },
      )
      expect([cross.status, cross.body.error?.data.rule]).toEqual([403, 'auth.cross_origin'])
      expect(await guestBookCounts(api.db)).toEqual(before)
    })
  })

  // Last in the file: it locks this address for pairing, and clears its counter after.
  it('slows guessing: wrong codes from one address lock pairing, even with a right code, audited', async () => {
    const { pairingCode } = await createDevice('Kios tebakan')
    const statuses: number[] = []
    for (let attempt = 0; attempt <= pairingPolicy.limit; attempt++)
      statuses.push((await pair('ZZZZ-ZZZZ')).status)
    expect(statuses.at(-1)).toBe(429)
    expect(statuses.every((status) => status === 400 || status === 429)).toBe(true)

    const right = await pair(pairingCode)
    expect([right.status, right.body.error?.data.rule]).toEqual([429, 'kiosk.pairing_locked'])
    expect(right.body.error?.data.message).toMatchObject({
      id: expect.stringContaining('Coba lagi'),
      en: expect.stringContaining('Try again'),
    })
    for (const action of ['device.pair.failed', 'device.pair.refused'])
      expect(await api.db.prisma.auditEvent.count({ where: { action } }), action).toBeGreaterThan(0)

    await api.db.prisma.rateLimit.deleteMany({ where: { key: { startsWith: 'pairing-ip:' } } })
    expect((await pair(pairingCode)).status).toBe(200)
  })
})
