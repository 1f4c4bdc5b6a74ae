import { testTargets } from '@mejabantu/db/testing'
import { localDay } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_CONSENT_TEXT } from '../../src/kiosk/consent-default.ts'
import { ensureFirstRun } from '../../src/offices/first-run.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { checkInInput, dataOf, guestBookCounts, testOffice, type TestOffice } from '../support/kiosk.ts'

interface ConsentList {
  current: string | null
  versions: { version: string; officeId: string | null; effectiveFrom: string; body: { id: string } }[]
}

const text = (version: string, effectiveFrom: string) => ({
  version,
  effectiveFrom,
  retentionDays: 120,
  body: {
    id: `Teks persetujuan kantor, versi ${version}, untuk buku tamu helpdesk.`,
    en: `Office consent text, version ${version}, for the help desk guest book.`,
  },
})

describe.each(testTargets())('consent texts on $kind', (target) => {
  let api: ApiFixture
  let office: TestOffice
  let other: TestOffice
  const today = localDay(new Date(), 'WIB')
  beforeAll(async () => {
    api = await startApi(target)
    office = await testOffice(api.db, api.url)
    other = await testOffice(api.db, api.url)
  })
  afterAll(() => api.close())

  it('starts with the default text seeded on first run, current for every office', async () => {
    const list = dataOf<ConsentList>(await (await office.as('admin')).query('consent.list'))
    expect(list.current).toBe(DEFAULT_CONSENT_TEXT.version)
    expect(list.versions).toEqual([
      expect.objectContaining({
        version: DEFAULT_CONSENT_TEXT.version,
        officeId: null,
        effectiveFrom: '2024-01-01',
      }),
    ])
    const kiosk = await office.kiosk()
    const shown = dataOf<{ consent: { version: string; body: { id: string; en: string } } }>(
      await kiosk.query('kiosk.office'),
    )
    expect(shown.consent).toMatchObject({
      version: DEFAULT_CONSENT_TEXT.version,
      body: DEFAULT_CONSENT_TEXT.body,
    })
  })

  it("adds a version for the admin's own office, which its kiosk shows from its effective date", async () => {
    const admin = await office.as('admin')
    const added = dataOf<{ version: string; officeId: string }>(
      await admin.mutation('consent.add', text('uji-2024-09', today)),
    )
    expect(added).toMatchObject({ version: 'uji-2024-09', officeId: office.id })
    dataOf(await admin.mutation('consent.add', text('uji-future', '2099-01-01')))

    const list = dataOf<ConsentList>(await admin.query('consent.list'))
    expect(list.current).toBe('uji-2024-09')
    expect(list.versions.map((v) => v.version)).toEqual([
      'uji-future',
      'uji-2024-09',
      DEFAULT_CONSENT_TEXT.version,
    ])
    const kiosk = await office.kiosk()
    expect(dataOf<{ consent: { version: string } }>(await kiosk.query('kiosk.office')).consent.version).toBe(
      'uji-2024-09',
    )
    const stored = await api.db.prisma.consentText.findFirstOrThrow({
      where: { officeId: office.id, version: 'uji-2024-09' },
    })
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'consent.add', targetType: 'ConsentText', targetId: stored.id },
    })
    expect(audit.after).toMatchObject({
      officeId: office.id,
      version: 'uji-2024-09',
      effectiveFrom: today,
      retentionDays: 120,
    })

    // Another office still shows the default, and cannot check a visitor in under this office's text.
    const theirs = dataOf<ConsentList>(await (await other.as('admin')).query('consent.list'))
    expect(theirs.current).toBe(DEFAULT_CONSENT_TEXT.version)
    expect(theirs.versions.map((v) => v.version)).toEqual([DEFAULT_CONSENT_TEXT.version])
    const theirKiosk = await other.kiosk()
    const refused = await theirKiosk.mutation(
      'kiosk.checkIn',
      checkInInput({ consentVersion: 'uji-2024-09' }),
    )
    expect([refused.status, refused.body.error?.data.rule]).toEqual([400, 'consent.unknown_version'])
  })

  it('never edits a version: adding a taken version name is refused and changes nothing', async () => {
    const admin = await office.as('admin')
    dataOf(await admin.mutation('consent.add', text('uji-tetap', today)))
    const before = await guestBookCounts(api.db)
    for (const version of ['uji-tetap', DEFAULT_CONSENT_TEXT.version]) {
      const reply = await admin.mutation('consent.add', { ...text(version, today), retentionDays: 7 })
      expect([reply.status, reply.body.error?.data.rule], version).toEqual([409, 'consent.version_taken'])
      expect(reply.body.error?.data.message).toMatchObject({
        id: expect.stringContaining('sudah ada'),
        en: expect.stringContaining('already exists'),
      })
    }
    expect(await guestBookCounts(api.db)).toEqual(before)
    const stored = await api.db.prisma.consentText.findFirstOrThrow({ where: { version: 'uji-tetap' } })
    expect(stored.retentionDays).toBe(120)
  })

  it('names versions per office: another office may reuse a name, and a refusal reveals no other names', async () => {
    const theirs = await other.as('admin')
    dataOf(await theirs.mutation('consent.add', text('sleman-2024', today)))
    dataOf(await theirs.mutation('consent.add', text('bersama-2024', today)))
    const admin = await office.as('admin')
    dataOf(await admin.mutation('consent.add', text('bersama-2024', today)))

    const mine = await api.db.prisma.consentText.findFirstOrThrow({
      where: { officeId: office.id, version: 'bersama-2024' },
    })
    expect(mine.retentionDays).toBe(120)
    const kiosk = await office.kiosk()
    dataOf(await kiosk.mutation('kiosk.checkIn', checkInInput({ consentVersion: 'bersama-2024' })))
    const list = dataOf<ConsentList>(await admin.query('consent.list'))
    expect(list.versions.map((v) => v.version)).not.toContain('sleman-2024')

    const again = await admin.mutation('consent.add', text('bersama-2024', today))
    expect([again.status, again.body.error?.data.rule]).toEqual([409, 'consent.version_taken'])
    expect(again.text).not.toContain('sleman-2024')
    const foreign = await admin.mutation('consent.add', text('sleman-2024', today))
    expect(foreign.status).toBe(200)
  })

  it('refuses a text the domain schema refuses, other offices, and roles without admin.manage', async () => {
    const admin = await office.as('admin')
    const pimpinan = await office.as('pimpinan')
    const before = await guestBookCounts(api.db)
    const short = await admin.mutation('consent.add', {
      ...text('uji-pendek', today),
      body: { id: 'x', en: 'y' },
    })
    expect([short.status, short.body.error?.data.rule]).toEqual([400, 'input.invalid'])
    const forbidden = await pimpinan.mutation('consent.add', text('uji-pimpinan', today))
    expect([forbidden.status, forbidden.body.error?.data.rule]).toEqual([403, 'auth.forbidden'])
    const otherOffice = await admin.query('consent.list', { officeId: other.id })
    expect([otherOffice.status, otherOffice.body.error?.data.rule]).toEqual([403, 'tenancy.office'])
    expect(await guestBookCounts(api.db)).toEqual(before)
  })

  it('seeds the default on any start without a consent text, and only then', async () => {
    await ensureFirstRun(api.db)
    expect(await api.db.prisma.consentText.count({ where: { officeId: null } })).toBe(1)
    await api.db.prisma.consentText.deleteMany()
    await ensureFirstRun(api.db)
    const seeded = await api.db.prisma.consentText.findMany()
    expect(seeded.map((t) => [t.version, t.officeId])).toEqual([[DEFAULT_CONSENT_TEXT.version, null]])
  })
})
