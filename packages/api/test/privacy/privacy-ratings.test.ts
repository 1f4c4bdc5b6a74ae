import { randomUUID } from 'node:crypto'
import { testTargets } from '@mejabantu/db/testing'
import { PERSONAL_FIELDS } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runRetentionEverywhere } from '../../src/privacy/retention.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import { seedOffices, signInStaff, type Staff } from '../support/consultation-fixtures.ts'
import { guestVisiting, RINA_PII } from '../support/privacy-fixtures.ts'

const PHONE = '+6281377771234'

/** The askers' rating comments, promised to be scrubbed like the sheet's own text. */
describe.each(testTargets())('rating comments under erasure and retention on $kind', (target) => {
  let api: ApiFixture
  let officeId: string
  let admin: Staff

  beforeAll(async () => {
    api = await startApi(target)
    officeId = (await seedOffices(api.db))['34.02']!
    admin = await signInStaff(api.db, api.url, '34.02', 'admin')
    data(
      await admin.mutation('elections.create', {
        name: 'Pilkada 2024 Bantul',
        kind: 'bupati',
        regionCode: '34.02',
        year: 2024,
      }),
    )
  })
  afterAll(() => api.close())

  /** A closed sheet with its asker's rating, written as closing and rating would. */
  const ratedSheet = async (fields: Record<string, unknown>, comment: string) => {
    const sheet = await api.db.prisma.consultation.create({
      data: {
        officeId,
        number: `LK-NILAI-${randomUUID().slice(0, 8)}`,
        channel: 'email',
        askerName: 'Budi Santoso',
        stakeholderCategory: 'lo',
        topic: 'silon',
        question: 'Cara unggah dokumen?',
        answer: 'Lewat menu unggah.',
        status: 'selesai',
        occurredAt: new Date(),
        closedAt: new Date(),
        ...fields,
      },
    })
    await api.db.prisma.consultationRating.create({
      data: { consultationId: sheet.id, score: 4, comment, via: 'link' },
    })
    return sheet
  }
  const commentOf = async (consultationId: string) =>
    (await api.db.prisma.consultationRating.findUniqueOrThrow({ where: { consultationId } })).comment

  it('promises the comment scrubbed, as the code then does', () => {
    expect(PERSONAL_FIELDS.filter((f) => f.table === 'ConsultationRating')).toEqual([
      expect.objectContaining({ column: 'comment', erasure: 'scrub' }),
    ])
  })

  it('scrubs a guest from the comment on the sheet they asked and from comments naming them', async () => {
    const guestId = await guestVisiting(api.db, officeId, new Date(), PHONE)
    const own = await api.db.prisma.consultation.findFirstOrThrow({
      where: { visit: { guestId } },
      select: { id: true },
    })
    await api.db.prisma.consultation.update({
      where: { id: own.id },
      data: { status: 'selesai', closedAt: new Date() },
    })
    await api.db.prisma.consultationRating.create({
      data: {
        consultationId: own.id,
        score: 5,
        comment: 'Saya Rina, puas. Hubungi 0813-7777-1234 bila perlu.',
        via: 'kiosk',
      },
    })
    const other = await ratedSheet({}, 'Dibantu Bu Rina Marlina dari partai, terima kasih.')
    const untouched = await ratedSheet({ askerName: 'Dodi Prakoso' }, 'Cepat dan jelas.')

    const erased = data<{ anonymised: Record<string, number> }>(
      await admin.mutation('privacy.erase', { guestId }),
    )
    expect(erased.anonymised.consultations).toBeGreaterThanOrEqual(2)
    expect(await commentOf(own.id)).not.toMatch(RINA_PII)
    expect(await commentOf(own.id)).not.toMatch(/7777|1234/)
    expect(await commentOf(other.id)).toBe('Dibantu Bu [dihapus] dari partai, terima kasih.')
    expect(await commentOf(untouched.id)).toBe('Cepat dan jelas.')
    // The score stays: the figures do not change.
    const ratings = await api.db.prisma.consultationRating.findMany({ where: { consultationId: own.id } })
    expect(ratings.map((r) => r.score)).toEqual([5])
  })

  it('scrubs an asker known only from sheets, on request', async () => {
    const sheet = await ratedSheet(
      { askerName: 'Joko Prasetyo', askerContact: 'joko@contoh.id' },
      'Joko Prasetyo sangat terbantu.',
    )
    data(await admin.mutation('privacy.erase', { consultationId: sheet.id }))
    expect(await commentOf(sheet.id)).not.toMatch(/Joko|Prasetyo/)
  })

  it('lets retention scrub the comment with the sheet’s asker and participants', async () => {
    const old = await ratedSheet(
      {
        askerName: 'Wati Susanti',
        askerContact: 'wati@contoh.id',
        participants: [{ name: 'Rudi Hartono' }],
        occurredAt: new Date('2024-09-10T03:00:00Z'),
        closedAt: new Date('2024-09-11T03:00:00Z'),
      },
      'Bu Wati dan Pak Rudi Hartono puas dengan jawabannya.',
    )
    await runRetentionEverywhere(api.db, new Date('2025-03-01T00:00:00Z'))
    expect(await commentOf(old.id)).toBe('Bu [dihapus] dan Pak [dihapus] puas dengan jawabannya.')
  })
})
