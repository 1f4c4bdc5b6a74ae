import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TagCount } from '../../src/consultations/relations-schemas.ts'
import type {
  ConsultationDetail,
  ConsultationPage,
  ConsultationRecord,
} from '../../src/consultations/schemas.ts'
import type { ApiFixture } from '../support/api-server.ts'
import { dataOf as data, type TrpcReply } from '../support/browser.ts'
import {
  createSheet as create,
  openConsultationDesk,
  sheetAudits,
  type Staff,
} from '../support/consultation-fixtures.ts'

const refusal = (reply: TrpcReply) => ({ status: reply.status, ...reply.body.error?.data })

describe.each(testTargets())('sheet tags on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let bantul: Staff
  let bantul2: Staff
  let sleman: Staff
  let pengawas: Staff

  beforeAll(async () => {
    ;({ api, office, bantul, bantul2, sleman, pengawas } = await openConsultationDesk(target))
  })
  afterAll(() => api.close())

  const stored = (id: string) => api.db.prisma.consultation.findUniqueOrThrow({ where: { id } })
  const setTags = (staff: Staff, consultationId: string, tags: unknown) =>
    staff.mutation('consultations.setTags', { consultationId, tags })
  const list = async (staff: Staff, input: Record<string, unknown>) =>
    data<ConsultationPage>(await staff.query('consultations.list', input))

  it('normalises, stores and audits the tags; the view and the list show them', async () => {
    const sheet = await create(bantul)
    const tagged = data<ConsultationRecord>(
      await setTags(bantul2, sheet.id, ['  #SKCK ', 'Gabungan   Partai', 'skck', '#'] as const),
    )
    expect(tagged.tags).toEqual(['skck', 'gabungan partai'])
    expect((await stored(sheet.id)).tags).toEqual(['skck', 'gabungan partai'])

    const audits = await sheetAudits(api.db, sheet.id)
    expect(audits.at(-1)).toMatchObject({
      action: 'consultation.tags',
      actorId: bantul2.userId,
      before: { tags: [] },
      after: { tags: ['skck', 'gabungan partai'] },
    })

    const view = data<ConsultationDetail>(await bantul.query('consultations.get', { id: sheet.id }))
    expect(view.consultation.tags).toEqual(['skck', 'gabungan partai'])
    expect(view.history.map((h) => h.action)).toContain('consultation.tags')

    const page = await list(bantul, { tag: '#SKCK' })
    expect(page.items.map((i) => i.id)).toContain(sheet.id)
    expect(page.items.every((i) => i.tags.includes('skck'))).toBe(true)
    expect((await list(bantul, { tag: 'tidak-ada' })).total).toBe(0)

    // The same tags again change nothing and leave no event.
    data(await setTags(bantul, sheet.id, ['SKCK', 'gabungan partai']))
    expect(await sheetAudits(api.db, sheet.id)).toHaveLength(audits.length)
    // An empty list clears them.
    expect(data<ConsultationRecord>(await setTags(bantul, sheet.id, [])).tags).toEqual([])
  })

  it('tags a closed sheet too: labels are not the answer', async () => {
    const sheet = await create(bantul)
    data(await bantul.mutation('consultations.answer', { id: sheet.id, answer: 'Sudah dijawab.' }))
    data(await bantul.mutation('consultations.close', { id: sheet.id }))
    expect(data<ConsultationRecord>(await setTags(bantul, sheet.id, ['arsip'])).tags).toEqual(['arsip'])
  })

  it('lists the office’s tags in use with their counts, most used first, by prefix', async () => {
    const a = await create(sleman)
    const b = await create(sleman)
    const c = await create(sleman)
    data(await setTags(sleman, a.id, ['silon', 'akun terkunci']))
    data(await setTags(sleman, b.id, ['silon']))
    data(await setTags(sleman, c.id, ['sipol', '50%']))
    const tags = data<TagCount[]>(await sleman.query('consultations.tags', {}))
    expect(tags).toEqual([
      { tag: 'silon', count: 2 },
      { tag: '50%', count: 1 },
      { tag: 'akun terkunci', count: 1 },
      { tag: 'sipol', count: 1 },
    ])
    expect(data<TagCount[]>(await sleman.query('consultations.tags', { prefix: ' #SI' }))).toEqual([
      { tag: 'silon', count: 2 },
      { tag: 'sipol', count: 1 },
    ])
    // A wildcard is a character like any other.
    expect(data<TagCount[]>(await sleman.query('consultations.tags', { prefix: '%' }))).toEqual([])
    // Bantul's suggestions hold none of Sleman's tags; Sleman's are not Bantul's business.
    const bantulTags = data<TagCount[]>(await bantul.query('consultations.tags'))
    expect(bantulTags.map((t) => t.tag)).not.toContain('sipol')
    expect(refusal(await bantul.query('consultations.tags', { officeId: office['34.04'] }))).toMatchObject({
      status: 403,
      rule: 'tenancy.office',
    })
  })

  it('refuses another office, an observer and bad tags, changing nothing', async () => {
    const sheet = await create(bantul)
    data(await setTags(bantul, sheet.id, ['awal']))
    const before = await stored(sheet.id)
    const audits = (await sheetAudits(api.db, sheet.id)).length

    expect(refusal(await setTags(sleman, sheet.id, ['asing']))).toMatchObject({
      status: 403,
      rule: 'tenancy.office',
      message: { id: expect.any(String), en: expect.any(String) },
    })
    expect(refusal(await setTags(pengawas, sheet.id, ['asing']))).toMatchObject({
      status: 403,
      rule: 'auth.forbidden',
    })
    const tooMany = Array.from({ length: 13 }, (_, i) => `tag-${i}`)
    for (const tags of [tooMany, ['x'.repeat(41)], 'skck', [42], null]) {
      const reply = await setTags(bantul, sheet.id, tags)
      expect(reply.status, reply.text).toBe(400)
      expect(reply.body.error?.data.message).toMatchObject({ id: expect.any(String), en: expect.any(String) })
    }
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect(refusal(await setTags(bantul, unknown, ['x']))).toMatchObject({
      status: 404,
      rule: 'consultation.notFound',
      message: { id: 'Lembar konsultasi tidak ditemukan.' },
    })
    expect(await stored(sheet.id)).toEqual(before)
    expect(await sheetAudits(api.db, sheet.id)).toHaveLength(audits)
  })
})
