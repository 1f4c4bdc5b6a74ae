import { describe, expect, it } from 'vitest'
import {
  catalogInEffect,
  expectedChecks,
  outstandingChecks,
  RequirementCatalogSchema,
  requirementsFor,
  type RequirementCatalog,
} from '../requirement.ts'
import { pkpu8of2024 } from './pkpu-8-2024.ts'

const codes = (items: { code: string }[]) => items.map((i) => i.code)

describe('PKPU 8/2024 catalog', () => {
  it('is a valid catalog whose every item cites its legal basis', () => {
    expect(RequirementCatalogSchema.parse(pkpu8of2024)).toEqual(pkpu8of2024)
    for (const item of pkpu8of2024.items)
      expect(item.legalBasis, item.code).toMatch(/(PKPU|UU) \d+\/\d{4} Pasal \d+/)
  })

  it('lists every candidate document C1–C14 and nomination document P1–P5 of the brief', () => {
    const expected = [
      ...Array.from({ length: 14 }, (_, i) => `C${i + 1}`),
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'I1',
      'I2',
    ]
    expect(codes(pkpu8of2024.items)).toEqual(expected)
  })

  it('asks party pairs for the party documents and independent pairs for their own', () => {
    const party = codes(requirementsFor(pkpu8of2024, 'partai'))
    const independent = codes(requirementsFor(pkpu8of2024, 'perseorangan'))
    expect(party).toEqual(expect.arrayContaining(['C1', 'C14', 'P1', 'P2', 'P3', 'P4', 'P5']))
    expect(party).not.toContain('I1')
    expect(independent).toEqual(expect.arrayContaining(['C1', 'C14', 'P4', 'I1', 'I2']))
    expect(independent).not.toContain('P1')
  })

  it('rejects a catalog that repeats a code', () => {
    const first = pkpu8of2024.items[0]!
    const broken = { ...pkpu8of2024, items: [...pkpu8of2024.items, first] }
    expect(RequirementCatalogSchema.safeParse(broken).error?.issues[0]?.message).toBe('catalog.codes.unique')
  })
})

describe('catalog versions', () => {
  const later: RequirementCatalog = { ...pkpu8of2024, version: 'PKPU-X-2029', effectiveFrom: '2029-01-01' }

  it('picks the newest catalog already in effect on a date', () => {
    expect(catalogInEffect([later, pkpu8of2024], '2024-09-06')?.version).toBe('PKPU-8-2024')
    expect(catalogInEffect([pkpu8of2024, later], '2029-01-01')?.version).toBe('PKPU-X-2029')
    expect(catalogInEffect([pkpu8of2024, later], '2024-08-26')).toBeNull()
  })
})

describe('what a pair owes', () => {
  const pair = { pathway: 'partai' as const, parties: ['Partai A', 'Partai B'] }

  it('expects candidate documents from both candidates, party documents from every party, pair documents once', () => {
    const expected = expectedChecks(pkpu8of2024, pair)
    expect(expected.filter((e) => e.requirementCode === 'C5').map((e) => e.subject)).toEqual([
      'kepala',
      'wakil',
    ])
    expect(expected.filter((e) => e.requirementCode === 'P2').map((e) => e.subject)).toEqual([
      'Partai A',
      'Partai B',
    ])
    expect(expected.filter((e) => e.requirementCode === 'P1').map((e) => e.subject)).toEqual(['pasangan'])
    expect(expected).toHaveLength(14 * 2 + 3 + 2 * 2)
  })

  it('is complete only when every expected document is MS', () => {
    const allMs = expectedChecks(pkpu8of2024, pair).map((e) => ({ ...e, status: 'MS' as const }))
    expect(outstandingChecks(pkpu8of2024, pair, allMs)).toEqual([])

    const oneBms = allMs.map((c) =>
      c.requirementCode === 'C5' && c.subject === 'wakil' ? { ...c, status: 'BMS' as const } : c,
    )
    expect(outstandingChecks(pkpu8of2024, pair, oneBms)).toEqual([
      { requirementCode: 'C5', subject: 'wakil' },
    ])
  })
})
