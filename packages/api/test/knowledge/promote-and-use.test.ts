import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationRecord } from '../../src/consultations/schemas.ts'
import type { ArticleDetail, ArticlePage, ArticleRecord } from '../../src/knowledge/schemas.ts'
import type { ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import {
  createSheet,
  openConsultationDesk,
  sheetAudits,
  type Staff,
} from '../support/consultation-fixtures.ts'
import {
  articleAudits,
  articleInput,
  createArticle,
  knowledgeCounts,
  refusal,
  translated,
} from './knowledge-desk.ts'

const question =
  'Saya Siti Rahmawati dari Partai Contoh, HP 0812-3456-7789. Apakah SKCK bakal calon boleh dari Polres? Mohon penjelasan.'
const ruling =
  'SKCK wajib diterbitkan Polda sesuai domisili. Sampaikan kepada Siti Rahmawati di 0812-3456-7789.'

describe.each(testTargets())('promoting referrals and recording use on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let bantul: Staff
  let sleman: Staff
  let diy: Staff
  let ri: Staff

  beforeAll(async () => {
    ;({ api, office, bantul, sleman, diy, ri } = await openConsultationDesk(target))
  })
  afterAll(() => api.close())

  /** A Bantul sheet referred to the Provinsi and answered there. */
  async function answeredReferral(): Promise<ConsultationRecord> {
    const sheet = await createSheet(bantul, { question, topic: 'syarat_calon' })
    data(await bantul.mutation('consultations.refer', { id: sheet.id, note: 'Mohon tafsir Provinsi.' }))
    return data<ConsultationRecord>(
      await diy.mutation('consultations.answer', {
        id: sheet.id,
        answer: ruling,
        legalBasis: 'PKPU 8/2024 Pasal 14 ayat (2) huruf f',
      }),
    )
  }

  describe('promote', () => {
    it('turns an answered referral into an article of the office, scrubbed, in one step', async () => {
      const sheet = await answeredReferral()
      const article = data<ArticleRecord>(
        await bantul.mutation('knowledge.promote', { consultationId: sheet.id }),
      )
      expect(article).toMatchObject({
        owner: { id: office['34.02'] },
        access: 'edit',
        version: 1,
        topic: 'syarat_calon',
        sourceConsultationId: sheet.id,
        legalBasis: [{ kind: 'pkpu', reference: 'PKPU 8/2024 Pasal 14 ayat (2) huruf f' }],
        public: false,
        createdBy: { id: bantul.userId },
      })
      expect(article.bodyId).toContain('SKCK wajib diterbitkan Polda')
      for (const leak of ['Siti', 'Rahmawati', '3456', '7789']) {
        expect(article.titleId + article.bodyId, leak).not.toContain(leak)
      }
      expect(await api.db.prisma.knowledgeArticleVersion.count({ where: { articleId: article.id } })).toBe(1)
      expect(await articleAudits(api.db, article.id)).toMatchObject([
        { action: 'knowledge.promote', actorId: bantul.userId, after: { sourceConsultationId: sheet.id } },
      ])

      // The Provinsi that answered reads the sheet too, and publishes its ruling with its own title.
      const theirs = data<ArticleRecord>(
        await diy.mutation('knowledge.promote', {
          consultationId: sheet.id,
          titleId: 'SKCK diterbitkan Polda',
          tags: ['SKCK'],
          public: true,
        }),
      )
      expect(theirs).toMatchObject({
        owner: { id: office['34'] },
        titleId: 'SKCK diterbitkan Polda',
        tags: ['skck'],
        public: true,
        bodyId: article.bodyId,
      })

      const before = await knowledgeCounts(api.db)
      expect(refusal(await bantul.mutation('knowledge.promote', { consultationId: sheet.id }))).toMatchObject(
        {
          status: 409,
          rule: 'knowledge.promote.already',
          params: { articleId: article.id },
          message: translated,
        },
      )
      expect(refusal(await sleman.mutation('knowledge.promote', { consultationId: sheet.id }))).toMatchObject(
        {
          status: 403,
          rule: 'tenancy.office',
        },
      )
      expect(await knowledgeCounts(api.db)).toEqual(before)
    })

    it('refuses a sheet that is not an answered referral, and an unknown sheet, changing nothing', async () => {
      const direct = await createSheet(bantul)
      data(await bantul.mutation('consultations.answer', { id: direct.id, answer: 'Jawaban langsung.' }))
      const pending = await createSheet(bantul)
      data(await bantul.mutation('consultations.refer', { id: pending.id, note: 'Rujuk.' }))
      const before = await knowledgeCounts(api.db)

      expect(
        refusal(await bantul.mutation('knowledge.promote', { consultationId: direct.id })),
      ).toMatchObject({
        status: 409,
        rule: 'knowledge.promote.notAnsweredReferral',
        message: {
          id: expect.stringContaining('tidak pernah dirujuk'),
          en: expect.stringContaining('was never referred'),
        },
      })
      expect(
        refusal(await bantul.mutation('knowledge.promote', { consultationId: pending.id })),
      ).toMatchObject({
        status: 409,
        rule: 'knowledge.promote.notAnsweredReferral',
        params: { status: 'dirujuk' },
      })
      const unknown = { consultationId: '00000000-0000-4000-8000-000000000000' }
      expect(refusal(await bantul.mutation('knowledge.promote', unknown))).toMatchObject({
        status: 404,
        rule: 'consultation.notFound',
      })
      expect(
        (await bantul.mutation('knowledge.promote', { consultationId: direct.id, titleId: '' })).status,
      ).toBe(400)
      expect(await knowledgeCounts(api.db)).toEqual(before)
    })
  })

  describe('answers that name the articles inserted', () => {
    let national: ArticleRecord
    let own: ArticleRecord
    let provincial: ArticleRecord
    let sibling: ArticleRecord

    beforeAll(async () => {
      national = await createArticle(ri, { titleId: 'SKCK menurut KPU RI' })
      provincial = await createArticle(diy, { titleId: 'SKCK menurut KPU DIY' })
      sibling = await createArticle(sleman, { titleId: 'SKCK menurut KPU Sleman' })
      const first = await createArticle(bantul, { titleId: 'SKCK menurut KPU Bantul' })
      own = data<ArticleRecord>(
        await bantul.mutation('knowledge.update', {
          id: first.id,
          expectedVersion: 1,
          ...articleInput({ titleId: 'SKCK menurut KPU Bantul', bodyId: 'Diperbarui.' }),
        }),
      )
    })

    const usesOf = (consultationId: string) =>
      api.db.prisma.consultationArticle.findMany({ where: { consultationId }, orderBy: { articleId: 'asc' } })

    it('records each article at its current version, in the answer’s transaction, audited', async () => {
      const sheet = await createSheet(bantul)
      const answered = data<ConsultationRecord>(
        await bantul.mutation('consultations.answer', {
          id: sheet.id,
          answer: 'Jawaban dari basis pengetahuan.',
          articleIds: [national.id, own.id, national.id],
        }),
      )
      expect(answered.status).toBe('dijawab')
      expect(await usesOf(sheet.id)).toEqual(
        [
          { articleId: national.id, articleVersion: 1 },
          { articleId: own.id, articleVersion: 2 },
        ]
          .sort((a, b) => a.articleId.localeCompare(b.articleId))
          .map((use) => ({
            ...use,
            consultationId: sheet.id,
            insertedById: bantul.userId,
            insertedAt: expect.any(Date),
          })),
      )
      const audits = await sheetAudits(api.db, sheet.id)
      expect(audits.map((a) => a.action)).toEqual([
        'consultation.create',
        'consultation.answer',
        'knowledge.use',
      ])
      expect(audits[2]).toMatchObject({
        actorId: bantul.userId,
        after: { articleIds: [national.id, own.id], articleVersions: [1, 2] },
      })

      const seen = data<ArticleDetail>(await bantul.query('knowledge.get', { id: national.id }))
      expect(seen.usage).toEqual({ sheets: 1, officeSheets: 1, lastUsedAt: expect.any(Date) })
      const elsewhere = data<ArticleDetail>(await sleman.query('knowledge.get', { id: national.id }))
      expect(elsewhere.usage).toMatchObject({ sheets: 1, officeSheets: 0 })
      const listed = data<ArticlePage>(await bantul.query('knowledge.list', { query: 'KPU RI' }))
      expect(listed.items.find((i) => i.id === national.id)?.uses).toBe(1)
    })

    it('refuses the whole answer when an article is not one the answering office reads', async () => {
      const sheet = await createSheet(bantul)
      const before = await knowledgeCounts(api.db)
      for (const articleId of [sibling.id, '00000000-0000-4000-8000-000000000000']) {
        const reply = await bantul.mutation('consultations.answer', {
          id: sheet.id,
          answer: 'Jawaban.',
          articleIds: [national.id, articleId],
        })
        expect(refusal(reply)).toMatchObject({
          status: 404,
          rule: 'knowledge.use.unreadable',
          params: { articleId },
          message: translated,
        })
      }
      const tooMany = Array.from({ length: 11 }, () => national.id)
      expect(
        (await bantul.mutation('consultations.answer', { id: sheet.id, answer: 'x', articleIds: tooMany }))
          .status,
      ).toBe(400)
      expect(
        (await bantul.mutation('consultations.answer', { id: sheet.id, answer: 'x', articleIds: ['x'] }))
          .status,
      ).toBe(400)
      expect(await knowledgeCounts(api.db)).toEqual(before)
      const stored = await api.db.prisma.consultation.findUniqueOrThrow({ where: { id: sheet.id } })
      expect(stored).toMatchObject({ status: 'baru', answer: null })
      expect(await usesOf(sheet.id)).toEqual([])
    })

    it('reads the base of the office that answers a referral: the Provinsi’s, not the sender’s', async () => {
      const sheet = await createSheet(bantul)
      data(await bantul.mutation('consultations.refer', { id: sheet.id, note: 'Rujuk.' }))
      const refused = await diy.mutation('consultations.answer', {
        id: sheet.id,
        answer: 'Jawaban Provinsi.',
        articleIds: [own.id],
      })
      expect(refusal(refused)).toMatchObject({ status: 404, rule: 'knowledge.use.unreadable' })
      data(
        await diy.mutation('consultations.answer', {
          id: sheet.id,
          answer: 'Jawaban Provinsi.',
          articleIds: [provincial.id, national.id],
        }),
      )
      expect((await usesOf(sheet.id)).map((u) => [u.articleId, u.insertedById]).sort()).toEqual(
        [
          [provincial.id, diy.userId],
          [national.id, diy.userId],
        ].sort(),
      )
    })
  })
})
