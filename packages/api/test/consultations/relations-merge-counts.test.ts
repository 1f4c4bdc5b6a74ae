import { testTargets } from '@mejabantu/db/testing'
import type { PublicConsultation, PublicSummary } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationRecord } from '../../src/consultations/schemas.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { Browser, dataOf as data } from '../support/browser.ts'
import {
  createSheet as create,
  seedOffices,
  signInStaff,
  type Staff,
} from '../support/consultation-fixtures.ts'

// Kulon Progo's 12 September 2024 (WIB): a day of its own, so other files' sheets never count here.
const day = '2024-09-12'
const at = (hour: number) => new Date(`${day}T0${hour}:00:00Z`)
const range = { regionCode: '34.01', from: day, to: day }

/** The public's figures of a merged duplicate: counted once, as the sheet it was merged into. */
describe.each(testTargets())('merged duplicates in public figures on $kind', (target) => {
  let api: ApiFixture
  let kp: Staff
  let kept: ConsultationRecord
  let duplicate: ConsultationRecord
  const anyone = () => new Browser(api.url)

  beforeAll(async () => {
    api = await startApi(target)
    await seedOffices(api.db)
    kp = await signInStaff(api.db, api.url, '34.01', 'petugas')
    // Five askers of one category, so the log shows the category rather than merging a small group.
    kept = await create(kp, { occurredAt: at(2), channel: 'telepon' })
    for (const hour of [3, 4, 5]) await create(kp, { occurredAt: at(hour), channel: 'telepon' })
    duplicate = await create(kp, { occurredAt: at(6), channel: 'email', askerContact: 'siti@contoh.id' })
  })
  afterAll(() => api.close())

  const figures = async () => ({
    log: data<{ items: PublicConsultation[]; total: number }>(await anyone().query('public.log', range)),
    summary: data<{ summary: PublicSummary }>(await anyone().query('public.summary', range)).summary,
    daily: data<{ days: { day: string; consultations: number; byChannel: Record<string, number> }[] }>(
      await anyone().query('public.daily', range),
    ).days,
  })

  it('counts a duplicate in the log, the summary and the daily chart until it is merged, then not', async () => {
    const before = await figures()
    expect(before.log.total).toBe(5)
    expect(before.log.items).toHaveLength(5)
    expect(before.summary.consultations).toBe(5)
    expect(before.daily).toEqual([{ day, consultations: 5, byChannel: { telepon: 4, email: 1 } }])

    data(await kp.mutation('consultations.merge', { duplicateId: duplicate.id, keptId: kept.id }))

    const after = await figures()
    expect(after.log.total).toBe(4)
    expect(after.log.items).toHaveLength(4)
    expect(after.log.items.map((item) => item.channel)).not.toContain('email')
    expect(after.summary.consultations).toBe(4)
    expect(after.summary.byChannel).not.toHaveProperty('email')
    expect(after.daily).toEqual([{ day, consultations: 4, byChannel: { telepon: 4 } }])
  })
})
