import type { Prisma, Queryable } from '@mejabantu/db'
import {
  articleAccess,
  citeLegalBasis,
  LegalBasisSchema,
  type ArticleContent,
  type LegalBasis,
  type TopicCode,
} from '@mejabantu/domain'
import { z } from 'zod'
import type { AuditSnapshot } from '../shared/audit-writer.ts'
import type { ArticleOwner, ArticleRecord } from './schemas.ts'

/** A KnowledgeArticle row as Prisma returns it (every scalar column but the search vector). */
export interface ArticleRow {
  id: string
  ownerOfficeId: string
  topic: string
  tags: string[]
  titleId: string
  titleEn: string | null
  bodyId: string
  bodyEn: string | null
  legalBasis: Prisma.JsonValue
  public: boolean
  version: number
  sourceConsultationId: string | null
  copiedFromId: string | null
  archivedAt: Date | null
  createdById: string
  updatedById: string
  createdAt: Date
  updatedAt: Date
}

/** The owner office as an article row is loaded with it. */
export const ownerSelect = { select: { id: true, name: true, level: true, regionCode: true } } as const

// Stored citations were checked on the way in; one written by other means is dropped, not thrown.
const StoredLegalBasis = z.array(z.unknown()).catch([])
export function legalBasisOf(json: Prisma.JsonValue): LegalBasis[] {
  return StoredLegalBasis.parse(json).flatMap((item) => {
    const parsed = LegalBasisSchema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

/** Everything an edit can change, as the domain compares and a version stores it. */
export function contentOf(row: ArticleRow): ArticleContent {
  return {
    topic: row.topic as TopicCode,
    tags: row.tags,
    titleId: row.titleId,
    titleEn: row.titleEn ?? undefined,
    bodyId: row.bodyId,
    bodyEn: row.bodyEn ?? undefined,
    legalBasis: legalBasisOf(row.legalBasis),
    public: row.public,
  }
}

/** The content as columns: absent English becomes null, citations plain JSON. */
export function contentColumns(content: ArticleContent) {
  return {
    topic: content.topic,
    tags: content.tags,
    titleId: content.titleId,
    titleEn: content.titleEn ?? null,
    bodyId: content.bodyId,
    bodyEn: content.bodyEn ?? null,
    legalBasis: asJson(content.legalBasis),
    public: content.public,
  }
}

/** A value as Prisma's JSON input: what JSON.stringify keeps (absent optional fields are left out). */
export const asJson = (value: unknown): Prisma.InputJsonValue =>
  JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue

/** A version's stored content, read back; the fields an old version lacks stay absent. */
export function storedContent(json: Prisma.JsonValue): ArticleContent {
  const value = (json && typeof json === 'object' && !Array.isArray(json) ? json : {}) as Record<
    string,
    Prisma.JsonValue
  >
  return {
    topic: value.topic as TopicCode,
    tags: Array.isArray(value.tags) ? (value.tags as string[]) : [],
    titleId: String(value.titleId ?? ''),
    titleEn: typeof value.titleEn === 'string' ? value.titleEn : undefined,
    bodyId: String(value.bodyId ?? ''),
    bodyEn: typeof value.bodyEn === 'string' ? value.bodyEn : undefined,
    legalBasis: legalBasisOf(value.legalBasis ?? []),
    public: value.public === true,
  }
}

type UserRef = { id: string; displayName: string }

/** The people an article names, looked up once: its creator and last editor. */
export async function peopleOf(db: Queryable, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  const people: UserRef[] = wanted.length
    ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } })
    : []
  return (id: string | null) => people.find((p) => p.id === id) ?? null
}

/** What every view of an article starts from: its content, owner, access and version, for `officeId`. */
export function articleBase(row: ArticleRow & { ownerOffice: unknown }, officeId: string) {
  return {
    ...contentOf(row),
    id: row.id,
    owner: row.ownerOffice as ArticleOwner,
    access: articleAccess(officeId, row.ownerOfficeId),
    version: row.version,
    updatedAt: row.updatedAt,
  }
}

/** An article as procedures return it, for the office `officeId` reading it. */
export async function toArticleRecord(
  db: Queryable,
  row: ArticleRow & { ownerOffice: ArticleOwner },
  officeId: string,
): Promise<ArticleRecord> {
  const person = await peopleOf(db, [row.createdById, row.updatedById])
  return {
    ...articleBase(row, officeId),
    sourceConsultationId: row.sourceConsultationId,
    copiedFromId: row.copiedFromId,
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    createdBy: person(row.createdById),
    updatedBy: person(row.updatedById),
  }
}

/** Content fields for an audit snapshot: the citations as they are quoted, the rest as stored. */
export function articleSnapshot(content: Partial<ArticleContent>, extra: AuditSnapshot = {}): AuditSnapshot {
  const snapshot: AuditSnapshot = {}
  for (const [key, value] of Object.entries(content)) {
    if (key === 'legalBasis') snapshot[key] = (value as LegalBasis[]).map((b) => citeLegalBasis(b))
    else snapshot[key] = (value ?? null) as string | boolean | string[] | null
  }
  return { ...snapshot, ...extra }
}

/** Only the named fields of the content. */
export function pickContent(content: ArticleContent, keys: readonly (keyof ArticleContent)[]) {
  return Object.fromEntries(keys.map((key) => [key, content[key]])) as Partial<ArticleContent>
}

const EXCERPT_CHARS = 200

/** The start of a body, cut by code point so no character is split. */
export function excerpt(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length > EXCERPT_CHARS
    ? `${chars
        .slice(0, EXCERPT_CHARS - 1)
        .join('')
        .trimEnd()}…`
    : chars.join('')
}
