import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PublicFaq } from '../../src/publication/faq.ts'
import type { ArticleRecord } from '../../src/knowledge/schemas.ts'
import type { ApiFixture } from '../support/api-server.ts'
import { Browser, dataOf as data } from '../support/browser.ts'
import { openConsultationDesk, type Staff } from '../support/consultation-fixtures.ts'
import { articleInput, createArticle, refusal } from './knowledge-desk.ts'

describe.each(testTargets())('the public FAQ on $kind', (target) => {
  let api: ApiFixture
  let bantul: Staff
  let sleman: Staff
  let diy: Staff
  let ri: Staff
  let national: ArticleRecord
  const anyone = () => new Browser(api.url)
  const faq = async (regionCode: string) =>
    data<PublicFaq>(await anyone().query('public.faq', { regionCode }))
  const titles = (reply: PublicFaq) =>
    Object.fromEntries(reply.topics.map((t) => [t.topic, t.articles.map((a) => a.titleId)]))

  beforeAll(async () => {
    ;({ api, bantul, sleman, diy, ri } = await openConsultationDesk(target))
    national = await createArticle(ri, { titleId: 'SKCK dari Polda', public: true })
    await createArticle(ri, { titleId: 'Catatan internal KPU RI', public: false })
    await createArticle(diy, { titleId: 'Jadwal pendaftaran DIY', topic: 'jadwal', public: true })
    const withdrawn = await createArticle(diy, { titleId: 'Jadwal lama', topic: 'jadwal', public: true })
    await diy.mutation('knowledge.archive', { id: withdrawn.id })
    await createArticle(bantul, { titleId: 'Foto calon di Bantul', topic: 'foto', public: true })
    await createArticle(bantul, { titleId: 'Alamat loket Bantul', topic: 'jadwal', public: true })
    await createArticle(sleman, { titleId: 'Foto calon di Sleman', topic: 'foto', public: true })
  })
  afterAll(() => api.close())

  it('shows the public, current articles of the office and the offices above it, by topic', async () => {
    const bantulFaq = await faq('34.02')
    expect(bantulFaq.office).toEqual({ regionCode: '34.02', name: expect.stringContaining('Bantul') })
    expect(titles(bantulFaq)).toEqual({
      syarat_calon: ['SKCK dari Polda'],
      foto: ['Foto calon di Bantul'],
      // The office's own answers before those from above.
      jadwal: ['Alamat loket Bantul', 'Jadwal pendaftaran DIY'],
    })
    expect(bantulFaq.topics.map((t) => t.topic)).toEqual(['syarat_calon', 'foto', 'jadwal'])
    expect(bantulFaq.topics[0]!.articles[0]).toEqual({
      titleId: 'SKCK dari Polda',
      titleEn: articleInput().titleEn,
      bodyId: articleInput().bodyId,
      bodyEn: null,
      legalBasis: articleInput().legalBasis,
      updatedAt: expect.any(Date),
      office: { regionCode: '00', name: expect.any(String) },
    })
    expect(titles(await faq('34.04'))).toEqual({
      syarat_calon: ['SKCK dari Polda'],
      foto: ['Foto calon di Sleman'],
      jadwal: ['Jadwal pendaftaran DIY'],
    })
    expect(titles(await faq('34'))).toEqual({
      syarat_calon: ['SKCK dari Polda'],
      jadwal: ['Jadwal pendaftaran DIY'],
    })
    expect(titles(await faq('00'))).toEqual({ syarat_calon: ['SKCK dari Polda'] })
  })

  it('names no staff, no ids and no source sheet', async () => {
    const reply = await anyone().query('public.faq', { regionCode: '34.02' })
    expect(reply.status).toBe(200)
    const staffIds = [bantul, sleman, diy, ri].map((s) => s.userId)
    for (const secret of [
      ...staffIds,
      national.id,
      'createdBy',
      'updatedBy',
      'sourceConsultation',
      'petugas',
    ]) {
      expect(reply.text, secret).not.toContain(secret)
    }
  })

  it('shows an office’s published copy in place of the article it adapted', async () => {
    const copy = data<ArticleRecord>(await bantul.mutation('knowledge.copy', { id: national.id }))
    expect(titles(await faq('34.02')).syarat_calon).toEqual(['SKCK dari Polda'])
    data(
      await bantul.mutation('knowledge.update', {
        id: copy.id,
        expectedVersion: 1,
        ...articleInput({ titleId: 'SKCK dari Polda DIY untuk Bantul', public: true }),
      }),
    )
    const bantulFaq = await faq('34.02')
    expect(titles(bantulFaq).syarat_calon).toEqual(['SKCK dari Polda DIY untuk Bantul'])
    expect(bantulFaq.topics[0]!.articles[0]!.office.regionCode).toBe('34.02')
    expect(titles(await faq('34.04')).syarat_calon).toEqual(['SKCK dari Polda'])
  })

  it('refuses an unknown region with a translated sentence, and bad input with a 400', async () => {
    expect(refusal(await anyone().query('public.faq', { regionCode: '99' }))).toMatchObject({
      status: 404,
      rule: 'public.office.notFound',
      message: { id: expect.stringContaining('99'), en: expect.stringContaining('99') },
    })
    for (const input of [{ regionCode: "34.02' OR '1'='1" }, {}, { regionCode: '34.02', officeId: 'x' }]) {
      expect((await anyone().query('public.faq', input)).status).toBe(400)
    }
  })
})
