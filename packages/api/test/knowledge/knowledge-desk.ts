import { expect } from 'vitest'
import type { Database } from '@mejabantu/db'
import type { ArticleRecord } from '../../src/knowledge/schemas.ts'
import { dataOf, type TrpcReply } from '../support/browser.ts'
import type { Staff } from '../support/consultation-fixtures.ts'

/** An article as the editor sends it; `overrides` replace fields. */
export function articleInput(overrides: Record<string, unknown> = {}) {
  return {
    topic: 'syarat_calon',
    tags: ['SKCK', ' #Kepolisian '],
    titleId: 'SKCK bagi bakal calon bupati',
    titleEn: 'Police clearance (SKCK) for regent candidates',
    bodyId:
      'SKCK diterbitkan oleh Kepolisian Daerah (Polda) sesuai domisili bakal calon dan diserahkan asli saat pendaftaran.',
    legalBasis: [{ kind: 'pkpu', reference: 'PKPU 8/2024 Pasal 14 ayat (2) huruf f' }],
    public: false,
    ...overrides,
  }
}

/** An article written by `staff` in their office. */
export const createArticle = async (staff: Staff, overrides: Record<string, unknown> = {}) =>
  dataOf<ArticleRecord>(await staff.mutation('knowledge.create', articleInput(overrides)))

/** A refusal as a test compares it: HTTP status, rule, params and the id/en message. */
export const refusal = (reply: TrpcReply) => ({ status: reply.status, ...reply.body.error?.data })

/** The audit events of one article, oldest first. */
export const articleAudits = (db: Database, id: string) =>
  db.prisma.auditEvent.findMany({
    where: { targetType: 'KnowledgeArticle', targetId: id },
    orderBy: { id: 'asc' },
  })

/** What a refused call must leave as it was: articles, their versions and uses, and the audit trail. */
export const knowledgeCounts = async (db: Database) => ({
  articles: await db.prisma.knowledgeArticle.findMany({ orderBy: { id: 'asc' } }),
  versions: await db.prisma.knowledgeArticleVersion.count(),
  uses: await db.prisma.consultationArticle.count(),
  audits: await db.prisma.auditEvent.count(),
})

/** A translated refusal: an Indonesian and an English sentence. */
export const translated = { id: expect.any(String), en: expect.any(String) }
