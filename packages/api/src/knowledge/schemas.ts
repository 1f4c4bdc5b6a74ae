import {
  ArticleInputSchema,
  ArticleSearchSchema,
  LegalBasisSchema,
  OfficeLevel,
  RegionCodeSchema,
  TagsSchema,
  TopicCodeSchema,
} from '@mejabantu/domain'
import { z } from 'zod'

const article = ArticleInputSchema.shape
const note = z
  .string()
  .trim()
  .max(500)
  .optional()
  .transform((value) => value || undefined)

/** One article, by id. */
export const ArticleIdSchema = z.strictObject({ id: z.uuid() })

/** A new article of the actor's office, with an optional note for its first version. */
export const CreateArticleSchema = z.strictObject({ ...article, note })
/** A new article as entered. */
export type CreateArticle = z.output<typeof CreateArticleSchema>

/**
 * A save of the whole editor: every field as it now reads, the version the editor opened (a later one
 * means someone else saved meanwhile) and an optional note for the history.
 */
export const UpdateArticleSchema = z.strictObject({
  id: z.uuid(),
  expectedVersion: z.number().int().min(1).max(1_000_000),
  ...article,
  note,
})
/** A save of an article. */
export type UpdateArticle = z.output<typeof UpdateArticleSchema>

/** Search, filters and paging of the office's knowledge base. */
export const ArticleListInputSchema = z
  .strictObject({
    ...ArticleSearchSchema.shape,
    page: z.number().int().min(1).max(10_000).default(1),
  })
  .prefault({})
/** Search, filters and paging of the knowledge base. */
export type ArticleListInput = z.output<typeof ArticleListInputSchema>

/** The question as it is being typed on a sheet, and its topic when chosen. */
export const SuggestInputSchema = z.strictObject({
  question: z.string().max(10_000),
  topic: TopicCodeSchema.optional(),
})
/** What suggestions are asked for. */
export type SuggestInput = z.output<typeof SuggestInputSchema>

/** An answered referral to turn into an article; the title, tags, topic and public flag may be set here. */
export const PromoteInputSchema = z.strictObject({
  consultationId: z.uuid(),
  titleId: article.titleId.optional(),
  titleEn: article.titleEn,
  topic: article.topic.optional(),
  tags: TagsSchema.optional(),
  public: z.boolean().optional(),
})
/** A promotion as asked. */
export type PromoteInput = z.output<typeof PromoteInputSchema>

/** An office as an article names its owner. */
export const ArticleOwnerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  level: OfficeLevel.schema,
  regionCode: RegionCodeSchema,
})
/** An article's owner office. */
export type ArticleOwner = z.infer<typeof ArticleOwnerSchema>

/** A staff member as the knowledge base names them (who wrote or edited). */
export const UserRefSchema = z.object({ id: z.uuid(), displayName: z.string() })

/** A stored article; `access` says whether the actor's office edits it or only reads and copies it. */
export const ArticleRecordSchema = z.object({
  id: z.uuid(),
  owner: ArticleOwnerSchema,
  access: z.enum(['edit', 'read']),
  topic: TopicCodeSchema,
  tags: z.array(z.string()),
  titleId: z.string(),
  titleEn: z.string().optional(),
  bodyId: z.string(),
  bodyEn: z.string().optional(),
  legalBasis: z.array(LegalBasisSchema),
  public: z.boolean(),
  version: z.number().int().positive(),
  sourceConsultationId: z.uuid().nullable(),
  copiedFromId: z.uuid().nullable(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  createdBy: UserRefSchema.nullable(),
  updatedBy: UserRefSchema.nullable(),
})
/** A stored article. */
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>

/** One line of the knowledge-base list. */
export const ArticleListItemSchema = ArticleRecordSchema.pick({
  id: true,
  owner: true,
  access: true,
  topic: true,
  tags: true,
  titleId: true,
  titleEn: true,
  public: true,
  version: true,
  copiedFromId: true,
  archivedAt: true,
  updatedAt: true,
}).extend({
  /** The start of the Indonesian body. */
  excerpt: z.string(),
  /** Relevance to `query` (higher first); null without a search. */
  rank: z.number().nullable(),
  /** Sheets answered with it, in every office. */
  uses: z.number().int().nonnegative(),
})
/** One line of the knowledge-base list. */
export type ArticleListItem = z.infer<typeof ArticleListItemSchema>

/** One page of the knowledge base with the total that match. */
export const ArticlePageSchema = z.object({
  items: z.array(ArticleListItemSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
})
/** One page of the knowledge base. */
export type ArticlePage = z.infer<typeof ArticlePageSchema>

/** One saved version of an article: who saved it, when, why, and which fields it changed. */
export const ArticleVersionEntrySchema = z.object({
  version: z.number().int().positive(),
  editedAt: z.date(),
  editedBy: UserRefSchema.nullable(),
  note: z.string().nullable(),
  /** Against the version before; empty for the first version, which wrote every field. */
  changedFields: z.array(z.string()),
})

/** An article with its history, where it was copied from, and how many sheets were answered with it. */
export const ArticleDetailSchema = z.object({
  article: ArticleRecordSchema,
  /** The article it was copied from, while the actor's office still reads it. */
  copiedFrom: z.object({ id: z.uuid(), titleId: z.string(), owner: ArticleOwnerSchema }).nullable(),
  /** Newest first. */
  versions: z.array(ArticleVersionEntrySchema),
  usage: z.object({
    /** Sheets answered with the article, in every office. */
    sheets: z.number().int().nonnegative(),
    /** Of those, the sheets of the actor's own office. */
    officeSheets: z.number().int().nonnegative(),
    lastUsedAt: z.date().nullable(),
  }),
})
/** An article with its history and use. */
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>

/** A suggestion while a question is typed: everything inserting it into the answer needs. */
export const ArticleSuggestionSchema = ArticleRecordSchema.pick({
  id: true,
  owner: true,
  access: true,
  topic: true,
  tags: true,
  titleId: true,
  titleEn: true,
  bodyId: true,
  bodyEn: true,
  legalBasis: true,
  version: true,
  updatedAt: true,
}).extend({ rank: z.number() })
/** A suggestion while a question is typed. */
export type ArticleSuggestion = z.infer<typeof ArticleSuggestionSchema>
