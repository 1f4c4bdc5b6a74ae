import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleDetail, ArticlePage, ArticleRecord } from '../../src/knowledge/schemas.ts'
import type { ApiFixture } from '../support/api-server.ts'
import { dataOf as data } from '../support/browser.ts'
import { openConsultationDesk, type Staff } from '../support/consultation-fixtures.ts'
import {
  articleAudits,
  articleInput,
  createArticle,
  knowledgeCounts,
  refusal,
  translated,
} from './knowledge-desk.ts'

describe.each(testTargets())('knowledge-base articles on $kind', (target) => {
  let api: ApiFixture
  let office: Record<string, string>
  let bantul: Staff
  let bantul2: Staff
  let sleman: Staff
  let diy: Staff
  let ri: Staff
  let pengawas: Staff

  beforeAll(async () => {
    ;({ api, office, bantul, bantul2, sleman, diy, ri, pengawas } = await openConsultationDesk(target))
  })
  afterAll(() => api.close())

  const list = async (staff: Staff, input: Record<string, unknown> = {}) =>
    data<ArticlePage>(await staff.query('knowledge.list', { limit: 50, ...input }))
  const detail = async (staff: Staff, id: string) =>
    data<ArticleDetail>(await staff.query('knowledge.get', { id }))

  it('writes an article of the office as version 1, with its first version and audit event', async () => {
    const article = await createArticle(bantul, { note: 'Dari rapat koordinasi' })
    expect(article).toMatchObject({
      owner: { id: office['34.02'], level: 'KABKOTA', regionCode: '34.02' },
      access: 'edit',
      version: 1,
      tags: ['skck', 'kepolisian'],
      legalBasis: [{ kind: 'pkpu', reference: 'PKPU 8/2024 Pasal 14 ayat (2) huruf f' }],
      copiedFromId: null,
      archivedAt: null,
      createdBy: { id: bantul.userId },
      updatedBy: { id: bantul.userId },
    })
    const versions = await api.db.prisma.knowledgeArticleVersion.findMany({
      where: { articleId: article.id },
    })
    expect(versions).toMatchObject([
      {
        version: 1,
        note: 'Dari rapat koordinasi',
        editedById: bantul.userId,
        content: { titleId: article.titleId, bodyId: article.bodyId, tags: ['skck', 'kepolisian'] },
      },
    ])
    const [audit, ...rest] = await articleAudits(api.db, article.id)
    expect(rest).toEqual([])
    expect(audit).toMatchObject({
      action: 'knowledge.create',
      actorId: bantul.userId,
      officeId: office['34.02'],
      after: { titleId: article.titleId, version: 1, legalBasis: ['PKPU 8/2024 Pasal 14 ayat (2) huruf f'] },
    })
  })

  describe('down the office tree', () => {
    let fromRi: ArticleRecord
    let fromDiy: ArticleRecord
    let ofBantul: ArticleRecord
    let ofSleman: ArticleRecord

    beforeAll(async () => {
      fromRi = await createArticle(ri, { titleId: 'Batas usia calon bupati', topic: 'syarat_calon' })
      fromDiy = await createArticle(diy, { titleId: 'Jadwal pendaftaran di DIY', topic: 'jadwal' })
      ofBantul = await createArticle(bantul, { titleId: 'Loket pendaftaran Bantul' })
      ofSleman = await createArticle(sleman, { titleId: 'Loket pendaftaran Sleman' })
    })

    it('reads its own articles to edit and those of the Provinsi and KPU RI to read, never a sibling’s', async () => {
      const access = (page: ArticlePage) => Object.fromEntries(page.items.map((i) => [i.id, i.access]))
      const bantulSees = access(await list(bantul))
      expect(bantulSees).toMatchObject({ [ofBantul.id]: 'edit', [fromDiy.id]: 'read', [fromRi.id]: 'read' })
      expect(bantulSees).not.toHaveProperty(ofSleman.id)
      const slemanSees = access(await list(sleman))
      expect(slemanSees).toMatchObject({ [ofSleman.id]: 'edit', [fromDiy.id]: 'read', [fromRi.id]: 'read' })
      expect(slemanSees).not.toHaveProperty(ofBantul.id)
      // An office above does not read the bases below it; leadership's roll-up is not a knowledge base.
      const diySees = access(await list(diy))
      expect(diySees).toMatchObject({ [fromDiy.id]: 'edit', [fromRi.id]: 'read' })
      expect(Object.keys(diySees)).not.toContain(ofBantul.id)
      expect(Object.keys(access(await list(pengawas))).sort()).toEqual(Object.keys(bantulSees).sort())

      const line = (await list(bantul)).items.find((i) => i.id === fromDiy.id)
      expect(line).toMatchObject({
        owner: { id: office['34'], level: 'PROVINSI', name: expect.stringContaining('Yogyakarta') },
        excerpt: expect.stringContaining('SKCK'),
        rank: null,
        uses: 0,
      })
      expect((await list(bantul, { topic: 'jadwal' })).items.map((i) => i.id)).toEqual([fromDiy.id])
    })

    it('gets an inherited article read-only, and refuses a sibling’s or a lower office’s', async () => {
      expect((await detail(bantul, fromRi.id)).article).toMatchObject({
        access: 'read',
        owner: { level: 'RI' },
      })
      for (const [staff, id] of [
        [bantul, ofSleman.id],
        [diy, ofBantul.id],
        [ri, ofSleman.id],
      ] as const) {
        expect(refusal(await staff.query('knowledge.get', { id }))).toMatchObject({
          status: 403,
          rule: 'tenancy.office',
          message: translated,
        })
      }
      const unknown = '00000000-0000-4000-8000-000000000000'
      expect(refusal(await bantul.query('knowledge.get', { id: unknown }))).toMatchObject({
        status: 404,
        rule: 'knowledge.notFound',
      })
    })

    it('refuses editing, archiving or restoring an inherited article with the domain’s reason', async () => {
      const before = await knowledgeCounts(api.db)
      for (const [path, input] of [
        ['knowledge.update', { id: fromDiy.id, expectedVersion: 1, ...articleInput({ titleId: 'Diubah' }) }],
        ['knowledge.archive', { id: fromRi.id }],
        ['knowledge.restore', { id: fromRi.id }],
      ] as const) {
        expect(refusal(await bantul.mutation(path, input))).toMatchObject({
          status: 403,
          rule: 'knowledge.inherited',
          message: {
            id: 'Artikel ini milik kantor di atas Anda dan hanya dapat dibaca. Salin artikel untuk menyesuaikannya.',
            en: 'This article belongs to an office above yours and is read-only. Copy it to adapt it.',
          },
        })
      }
      expect(refusal(await bantul.mutation('knowledge.archive', { id: ofSleman.id }))).toMatchObject({
        status: 403,
        rule: 'tenancy.office',
      })
      expect(await knowledgeCounts(api.db)).toEqual(before)
    })

    it('copies an inherited article into the office as its own version 1, unpublished', async () => {
      await api.db.prisma.knowledgeArticle.update({ where: { id: fromDiy.id }, data: { public: true } })
      const copy = data<ArticleRecord>(await bantul.mutation('knowledge.copy', { id: fromDiy.id }))
      expect(copy).toMatchObject({
        owner: { id: office['34.02'] },
        access: 'edit',
        version: 1,
        copiedFromId: fromDiy.id,
        titleId: fromDiy.titleId,
        bodyId: fromDiy.bodyId,
        public: false,
        createdBy: { id: bantul.userId },
      })
      expect((await detail(bantul, copy.id)).copiedFrom).toEqual({
        id: fromDiy.id,
        titleId: fromDiy.titleId,
        owner: expect.objectContaining({ id: office['34'] }),
      })
      expect((await articleAudits(api.db, copy.id)).map((a) => a.action)).toEqual(['knowledge.copy'])
      // The copy is Bantul's to edit; the Provinsi's original is untouched.
      const edited = data<ArticleRecord>(
        await bantul.mutation('knowledge.update', {
          id: copy.id,
          expectedVersion: 1,
          ...articleInput({ titleId: 'Jadwal pendaftaran di Bantul', topic: 'jadwal' }),
        }),
      )
      expect(edited.version).toBe(2)
      expect((await detail(diy, fromDiy.id)).article.titleId).toBe('Jadwal pendaftaran di DIY')
      expect(data<ArticleRecord>(await bantul.mutation('knowledge.copy', { id: ofBantul.id }))).toMatchObject(
        {
          copiedFromId: ofBantul.id,
        },
      )
      expect(refusal(await sleman.mutation('knowledge.copy', { id: ofBantul.id }))).toMatchObject({
        status: 403,
        rule: 'tenancy.office',
      })
    })
  })

  describe('versions', () => {
    it('keeps every save as a version, and refuses a save from a stale version', async () => {
      const article = await createArticle(bantul)
      const saved = data<ArticleRecord>(
        await bantul.mutation('knowledge.update', {
          id: article.id,
          expectedVersion: 1,
          note: 'Tambah Polres',
          ...articleInput({
            tags: ['skck', 'polres'],
            bodyId: 'SKCK dari Polres atau Polda sesuai domisili.',
          }),
        }),
      )
      expect(saved).toMatchObject({ version: 2, tags: ['skck', 'polres'], updatedBy: { id: bantul.userId } })

      // A colleague opened version 1 before that save, and saves over it.
      const before = await knowledgeCounts(api.db)
      const stale = await bantul2.mutation('knowledge.update', {
        id: article.id,
        expectedVersion: 1,
        ...articleInput({ titleId: 'Judul lain' }),
      })
      expect(refusal(stale)).toMatchObject({
        status: 409,
        rule: 'knowledge.staleVersion',
        params: { expected: '1', current: '2' },
        message: {
          id: expect.stringMatching(/sudah diubah oleh petugas .+ menjadi versi 2 .+ Muat ulang/),
          en: expect.stringMatching(/was changed by petugas .+ to version 2 .+ Reload/),
        },
      })
      expect(await knowledgeCounts(api.db)).toEqual(before)

      const third = data<ArticleRecord>(
        await bantul2.mutation('knowledge.update', {
          id: article.id,
          expectedVersion: 2,
          ...articleInput({
            tags: ['skck', 'polres'],
            bodyId: saved.bodyId,
            public: true,
            titleEn: undefined,
          }),
        }),
      )
      expect(third).toMatchObject({ version: 3, public: true, updatedBy: { id: bantul2.userId } })
      expect(third.titleEn).toBeUndefined()

      const { versions } = await detail(bantul, article.id)
      expect(versions).toMatchObject([
        { version: 3, editedBy: { id: bantul2.userId }, note: null },
        { version: 2, editedBy: { id: bantul.userId }, note: 'Tambah Polres' },
        { version: 1, editedBy: { id: bantul.userId }, changedFields: [] },
      ])
      expect(versions[0]!.changedFields.sort()).toEqual(['public', 'titleEn'])
      expect(versions[1]!.changedFields.sort()).toEqual(['bodyId', 'tags'])
      const stored = await api.db.prisma.knowledgeArticleVersion.findUniqueOrThrow({
        where: { articleId_version: { articleId: article.id, version: 2 } },
      })
      expect(stored.content).toMatchObject({
        ...articleInput({ tags: ['skck', 'polres'] }),
        bodyId: saved.bodyId,
      })

      const audits = await articleAudits(api.db, article.id)
      expect(audits.map((a) => a.action)).toEqual([
        'knowledge.create',
        'knowledge.update',
        'knowledge.update',
      ])
      expect(audits[1]).toMatchObject({
        actorId: bantul.userId,
        before: { version: 1, tags: ['skck', 'kepolisian'] },
        after: { version: 2, tags: ['skck', 'polres'], bodyId: saved.bodyId },
      })
    })

    it('changes nothing on a save that changes no field', async () => {
      const article = await createArticle(bantul)
      const before = await knowledgeCounts(api.db)
      const same = data<ArticleRecord>(
        await bantul.mutation('knowledge.update', {
          id: article.id,
          expectedVersion: 1,
          ...articleInput({ tags: ['#skck', 'KEPOLISIAN'], bodyId: `  ${article.bodyId}  ` }),
        }),
      )
      expect(same).toMatchObject({ version: 1, updatedAt: article.updatedAt })
      expect(await knowledgeCounts(api.db)).toEqual(before)
    })

    it('refuses bad input and an unknown article, changing nothing', async () => {
      const article = await createArticle(bantul)
      const before = await knowledgeCounts(api.db)
      for (const input of [
        { id: article.id, expectedVersion: 1, ...articleInput({ titleId: '   ' }) },
        { id: article.id, expectedVersion: 0, ...articleInput() },
        {
          id: article.id,
          expectedVersion: 1,
          ...articleInput({ legalBasis: [{ kind: 'fatwa', reference: 'x' }] }),
        },
        { id: article.id, expectedVersion: 1, ...articleInput(), ownerOfficeId: office['34.04'] },
        { id: 'not-a-uuid', expectedVersion: 1, ...articleInput() },
      ]) {
        expect((await bantul.mutation('knowledge.update', input)).status).toBe(400)
      }
      expect(
        (await bantul.mutation('knowledge.create', { ...articleInput(), topic: 'pilpres' })).status,
      ).toBe(400)
      const unknown = { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, ...articleInput() }
      expect(refusal(await bantul.mutation('knowledge.update', unknown))).toMatchObject({
        status: 404,
        rule: 'knowledge.notFound',
        message: translated,
      })
      expect(await knowledgeCounts(api.db)).toEqual(before)
    })
  })

  it('archives and restores its own article, audited; an archived one is listed only when asked', async () => {
    const article = await createArticle(bantul, { titleId: 'Artikel yang diarsipkan' })
    const archived = data<ArticleRecord>(await bantul.mutation('knowledge.archive', { id: article.id }))
    expect(archived.archivedAt).toBeInstanceOf(Date)
    expect((await list(bantul)).items.map((i) => i.id)).not.toContain(article.id)
    expect((await list(bantul, { includeArchived: true })).items.map((i) => i.id)).toContain(article.id)

    const before = await knowledgeCounts(api.db)
    expect(refusal(await bantul.mutation('knowledge.archive', { id: article.id }))).toMatchObject({
      status: 409,
      rule: 'knowledge.archived',
      message: translated,
    })
    const save = { id: article.id, expectedVersion: 1, ...articleInput({ titleId: 'Lagi' }) }
    expect(refusal(await bantul.mutation('knowledge.update', save))).toMatchObject({
      status: 409,
      rule: 'knowledge.archived',
    })
    expect(refusal(await bantul.mutation('knowledge.copy', { id: article.id }))).toMatchObject({
      status: 409,
      rule: 'knowledge.archived',
    })
    expect(await knowledgeCounts(api.db)).toEqual(before)

    const restored = data<ArticleRecord>(await bantul2.mutation('knowledge.restore', { id: article.id }))
    expect(restored).toMatchObject({ archivedAt: null, version: 1, updatedBy: { id: bantul2.userId } })
    expect(refusal(await bantul.mutation('knowledge.restore', { id: article.id }))).toMatchObject({
      status: 409,
      rule: 'knowledge.notArchived',
    })
    const audits = await articleAudits(api.db, article.id)
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ['knowledge.create', bantul.userId],
      ['knowledge.archive', bantul.userId],
      ['knowledge.restore', bantul2.userId],
    ])
    expect(audits[1]).toMatchObject({
      before: { archivedAt: null },
      after: { archivedAt: expect.any(String) },
    })
  })
})
