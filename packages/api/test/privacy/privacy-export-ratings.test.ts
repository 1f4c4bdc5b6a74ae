import { randomUUID } from 'node:crypto'
import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PersonExport, PersonMatch } from '../../src/privacy/schemas.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import { seedOffices, signInStaff, type Staff } from '../support/consultation-fixtures.ts'
import { guestVisiting } from '../support/privacy-fixtures.ts'

const PHONE = '+6281377775555'

/** A person's access request carries the ratings they gave: their scores and their own words. */
describe.each(testTargets())('ratings in a person’s export on $kind', (target) => {
  let api: ApiFixture
  let officeId: string
  let admin: Staff

  beforeAll(async () => {
    api = await startApi(target)
    officeId = (await seedOffices(api.db))['34.02']!
    admin = await signInStaff(api.db, api.url, '34.02', 'admin')
  })
  afterAll(() => api.close())

  /** A closed sheet, rated by its asker when `rating` is given. */
  const closedSheet = async (
    fields: Record<string, unknown>,
    rating?: { score: number; comment?: string; via?: string },
  ) => {
    const sheet = await api.db.prisma.consultation.create({
      data: {
        officeId,
        number: `LK-EKSPOR-${randomUUID().slice(0, 8)}`,
        channel: 'telepon',
        askerName: 'Dodi Prakoso',
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
    if (rating)
      await api.db.prisma.consultationRating.create({
        data: { consultationId: sheet.id, via: 'link', comment: null, ...rating },
      })
    return sheet
  }

  it('gives a guest their ratings on the sheets they asked, and others’ comments only where they name them', async () => {
    const guestId = await guestVisiting(api.db, officeId, new Date(), PHONE)
    const own = await api.db.prisma.consultation.findFirstOrThrow({ where: { visit: { guestId } } })
    await api.db.prisma.consultation.update({
      where: { id: own.id },
      data: { status: 'selesai', closedAt: new Date() },
    })
    await api.db.prisma.consultationRating.create({
      data: { consultationId: own.id, score: 5, comment: 'Petugas sabar sekali.', via: 'kiosk' },
    })
    const byPhone = await closedSheet(
      { askerName: 'Rina Marlina', askerContact: '0813 7777 5555' },
      { score: 3, comment: 'Cukup jelas.' },
    )
    const unrated = await closedSheet({ askerName: 'Rina Marlina', askerContact: PHONE })
    const naming = await closedSheet({}, { score: 2, comment: 'Antre di belakang Bu Rina Marlina lama.' })
    await closedSheet({}, { score: 1, comment: 'Tidak ada hubungannya.' })

    const exported = data<PersonExport>(await admin.mutation('privacy.export', { guestId }))
    expect(exported.visits[0]!.consultations).toEqual([
      expect.objectContaining({
        number: own.number,
        rating: { score: 5, comment: 'Petugas sabar sekali.', via: 'kiosk', ratedAt: expect.any(Date) },
      }),
    ])
    const elsewhere = Object.fromEntries(exported.elsewhere.sheets.map((s) => [s.number, s.rating]))
    expect(elsewhere).toEqual({
      [byPhone.number]: { score: 3, comment: 'Cukup jelas.', via: 'link', ratedAt: expect.any(Date) },
      [unrated.number]: null,
    })
    // Dodi's comment names her, so it is hers to see; his score is not.
    expect(exported.elsewhere.ratingComments).toEqual([
      { sheetNumber: naming.number, comment: 'Antre di belakang Bu Rina Marlina lama.' },
    ])
    const text = JSON.stringify(exported)
    expect(text).not.toContain('Tidak ada hubungannya')
    expect(text).not.toMatch(/"score":[12]\b/)
  })

  it('gives an asker known only from sheets the rating of the sheet they asked', async () => {
    const sheet = await closedSheet(
      { askerName: 'Joko Prasetyo', askerContact: 'joko@contoh.id' },
      { score: 4, comment: 'Jelas, terima kasih.' },
    )
    const [match] = data<PersonMatch[]>(await admin.mutation('privacy.find', { query: 'Prasetyo' }))
    const exported = data<PersonExport>(
      await admin.mutation('privacy.export', { consultationId: match!.consultationId! }),
    )
    expect(exported.guest).toBeNull()
    expect(exported.elsewhere.sheets).toEqual([
      expect.objectContaining({
        number: sheet.number,
        rating: expect.objectContaining({ score: 4, comment: 'Jelas, terima kasih.' }),
      }),
    ])
    expect(exported.elsewhere.ratingComments).toEqual([])
  })
})
