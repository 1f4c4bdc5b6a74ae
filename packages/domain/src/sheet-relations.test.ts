import { describe, expect, it } from 'vitest'
import {
  checkMerge,
  checkRatable,
  orderedLink,
  RatingInputSchema,
  ratingSummary,
  type MergeableSheet,
} from './sheet-relations.ts'

const sheet = (over: Partial<MergeableSheet>): MergeableSheet => ({
  id: 'a',
  officeId: 'bantul',
  number: 'LK-34.02-2024-00001',
  status: 'baru',
  mergedIntoId: null,
  ...over,
})

describe('merging a duplicate sheet', () => {
  const kept = sheet({ id: 'k', number: 'LK-34.02-2024-00002', status: 'dijawab' })

  it('merges an unanswered duplicate into another sheet of the office', () => {
    expect(checkMerge(sheet({}), kept)).toEqual({ ok: true, value: true })
  })

  it.each([
    ['self', sheet({ id: 'k' }), /dirinya sendiri/],
    ['otherOffice', sheet({ officeId: 'sleman' }), /kantor yang sama/],
    ['alreadyMerged', sheet({ mergedIntoId: 'x' }), /sudah digabung/],
    ['answered', sheet({ status: 'dijawab' }), /sudah ditangani/],
  ])('refuses %s', (rule, duplicate, message) => {
    const result = checkMerge(duplicate, kept)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.violation.rule).toBe(`consultation.merge.${rule}`)
      expect(result.violation.message.id).toMatch(message)
    }
  })

  it('refuses to merge into a sheet that was itself merged away', () => {
    expect(checkMerge(sheet({}), { ...kept, mergedIntoId: 'z' }).ok).toBe(false)
  })
})

describe('linking related sheets', () => {
  it('stores a link once, whichever side it was made from', () => {
    expect(orderedLink('b', 'a')).toEqual(orderedLink('a', 'b'))
    expect(orderedLink('a', 'a').ok).toBe(false)
  })
})

describe('rating a closed sheet', () => {
  const closedAt = new Date('2024-09-10T03:00:00Z')
  const closed = { number: 'LK-1', status: 'selesai' as const, closedAt, mergedIntoId: null, rated: false }

  it('opens once closed, for thirty days, once', () => {
    expect(checkRatable(closed, new Date('2024-09-11T00:00:00Z')).ok).toBe(true)
    expect(checkRatable(closed, new Date('2024-10-11T00:00:00Z')).ok).toBe(false)
    expect(checkRatable({ ...closed, rated: true }, closedAt).ok).toBe(false)
    expect(checkRatable({ ...closed, status: 'dijawab', closedAt: null }, closedAt).ok).toBe(false)
    expect(checkRatable({ ...closed, mergedIntoId: 'x' }, closedAt).ok).toBe(false)
  })

  it('takes a whole score from 1 to 5 and an optional comment', () => {
    expect(RatingInputSchema.parse({ score: 5, comment: '  ' })).toEqual({ score: 5 })
    expect(RatingInputSchema.safeParse({ score: 0 }).success).toBe(false)
    expect(RatingInputSchema.safeParse({ score: 4.5 }).success).toBe(false)
  })

  it('sums ratings to a count and a mean to one decimal', () => {
    expect(ratingSummary([5, 4, 4])).toEqual({ count: 3, mean: 4.3 })
    expect(ratingSummary([])).toEqual({ count: 0, mean: null })
  })
})
