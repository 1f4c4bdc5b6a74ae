import { describe, expect, it } from 'vitest'
import {
  articleFromReferral,
  articleOwnersFor,
  ArticleInputSchema,
  changedArticleFields,
  checkArticleEditable,
  insertArticle,
  legalKindOf,
  suggestionTerms,
  TagsSchema,
  titleFromQuestion,
  type PromotableSheet,
} from './knowledge.ts'

const RI = { id: 'ri', parentId: null }
const DIY = { id: 'diy', parentId: 'ri' }
const BANTUL = { id: 'bantul', parentId: 'diy' }
const SLEMAN = { id: 'sleman', parentId: 'diy' }

describe('inherited articles', () => {
  it('reads its own articles, then those of each office above, never a sibling’s', () => {
    const offices = [RI, DIY, BANTUL, SLEMAN]
    expect(articleOwnersFor(offices, 'bantul')).toEqual(['bantul', 'diy', 'ri'])
    expect(articleOwnersFor(offices, 'ri')).toEqual(['ri'])
  })

  it('stops at a loop in a damaged tree instead of walking forever', () => {
    expect(
      articleOwnersFor(
        [
          { id: 'a', parentId: 'b' },
          { id: 'b', parentId: 'a' },
        ],
        'a',
      ),
    ).toEqual(['a', 'b'])
  })

  it('lets only the owner edit; an office below is told to copy', () => {
    expect(checkArticleEditable('bantul', 'bantul').ok).toBe(true)
    const refused = checkArticleEditable('bantul', 'diy')
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.violation.message.id).toMatch(/Salin artikel/)
  })
})

describe('an article as entered', () => {
  it('normalises tags, drops repeats and empty English', () => {
    const article = ArticleInputSchema.parse({
      topic: 'syarat_calon',
      tags: ['#SKCK', ' skck ', 'Surat  Sehat', ''],
      titleId: 'SKCK',
      titleEn: '  ',
      bodyId: 'Diterbitkan Polres.',
      legalBasis: [{ kind: 'pkpu', reference: 'PKPU 8/2024 Pasal 14 ayat (2) huruf f' }],
    })
    expect(article.tags).toEqual(['skck', 'surat sehat'])
    expect(article.titleEn).toBeUndefined()
    expect(article.public).toBe(false)
  })

  it('refuses more than twelve tags, a long tag, and a circular date that is no date', () => {
    expect(TagsSchema.safeParse(Array.from({ length: 13 }, (_, i) => `t${i}`)).success).toBe(false)
    expect(TagsSchema.safeParse(['x'.repeat(41)]).success).toBe(false)
    const basis = { kind: 'surat_edaran', reference: 'SE KPU 1000/2024', date: '31-08-2024' }
    expect(
      ArticleInputSchema.safeParse({ topic: 'silon', titleId: 'a', bodyId: 'b', legalBasis: [basis] })
        .success,
    ).toBe(false)
  })

  it('names the fields an edit changed', () => {
    const before = ArticleInputSchema.parse({
      topic: 'silon',
      titleId: 'Akun',
      bodyId: 'Isi',
      tags: ['akun'],
    })
    expect(changedArticleFields(before, { ...before, bodyId: 'Isi baru', tags: ['akun', 'sandi'] })).toEqual([
      'tags',
      'bodyId',
    ])
    expect(changedArticleFields(before, { ...before })).toEqual([])
  })
})

describe('promoting an answered referral', () => {
  const sheet: PromotableSheet = {
    status: 'dijawab',
    referredAt: new Date('2024-09-01T03:00:00Z'),
    topic: 'syarat_calon',
    question: 'Saya Siti Aminah (0812-3456-7890). Apakah SKCK boleh dari Polda? Mohon penjelasan.',
    answer: 'Bu Siti Aminah, SKCK diterbitkan Polres sesuai domisili.',
    legalBasis: 'PKPU 8/2024 Pasal 14 ayat (2) huruf f',
    askerName: 'Siti Aminah',
    participants: [],
  }

  it('drafts the article from the question and answer, without the asker’s name or number', () => {
    const draft = articleFromReferral(sheet)
    expect(draft.ok).toBe(true)
    if (!draft.ok) return
    expect(draft.value.titleId).not.toMatch(/Siti|0812/)
    expect(draft.value.bodyId).toMatch(/SKCK diterbitkan Polres/)
    expect(draft.value.bodyId).not.toMatch(/Siti Aminah/)
    expect(draft.value.legalBasis).toEqual([
      { kind: 'pkpu', reference: 'PKPU 8/2024 Pasal 14 ayat (2) huruf f' },
    ])
    expect(ArticleInputSchema.safeParse(draft.value).success).toBe(true)
  })

  it('refuses a sheet never referred, or a referral not yet answered', () => {
    expect(articleFromReferral({ ...sheet, referredAt: null }).ok).toBe(false)
    const waiting = articleFromReferral({ ...sheet, status: 'dirujuk', answer: null })
    expect(waiting.ok).toBe(false)
    if (!waiting.ok) expect(waiting.violation.message.id).toMatch(/Dirujuk/)
  })

  it('titles by the first sentence, cut at a word', () => {
    expect(titleFromQuestion('Kapan batas unggah? Kami bingung.')).toBe('Kapan batas unggah?')
    const long = titleFromQuestion(`${'kata '.repeat(60)}akhir`)
    expect(long.length).toBeLessThanOrEqual(200)
    expect(long.endsWith('kata…')).toBe(true)
  })

  it('reads the kind of a citation from its words', () => {
    expect(legalKindOf('UU 10/2016 Pasal 7')).toBe('uu')
    expect(legalKindOf('Keputusan KPU 1229/2024')).toBe('keputusan_kpu')
    expect(legalKindOf('Surat Edaran KPU 1000/PL.02-SD/05/2024')).toBe('surat_edaran')
    expect(legalKindOf('Berita acara rapat pleno')).toBe('lainnya')
  })
})

describe('inserting an article into an answer', () => {
  const article = {
    bodyId: 'SKCK diterbitkan Polres.',
    bodyEn: 'The police certificate is issued by the district police.',
    legalBasis: [
      { kind: 'pkpu' as const, reference: 'PKPU 8/2024 Pasal 14' },
      { kind: 'surat_edaran' as const, reference: 'SE KPU 1000/2024', date: '2024-08-31' },
    ],
  }

  it('adds the body after the draft and each citation once', () => {
    const once = insertArticle({ answer: 'Terima kasih.', legalBasis: 'PKPU 8/2024 Pasal 14' }, article)
    expect(once.answer).toBe('Terima kasih.\n\nSKCK diterbitkan Polres.')
    expect(once.legalBasis).toBe('PKPU 8/2024 Pasal 14; SE KPU 1000/2024 tanggal 2024-08-31')
  })

  it('answers in English when asked and the article has it, else in Indonesian', () => {
    expect(insertArticle({ answer: '', legalBasis: '' }, article, 'en').answer).toMatch(/district police/)
    expect(
      insertArticle({ answer: '', legalBasis: '' }, { ...article, bodyEn: undefined }, 'en').answer,
    ).toBe('SKCK diterbitkan Polres.')
  })
})

describe('suggestion terms', () => {
  it('keeps the words that carry the question, once each', () => {
    expect(suggestionTerms('Apakah SKCK dari Polda boleh? SKCK saya kedaluwarsa.')).toEqual([
      'skck',
      'polda',
      'boleh',
      'kedaluwarsa',
    ])
    expect(suggestionTerms('apa itu?')).toEqual([])
  })
})
