import { testTargets } from '@mejabantu/db/testing'
import {
  MIN_PUBLIC_GROUP,
  type PublicConsultation,
  type PublicOffice,
  type PublicSummary,
} from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser, dataOf as data } from '../support/browser.ts'
import { seedOffices, sheetInput, signInStaff, type Staff } from '../support/consultation-fixtures.ts'

const careless = 'hubungi 0812-3456-7890 atau siti[at]mail.com, Jl. Mawar No. 5 RT 03/RW 05'
const leaks = ['Siti', 'Rahmawati', 'Budi', 'Santoso', '0812', '3456', '7890', 'mail.com', 'Mawar', 'RT 03']
// 10 September 2024, 10:00 WIB: one quiet office day.
const tenth = new Date('2024-09-10T03:00:00Z')
const day = { from: '2024-09-10', to: '2024-09-10' }

describe.each(testTargets())('the public page on $kind', (target) => {
  let api: ApiFixture
  let bantul: Staff
  const anyone = () => new Browser(api.url)

  beforeAll(async () => {
    api = await startApi(target)
    await seedOffices(api.db)
    bantul = await signInStaff(api.db, api.url, '34.02', 'petugas')
    await api.db.prisma.user.update({ where: { id: bantul.userId }, data: { displayName: 'Budi Santoso' } })
    await api.db.prisma.office.update({
      where: { regionCode: '34.02' },
      data: {
        helpdeskHours: `Senin–Jumat 08.00–16.00 WIB; di luar jam ${careless.replace('siti', 'budi')}, Pak Budi`,
      },
    })
    // One day: three voters, three LOs and one journalist, all asking with their contacts in the question.
    for (const stakeholderCategory of ['pemilih', 'pemilih', 'pemilih', 'lo', 'lo', 'lo', 'media']) {
      data(
        await bantul.mutation(
          'consultations.create',
          sheetInput({
            occurredAt: tenth,
            stakeholderCategory,
            askerName: 'Siti Rahmawati',
            askerContact: 'siti[at]mail.com',
            question: `Saya Siti Rahmawati, ${careless}.`,
          }),
        ),
      )
    }
  })
  afterAll(() => api.close())

  it('scrubs the help-desk hours an admin typed, with the office staff’s names', async () => {
    const offices = data<PublicOffice[]>(await anyone().query('public.offices'))
    expect(offices.find((o) => o.regionCode === '34.02')!.helpdeskHours).toBe(
      'Senin–Jumat 08.00–16.00 WIB; di luar jam hubungi [telepon] atau [email], [alamat], Pak [nama]',
    )
  })

  it('shows nothing of the question or the asker anywhere', async () => {
    const replies = [
      await anyone().query('public.offices'),
      await anyone().query('public.log', { regionCode: '34.02' }),
      await anyone().query('public.summary', { regionCode: '34.02' }),
      await anyone().query('public.daily', { regionCode: '34.02' }),
    ]
    for (const reply of replies) {
      expect(reply.status, reply.text).toBe(200)
      for (const fragment of leaks) expect(reply.text, fragment).not.toContain(fragment)
    }
  })

  it('hides a category of fewer than three on the day, and one more so it cannot be worked out', async () => {
    expect(MIN_PUBLIC_GROUP).toBe(3)
    const { summary } = data<{ summary: PublicSummary }>(
      await anyone().query('public.summary', { regionCode: '34.02', ...day }),
    )
    expect(summary).toMatchObject({
      consultations: 7,
      byCategory: { pemilih: 3 },
      suppressedCategories: ['lo', 'media'],
    })
    const log = data<{ items: PublicConsultation[] }>(
      await anyone().query('public.log', { regionCode: '34.02', ...day }),
    )
    expect(log.items.map((item) => item.stakeholderCategory).sort()).toEqual([
      ...Array(4).fill('lainnya'),
      ...Array(3).fill('pemilih'),
    ])
  })

  it('counts the whole day, not the page, before showing a category', async () => {
    const pages = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7].map(async (page) =>
        data<{ items: PublicConsultation[] }>(
          await anyone().query('public.log', { regionCode: '34.02', ...day, page, pageSize: 1 }),
        ),
      ),
    )
    const categories = pages.flatMap((page) => page.items.map((item) => item.stakeholderCategory))
    expect(categories.filter((c) => c === 'pemilih')).toHaveLength(3)
    expect(categories).not.toContain('media')
    expect(categories).not.toContain('lo')
  })
})
