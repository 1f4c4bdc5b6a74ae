import { describe, expect, it } from 'vitest'
import type { StakeholderCategory } from './consultation.ts'
import { MIN_PUBLIC_GROUP, suppressSmallCells, withSmallCategoriesMerged } from './publication-groups.ts'
import type { PublicConsultation } from './publication.ts'

const order = ['a', 'b', 'c', 'd'] as const

describe('suppressing small cells', () => {
  it('needs groups of three', () => expect(MIN_PUBLIC_GROUP).toBe(3))

  it.each([
    ['nothing counted', {}, {}, []],
    ['every cell large enough', { a: 3, b: 7 }, { a: 3, b: 7 }, []],
    ['two small cells hide each other', { a: 5, b: 1, c: 2 }, { a: 5 }, ['b', 'c']],
    ['one small cell takes the smallest shown one with it', { a: 9, b: 4, c: 1 }, { a: 9 }, ['b', 'c']],
    ['a lone small cell has nothing to hide behind', { b: 2 }, {}, ['b']],
    ['zero is not a cell', { a: 4, b: 0, c: 6 }, { a: 4, c: 6 }, []],
    ['ties take the first in order', { a: 4, b: 4, d: 1 }, { b: 4 }, ['a', 'd']],
  ] as const)('%s', (_, counts, shown, suppressed) => {
    expect(suppressSmallCells<(typeof order)[number]>(counts, order)).toEqual({ shown, suppressed })
  })

  it('takes another minimum', () => {
    expect(suppressSmallCells({ a: 4, b: 5 }, order, 5)).toEqual({ shown: {}, suppressed: ['a', 'b'] })
  })
})

describe('the public log on a quiet day', () => {
  const line = (day: string, stakeholderCategory: StakeholderCategory): PublicConsultation => ({
    day,
    channel: 'telepon',
    topic: 'silon',
    stakeholderCategory,
    status: 'dijawab',
    minutesToFirstResponse: 5,
  })
  const busy = ['lo', 'lo', 'lo', 'pemilih', 'pemilih', 'pemilih'].map((c) =>
    line('2024-09-06', c as StakeholderCategory),
  )
  const quiet = [line('2024-09-07', 'media')]

  it('shows a category only where the day has at least three of it', () => {
    const all = [...busy, ...quiet]
    expect(withSmallCategoriesMerged(all, all).map((l) => l.stakeholderCategory)).toEqual([
      ...busy.map((l) => l.stakeholderCategory),
      'lainnya',
    ])
  })

  it('hides what the day’s figures hide, so the log cannot give it back', () => {
    const day = [...busy.slice(0, 3), line('2024-09-06', 'media')]
    expect(withSmallCategoriesMerged(day, day).map((l) => l.stakeholderCategory)).toEqual(
      Array(4).fill('lainnya'),
    )
  })

  it('counts the whole day, not just the page, and hides a day it was not told about', () => {
    const page = busy.slice(0, 1)
    expect(withSmallCategoriesMerged(page, busy)[0]!.stakeholderCategory).toBe('lo')
    expect(withSmallCategoriesMerged(page, page)[0]!.stakeholderCategory).toBe('lainnya')
    expect(withSmallCategoriesMerged(page, [])[0]!.stakeholderCategory).toBe('lainnya')
  })

  it('changes nothing else on a line', () => {
    const [merged] = withSmallCategoriesMerged(quiet, quiet)
    expect(merged).toEqual({ ...quiet[0], stakeholderCategory: 'lainnya' })
  })
})
