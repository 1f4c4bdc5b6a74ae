import { describe, expect, it } from 'vitest'
import {
  checkOfficePlacement,
  checkRegionCodeExists,
  childLevelOf,
  isWithin,
  levelOfRegionCode,
  officeSubtree,
  OfficeInputSchema,
  regionCodeWithin,
} from './office.ts'

const ri = { level: 'RI', regionCode: '00' } as const
const diy = { level: 'PROVINSI', regionCode: '34' } as const
const babel = { level: 'PROVINSI', regionCode: '19' } as const
const bantul = { level: 'KABKOTA', regionCode: '34.02' } as const

describe('offices', () => {
  it('reads the level from the Kemendagri code', () => {
    expect(levelOfRegionCode('00')).toBe('RI')
    expect(levelOfRegionCode('34')).toBe('PROVINSI')
    expect(levelOfRegionCode('19.02')).toBe('KABKOTA')
  })

  it('accepts well-formed input and refuses malformed region codes', () => {
    const input = {
      name: 'KPU Kabupaten Bantul',
      level: 'KABKOTA',
      regionCode: '34.02',
      timeZone: 'WIB',
      parentId: null,
    }
    expect(OfficeInputSchema.safeParse(input).success).toBe(true)
    for (const regionCode of ['3', '34.2', '34.02.01', 'AB', '']) {
      expect(OfficeInputSchema.safeParse({ ...input, regionCode }).success, regionCode).toBe(false)
    }
  })

  it('places offices only in the KPU hierarchy', () => {
    expect(checkOfficePlacement(ri, null).ok).toBe(true)
    expect(checkOfficePlacement(diy, ri).ok).toBe(true)
    expect(checkOfficePlacement(bantul, diy).ok).toBe(true)

    const refusals = [
      [ri, diy],
      [diy, null],
      [diy, diy],
      [bantul, ri],
      [bantul, babel],
      [bantul, null],
    ] as const
    for (const [office, parent] of refusals) {
      const result = checkOfficePlacement(office, parent)
      expect(result.ok, `${office.regionCode} under ${parent?.regionCode}`).toBe(false)
      if (!result.ok) expect(result.violation.rule).toBe('office.parent')
    }
  })

  it('refuses a level that contradicts the region code, in both languages', () => {
    const result = checkOfficePlacement({ level: 'PROVINSI', regionCode: '34.02' }, ri)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.violation.rule).toBe('office.regionCode.level')
    expect(result.violation.message.id).toContain('34.02')
    expect(result.violation.message.en).toContain('Provincial KPU')
  })

  it('refuses well-shaped codes Kemendagri does not have, before looking at the parent', () => {
    for (const office of [
      { level: 'PROVINSI', regionCode: '99' },
      { level: 'PROVINSI', regionCode: '20' },
      { level: 'KABKOTA', regionCode: '34.00' },
    ] as const) {
      const result = checkOfficePlacement(office, office.level === 'PROVINSI' ? ri : diy)
      expect(result.ok || result.violation.rule, office.regionCode).toBe('office.regionCode.unknown')
    }
    expect(checkRegionCodeExists('00').ok).toBe(true)
    expect(checkRegionCodeExists('96').ok).toBe(true)
    expect(checkRegionCodeExists('34.71').ok).toBe(true)
    const unknown = checkRegionCodeExists('99.01')
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) expect(unknown.violation.message.en).toContain('Regency/City KPU')
  })

  it('names the level below each office and tells which codes lie in an area', () => {
    expect([childLevelOf('RI'), childLevelOf('PROVINSI'), childLevelOf('KABKOTA')]).toEqual([
      'PROVINSI',
      'KABKOTA',
      null,
    ])
    expect(regionCodeWithin('34.02', '34')).toBe(true)
    expect(regionCodeWithin('34', '34')).toBe(true)
    expect(regionCodeWithin('51', '00')).toBe(true)
    expect(regionCodeWithin('34.02', '34.0')).toBe(false)
    expect(regionCodeWithin('35.02', '34')).toBe(false)
    expect(regionCodeWithin('34', '34.02')).toBe(false)
  })

  const tree = [
    { id: 'ri', parentId: null },
    { id: 'diy', parentId: 'ri' },
    { id: 'bantul', parentId: 'diy' },
    { id: 'sleman', parentId: 'diy' },
    { id: 'babel', parentId: 'ri' },
    { id: 'belitung', parentId: 'babel' },
  ]

  it('walks an office subtree breadth first', () => {
    expect(officeSubtree(tree, 'diy')).toEqual(['diy', 'bantul', 'sleman'])
    expect(officeSubtree(tree, 'ri')).toEqual(['ri', 'diy', 'babel', 'bantul', 'sleman', 'belitung'])
    expect(officeSubtree(tree, 'belitung')).toEqual(['belitung'])
  })

  it('lets an office read itself and offices below, never siblings or parents', () => {
    expect(isWithin(tree, 'diy', 'bantul')).toBe(true)
    expect(isWithin(tree, 'ri', 'belitung')).toBe(true)
    expect(isWithin(tree, 'bantul', 'bantul')).toBe(true)
    expect(isWithin(tree, 'bantul', 'diy')).toBe(false)
    expect(isWithin(tree, 'diy', 'belitung')).toBe(false)
    expect(isWithin(tree, 'bantul', 'sleman')).toBe(false)
  })

  it('does not loop on a corrupt tree with a cycle', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]
    expect(officeSubtree(cyclic, 'a')).toEqual(['a', 'b'])
  })
})
