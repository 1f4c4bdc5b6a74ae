import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticlePage, ArticleRecord, ArticleSuggestion } from '../../src/knowledge/schemas.ts'
import { suggestionQuery } from '../../src/knowledge/suggest.ts'
import type { ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import { openConsultationDesk, type Staff } from '../support/consultation-fixtures.ts'
import { createArticle } from './knowledge-desk.ts'

const unrelated = {
  tags: [],
  legalBasis: [],
  titleEn: undefined,
}

it('joins a question’s useful words with OR as quoted operands, the word being typed as a prefix', () => {
  expect(suggestionQuery('Apakah SKCK untuk calon bupati harus dari Polda?')).toBe(
    "'skck' | 'calon' | 'bupati' | 'polda'",
  )
  expect(suggestionQuery('Bagaimana mengurus skc')).toBe("'mengurus' | 'skc':*")
  expect(suggestionQuery("O'Brien \\ it's")).toBe("'brien' | 'it'")
  expect(suggestionQuery('apakah bisa dan yang, atau?')).toBeNull()
  expect(suggestionQuery('')).toBeNull()
})

describe.each(testTargets())('knowledge-base search and suggestions on $kind', (target) => {
  let api: ApiFixture
  let bantul: Staff
  let sleman: Staff
  let diy: Staff
  let ri: Staff
  let skck: ArticleRecord
  let health: ArticleRecord
  let photo: ArticleRecord
  let ofSleman: ArticleRecord
  let archived: ArticleRecord

  beforeAll(async () => {
    ;({ api, bantul, sleman, diy, ri } = await openConsultationDesk(target))
    skck = await createArticle(ri, {
      titleId: 'Surat Keterangan Catatan Kepolisian (SKCK) bakal calon',
      tags: ['skck', 'polda'],
      bodyId: 'SKCK bakal calon bupati diterbitkan oleh Polda sesuai domisili, bukan oleh Polres.',
    })
    health = await createArticle(diy, {
      ...unrelated,
      titleId: 'Pemeriksaan kesehatan jasmani dan rohani',
      bodyId:
        'Pemeriksaan di rumah sakit yang ditunjuk; hasilnya diserahkan bersama berkas lain seperti SKCK.',
    })
    photo = await createArticle(bantul, {
      ...unrelated,
      topic: 'foto',
      titleId: 'Ukuran foto bakal calon',
      bodyId: 'Foto berwarna 4x6 dengan latar merah, diunggah ke SILON.',
    })
    ofSleman = await createArticle(sleman, { titleId: 'SKCK di Sleman: loket Polres' })
    archived = await createArticle(bantul, { titleId: 'SKCK lama (dicabut)' })
    await bantul.mutation('knowledge.archive', { id: archived.id })
  })
  afterAll(() => api.close())

  const ids = (items: { id: string }[]) => items.map((i) => i.id)

  describe('list with a query', () => {
    it('finds the SKCK article first: the title weighs more than a mention in a body', async () => {
      const page = data<ArticlePage>(await bantul.query('knowledge.list', { query: 'skck' }))
      expect(ids(page.items)).toEqual([skck.id, health.id])
      expect(page.total).toBe(2)
      expect(page.items[0]!.rank).toBeGreaterThan(page.items[1]!.rank!)
      const withArchived = data<ArticlePage>(
        await bantul.query('knowledge.list', { query: 'skck', includeArchived: true }),
      )
      expect(ids(withArchived.items)).toContain(archived.id)
      expect(ids(withArchived.items)).not.toContain(ofSleman.id)
    })

    it('takes web-search syntax as text, and pages', async () => {
      for (const query of [
        '"catatan kepolisian" -polres',
        `'); DROP TABLE "KnowledgeArticle"; --`,
        'skck or',
      ]) {
        const reply = await bantul.query('knowledge.list', { query })
        expect(reply.status, reply.text).toBe(200)
      }
      const first = data<ArticlePage>(await bantul.query('knowledge.list', { limit: 1 }))
      const second = data<ArticlePage>(await bantul.query('knowledge.list', { limit: 1, page: 2 }))
      expect(first.total).toBe(3)
      expect([...ids(first.items), ...ids(second.items)]).toHaveLength(2)
      expect(ids(first.items)).not.toEqual(ids(second.items))
      expect((await bantul.query('knowledge.list', { limit: 500 })).status).toBe(400)
      expect((await bantul.query('knowledge.list', { q: 'skck' })).status).toBe(400)
      expect(await api.db.prisma.knowledgeArticle.count()).toBe(5)
    })
  })

  describe('suggestions while a question is typed', () => {
    const suggest = async (staff: Staff, input: Record<string, unknown>) =>
      data<ArticleSuggestion[]>(await staff.query('knowledge.suggest', input))

    it('ranks the SKCK article first for a question about SKCK, with what inserting it needs', async () => {
      const found = await suggest(bantul, { question: 'Apakah SKCK untuk calon bupati harus dari Polda?' })
      // The title and tags name SKCK; the others match a word of the body, or "calon" in a title.
      expect(ids(found)[0]).toBe(skck.id)
      expect(ids(found).sort()).toEqual([skck.id, health.id, photo.id].sort())
      expect(found[0]).toMatchObject({
        access: 'read',
        owner: { level: 'RI' },
        bodyId: skck.bodyId,
        legalBasis: skck.legalBasis,
        version: 1,
      })
      expect(found[0]!.rank).toBeGreaterThan(found[1]!.rank)
      // Sleman's article and Bantul's archived one are never offered.
      expect(ids(await suggest(sleman, { question: 'skck polres' }))).toContain(ofSleman.id)
      expect(ids(await suggest(bantul, { question: 'skck polres' }))).not.toContain(ofSleman.id)
      expect(ids(await suggest(bantul, { question: 'skck lama dicabut' }))).not.toContain(archived.id)
    })

    it('matches the word still being typed as a prefix, and keeps to a chosen topic', async () => {
      expect(ids(await suggest(bantul, { question: 'Bagaimana mengurus skc' }))).toEqual([skck.id, health.id])
      expect(ids(await suggest(bantul, { question: 'calon bupati', topic: 'foto' }))).toEqual([photo.id])
    })

    it('offers nothing for a question of stop words only, or no words at all', async () => {
      for (const question of ['Apakah bisa dan yang?', 'a b c', '   ', '?!', '']) {
        expect(await suggest(bantul, { question })).toEqual([])
      }
      const quoted = await suggest(bantul, { question: `skck' | 'x' & !polda ) ( \\ :*` })
      expect(ids(quoted)).toContain(skck.id)
      expect(await suggest(bantul, { question: `'); DROP TABLE "KnowledgeArticle"; --` })).toEqual([])
      expect(await api.db.prisma.knowledgeArticle.count()).toBe(5)
    })

    it('offers at most five', async () => {
      for (let n = 0; n < 6; n++) await createArticle(bantul, { titleId: `SKCK catatan ${n}` })
      expect(await suggest(bantul, { question: 'skck' })).toHaveLength(5)
      expect((await bantul.query('knowledge.suggest', { question: 'x'.repeat(10_001) })).status).toBe(400)
    })
  })
})
