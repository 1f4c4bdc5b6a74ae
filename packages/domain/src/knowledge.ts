import { z } from 'zod'
import { ConsultationStatus, type Consultation } from './consultation.ts'
import { TopicCodeSchema } from './topic.ts'
import { labelledEnum, type Locale } from './labels.ts'
import type { OfficeNode } from './office.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import { scrubPersonalData } from './scrub.ts'

/**
 * The knowledge base: an office's agreed answers, so two desks answer the same SKCK question alike. KPU RI's
 * and a Provinsi's articles are read by every office below; only the owner edits, the others copy.
 */

/** Where an answer stands in law: the regulation, the decision or the circular it quotes. */
export const LegalBasisKind = labelledEnum({
  uu: { id: 'Undang-Undang', en: 'Statute (UU)' },
  pkpu: { id: 'Peraturan KPU', en: 'KPU Regulation (PKPU)' },
  keputusan_kpu: { id: 'Keputusan KPU', en: 'KPU Decision' },
  surat_edaran: { id: 'Surat edaran / surat dinas KPU RI', en: 'KPU RI circular' },
  lainnya: { id: 'Lainnya', en: 'Other' },
})
/** A kind of legal basis. */
export type LegalBasisKind = z.infer<typeof LegalBasisKind.schema>

const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined)

/** One legal basis: "Pasal 14 ayat (2) huruf f PKPU 8/2024", or a circular's number and date. */
export const LegalBasisSchema = z.object({
  kind: LegalBasisKind.schema,
  reference: text(300),
  /** The date of a circular or decision, as it is cited with its number. */
  date: z.iso.date().optional(),
})
/** A legal basis as entered. */
export type LegalBasis = z.infer<typeof LegalBasisSchema>

/** A tag as stored: lower case, single spaces, no leading '#'. */
export function normaliseTag(tag: string): string {
  return tag.trim().replace(/^#+/, '').replace(/\s+/g, ' ').toLowerCase()
}

/** Tags as entered: normalised, without repeats or empties, at most 12 of up to 40 characters. */
export const TagsSchema = z
  .array(z.string().max(60))
  .max(24)
  .transform((tags) => [...new Set(tags.map(normaliseTag).filter(Boolean))])
  .pipe(z.array(z.string().max(40)).max(12))

/** An article as an editor writes it; English is optional, Bahasa Indonesia is not. */
export const ArticleInputSchema = z.object({
  topic: TopicCodeSchema,
  tags: TagsSchema.default([]),
  titleId: text(200),
  titleEn: optionalText(200),
  bodyId: text(20_000),
  bodyEn: optionalText(20_000),
  legalBasis: z.array(LegalBasisSchema).max(12).default([]),
  public: z.boolean().default(false),
})
/** An article as entered. */
export type ArticleInput = z.output<typeof ArticleInputSchema>

/** What a version of an article holds: every field an edit can change. */
export type ArticleContent = ArticleInput

/** The fields an edit changed, by name, for the version note and the audit trail. */
export function changedArticleFields(
  before: ArticleContent,
  after: ArticleContent,
): (keyof ArticleContent)[] {
  return (Object.keys(after) as (keyof ArticleContent)[]).filter(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  )
}

/** The offices whose articles `officeId` reads: itself, then each office above it up to KPU RI. */
export function articleOwnersFor(offices: readonly OfficeNode[], officeId: string): string[] {
  const byId = new Map(offices.map((o) => [o.id, o]))
  const chain: string[] = []
  for (let id: string | null | undefined = officeId; id && !chain.includes(id); id = byId.get(id)?.parentId) {
    chain.push(id)
  }
  return chain
}

/** How an office may treat an article: edit its own, read and copy one from above. */
export type ArticleAccess = 'edit' | 'read'

/** Whether the article is the office's own (editable) or inherited from an office above (read-only). */
export function articleAccess(officeId: string, ownerOfficeId: string): ArticleAccess {
  return officeId === ownerOfficeId ? 'edit' : 'read'
}

/** Refuses an edit to an article another office owns: below, it is copied and the copy edited. */
export function checkArticleEditable(officeId: string, ownerOfficeId: string): RuleResult<true> {
  if (articleAccess(officeId, ownerOfficeId) === 'edit') return allow(true)
  return deny({
    rule: 'knowledge.inherited',
    params: {},
    message: {
      id: 'Artikel ini milik kantor di atas Anda dan hanya dapat dibaca. Salin artikel untuk menyesuaikannya.',
      en: 'This article belongs to an office above yours and is read-only. Copy it to adapt it.',
    },
  })
}

/** The part of a sheet promoting it to an article reads. */
export type PromotableSheet = Pick<
  Consultation,
  'status' | 'referredAt' | 'topic' | 'question' | 'answer' | 'legalBasis' | 'askerName' | 'participants'
>

/**
 * A draft article from a referral the office above answered: the question as its title, the answer as its
 * body, both scrubbed of the asker's name and contacts, and the cited article as its legal basis. Only a
 * referral that was answered is promoted: its answer is the higher office's ruling.
 */
export function articleFromReferral(sheet: PromotableSheet): RuleResult<ArticleInput> {
  if (!sheet.referredAt || !sheet.answer || !['dijawab', 'selesai'].includes(sheet.status)) {
    return deny({
      rule: 'knowledge.promote.notAnsweredReferral',
      params: { status: sheet.status },
      message: {
        id: `Hanya rujukan yang sudah dijawab yang dapat dijadikan artikel; lembar ini berstatus ${ConsultationStatus.label(sheet.status)}${sheet.referredAt ? '' : ' dan tidak pernah dirujuk'}.`,
        en: `Only an answered referral can become an article; this sheet is ${ConsultationStatus.label(sheet.status, 'en')}${sheet.referredAt ? '' : ' and was never referred'}.`,
      },
    })
  }
  const names = [sheet.askerName, ...sheet.participants.map((p) => p.name)]
  const question = scrubPersonalData(sheet.question, names).replace(/\s+/g, ' ').trim()
  return allow({
    topic: sheet.topic,
    tags: [],
    titleId: titleFromQuestion(question),
    bodyId: scrubPersonalData(sheet.answer, names).trim(),
    legalBasis: sheet.legalBasis
      ? [{ kind: legalKindOf(sheet.legalBasis), reference: sheet.legalBasis }]
      : [],
    public: false,
    titleEn: undefined,
    bodyEn: undefined,
  })
}

/** A question's first sentence, cut at a word to at most 200 characters: an article's working title. */
export function titleFromQuestion(question: string): string {
  const sentence = /^(.+?[?.!])(\s|$)/.exec(question)?.[1] ?? question
  if (sentence.length <= 200) return sentence
  const cut = sentence.slice(0, 199)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 100 ? cut.lastIndexOf(' ') : 199)}…`
}

/** The kind a free-text citation names: "PKPU 8/2024 Pasal 14" is a PKPU, "UU 10/2016" a statute. */
export function legalKindOf(reference: string): LegalBasisKind {
  if (/\bPKPU\b|Peraturan KPU/i.test(reference)) return 'pkpu'
  if (/\bUU\b|Undang-Undang/i.test(reference)) return 'uu'
  if (/Keputusan KPU|\bKepKPU\b/i.test(reference)) return 'keputusan_kpu'
  if (/Surat Edaran|\bSE\b|Surat Dinas/i.test(reference)) return 'surat_edaran'
  return 'lainnya'
}

/** A legal basis as it is cited in an answer: "PKPU 8/2024 Pasal 14 ayat (2)", a circular with its date. */
export function citeLegalBasis(basis: LegalBasis, locale: Locale = 'id'): string {
  if (!basis.date) return basis.reference
  return `${basis.reference} ${locale === 'id' ? 'tanggal' : 'of'} ${basis.date}`
}

/** The part of an article inserted into an answer. */
export interface InsertableArticle {
  bodyId: string
  bodyEn?: string | undefined
  legalBasis: readonly LegalBasis[]
}

/**
 * What inserting an article does to a draft answer: its body is added after what is already written (in
 * the language asked, Indonesian when there is no English), and its citations are added to the legal basis
 * without repeating one already there.
 */
export function insertArticle(
  draft: { answer: string; legalBasis: string },
  article: InsertableArticle,
  locale: Locale = 'id',
): { answer: string; legalBasis: string } {
  const body = (locale === 'en' && article.bodyEn) || article.bodyId
  const answer = draft.answer.trim() ? `${draft.answer.trimEnd()}\n\n${body}` : body
  const cited = draft.legalBasis
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean)
  for (const basis of article.legalBasis) {
    const citation = citeLegalBasis(basis, locale)
    if (!cited.includes(citation)) cited.push(citation)
  }
  return { answer, legalBasis: cited.join('; ').slice(0, 500) }
}

/** A search as typed: a few words at least two letters long, so each keystroke does not scan the base. */
export const ArticleSearchSchema = z.object({
  query: z.string().trim().max(500).default(''),
  topic: TopicCodeSchema.optional(),
  /** The public FAQ passes true: only articles marked public. */
  publicOnly: z.boolean().default(false),
  includeArchived: z.boolean().default(false),
  limit: z.number().int().min(1).max(50).default(10),
})
/** An article search as asked. */
export type ArticleSearch = z.output<typeof ArticleSearchSchema>

/**
 * The words of a question worth searching the base for: two letters or more, without the Indonesian and
 * English function words every question has, at most twelve. Joined with OR, so an article matching most
 * words ranks first without one needing all of them.
 */
export function suggestionTerms(question: string): string[] {
  const words = question
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w))
  return [...new Set(words)].slice(0, 12)
}

const STOP_WORDS = new Set(
  (
    'yang dan di ke dari untuk dengan pada ini itu atau apakah apa bagaimana bila jika kalau kami kita saya ' +
    'anda bapak ibu mohon tolong apa kah adalah akan sudah belum bisa dapat harus ada tidak tak juga serta ' +
    'oleh dalam sebagai agar supaya karena terima kasih the a an of to in on for is are be can how what do ' +
    'does with and or'
  ).split(' '),
)
