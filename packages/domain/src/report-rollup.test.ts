import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  emptySummary,
  mergeSummaries,
  officeTable,
  rollUp,
  summarise,
  type ConsultationFact,
  type ReportSummary,
} from './report.ts'
import { fact } from './report.fixture.ts'

const arbitraryFact = (officeIds: readonly string[]) =>
  fc.record({
    officeId: fc.constantFrom(...officeIds),
    day: fc.constantFrom('2024-08-27', '2024-08-28', '2024-09-06'),
    channel: fc.constantFrom('tatap_muka', 'telepon', 'email', 'grup_pesan'),
    topic: fc.constantFrom('silon', 'foto', 'jadwal', 'constructor'),
    stakeholderCategory: fc.constantFrom('lo', 'media', 'pemilih'),
    status: fc.constantFrom('baru', 'dijawab', 'dirujuk', 'selesai'),
    staffId: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
    referred: fc.boolean(),
    firstResponseMinutes: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    resolutionMinutes: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  })

describe('mergeSummaries', () => {
  it('equals summarising the whole, however the facts are split and ordered', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryFact(['bantul', 'sleman']), { maxLength: 40 }),
        fc.nat(40),
        fc.nat(40),
        (facts, i, j) => {
          const [a, b] = [Math.min(i, j, facts.length), Math.min(Math.max(i, j), facts.length)]
          const parts = [facts.slice(0, a), facts.slice(a, b), facts.slice(b)].map(summarise)
          expect(mergeSummaries(...parts)).toEqual(summarise(facts))
          expect(mergeSummaries(parts[2]!, parts[0]!, parts[1]!)).toEqual(summarise(facts))
        },
      ),
    )
  })

  it.each([
    ['all in one part', [5]],
    ['an empty part first', [0, 5]],
    ['an empty part last', [5, 0]],
    ['one fact per part', [1, 1, 1, 1, 1]],
    ['empty parts between', [2, 0, 0, 3]],
  ])('equals summarising the whole with %s', (_, sizes) => {
    const facts = [
      fact(),
      fact({ channel: 'telepon', staffId: null, firstResponseMinutes: null }),
      fact({ topic: 'foto', referred: true, status: 'dirujuk', resolutionMinutes: null }),
      fact({ day: '2024-09-07', firstResponseMinutes: 50_000, resolutionMinutes: 50_001 }),
      fact({ stakeholderCategory: 'media', firstResponseMinutes: 0 }),
    ]
    const ends = sizes.map((_, k) => sizes.slice(0, k + 1).reduce((x, y) => x + y, 0))
    const parts = ends.map((end, k) => facts.slice(ends[k - 1] ?? 0, end))
    expect(parts.flat()).toEqual(facts)
    expect(mergeSummaries(...parts.map(summarise))).toEqual(summarise(facts))
  })

  it('gives an empty summary for nothing and for empty parts, and leaves its inputs alone', () => {
    expect(mergeSummaries()).toEqual(emptySummary())
    expect(mergeSummaries(emptySummary(), emptySummary())).toEqual(emptySummary())
    const a = summarise([fact()])
    const b = summarise([fact({ topic: 'foto' })])
    mergeSummaries(a, b)
    expect(a).toEqual(summarise([fact()]))
    expect(b).toEqual(summarise([fact({ topic: 'foto' })]))
  })
})

describe('rollUp over a three-level tree', () => {
  const offices = [
    { id: 'ri', parentId: null },
    { id: 'diy', parentId: 'ri' },
    { id: 'bantul', parentId: 'diy' },
    { id: 'sleman', parentId: 'diy' },
    { id: 'kulonprogo', parentId: 'diy' },
    { id: 'babel', parentId: 'ri' },
    { id: 'belitung', parentId: 'babel' },
    { id: 'bangka', parentId: 'babel' },
  ]
  // Written out by hand, so the test does not trust rollUp's own idea of the tree.
  const subtree: Record<string, string[]> = {
    ri: offices.map((o) => o.id),
    diy: ['diy', 'bantul', 'sleman', 'kulonprogo'],
    babel: ['babel', 'belitung', 'bangka'],
    bantul: ['bantul'],
    sleman: ['sleman'],
    kulonprogo: ['kulonprogo'],
    belitung: ['belitung'],
    bangka: ['bangka'],
  }
  // Kulon Progo, Bangka and the Babel office itself have no consultations.
  const facts: ConsultationFact[] = fc.sample(arbitraryFact(['ri', 'diy', 'bantul', 'sleman', 'belitung']), {
    seed: 20_240_906,
    numRuns: 300,
  })
  const own = new Map<string, ReportSummary>()
  for (const id of ['ri', 'diy', 'bantul', 'sleman', 'belitung']) {
    own.set(id, summarise(facts.filter((f) => f.officeId === id)))
  }
  own.set('bangka', emptySummary())
  own.set('elsewhere', summarise([fact({ officeId: 'elsewhere' })]))
  const rolled = rollUp(offices, own)

  it('seeds data in every office it expects to', () => {
    for (const id of ['ri', 'diy', 'bantul', 'sleman', 'belitung']) {
      expect(
        facts.some((f) => f.officeId === id),
        id,
      ).toBe(true)
    }
  })

  it('lists each office with its own figures and its children in list order', () => {
    expect([...rolled.keys()].sort()).toEqual(offices.map((o) => o.id).sort())
    expect(rolled.get('ri')!.children).toEqual(['diy', 'babel'])
    expect(rolled.get('diy')!.children).toEqual(['bantul', 'sleman', 'kulonprogo'])
    expect(rolled.get('babel')!.children).toEqual(['belitung', 'bangka'])
    expect(rolled.get('bantul')!.children).toEqual([])
    expect(rolled.get('bantul')!.own).toEqual(summarise(facts.filter((f) => f.officeId === 'bantul')))
    expect(rolled.get('kulonprogo')!.own).toEqual(emptySummary())
    expect(rolled.get('babel')!.own).toEqual(emptySummary())
  })

  it('makes every total its own figures plus the totals of the level below', () => {
    for (const office of offices) {
      const entry = rolled.get(office.id)!
      const below = offices.filter((o) => o.parentId === office.id).map((o) => rolled.get(o.id)!.total)
      expect(entry.total, office.id).toEqual(mergeSummaries(entry.own, ...below))
    }
  })

  it('makes every total the summary of the consultations in its subtree', () => {
    for (const [id, ids] of Object.entries(subtree)) {
      const inside = facts.filter((f) => ids.includes(f.officeId))
      expect(rolled.get(id)!.total.consultations, id).toBe(inside.length)
      expect(rolled.get(id)!.total, id).toEqual(summarise(inside))
    }
    expect(rolled.get('kulonprogo')!.total).toEqual(emptySummary())
  })

  it('makes the national total the summary of every consultation', () => {
    expect(rolled.get('ri')!.total).toEqual(summarise(facts))
    expect(rolled.get('ri')!.total.consultations).toBe(300)
  })

  it('gives a Provinsi one row per Kab/Kota below it', () => {
    expect(officeTable(rolled, 'diy')).toEqual([
      { officeId: 'bantul', total: summarise(facts.filter((f) => f.officeId === 'bantul')) },
      { officeId: 'sleman', total: summarise(facts.filter((f) => f.officeId === 'sleman')) },
      { officeId: 'kulonprogo', total: emptySummary() },
    ])
    expect(officeTable(rolled, 'ri').map((row) => row.officeId)).toEqual(['diy', 'babel'])
    expect(officeTable(rolled, 'bantul')).toEqual([])
    expect(officeTable(rolled, 'unknown')).toEqual([])
  })

  it('treats an office whose parent is not listed as a root', () => {
    const diyOnly = offices.filter((o) => subtree.diy!.includes(o.id))
    const provinceOnly = rollUp(diyOnly, own)
    expect([...provinceOnly.keys()].sort()).toEqual([...subtree.diy!].sort())
    expect(provinceOnly.get('diy')!.total).toEqual(rolled.get('diy')!.total)
  })

  it('leaves the summaries it was given alone', () => {
    expect(own.get('bantul')).toEqual(summarise(facts.filter((f) => f.officeId === 'bantul')))
    expect(own.get('bangka')).toEqual(emptySummary())
  })
})

describe('rollUp on corrupt trees', () => {
  it('refuses a two-office cycle, naming an office on it', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]
    expect(() => rollUp(cyclic, new Map())).toThrow(/Office (a|b) .*cycle/)
  })

  it('refuses an office that is its own parent', () => {
    expect(() => rollUp([{ id: 'x', parentId: 'x' }], new Map())).toThrow(/Office x .*cycle/)
  })

  it('refuses a cycle hanging off an otherwise good tree', () => {
    const offices = [
      { id: 'ri', parentId: null },
      { id: 'diy', parentId: 'ri' },
      { id: 'p', parentId: 'q' },
      { id: 'q', parentId: 'r' },
      { id: 'r', parentId: 'p' },
    ]
    expect(() => rollUp(offices, new Map())).toThrow(/Office (p|q|r) .*cycle/)
  })

  it('refuses an office listed twice rather than counting it twice', () => {
    const offices = [
      { id: 'ri', parentId: null },
      { id: 'diy', parentId: 'ri' },
      { id: 'diy', parentId: 'ri' },
    ]
    expect(() => rollUp(offices, new Map())).toThrow(/Office diy is listed twice/)
  })
})
