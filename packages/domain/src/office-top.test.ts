import { describe, expect, it } from 'vitest'
import { provinceOf, provinces } from './office-provinces.ts'
import { checkTopCoversServed, demoTopOffice, topOfficeChain } from './office-top.ts'

const chainOf = (top: Parameters<typeof topOfficeChain>[0]) => {
  const result = topOfficeChain(top)
  if (!result.ok) throw new Error(result.violation.message.en)
  return result.value.map((o) => [o.level, o.regionCode, o.name, o.timeZone])
}

describe('the top office of an install', () => {
  it('is KPU RI alone for the national server', () => {
    expect(chainOf({ regionCode: '00' })).toEqual([['RI', '00', 'KPU Republik Indonesia', 'WIB']])
  })

  it('is a province under KPU RI, named and zoned from the Kemendagri table unless named', () => {
    expect(chainOf({ regionCode: '34' })).toEqual([
      ['RI', '00', 'KPU Republik Indonesia', 'WIB'],
      ['PROVINSI', '34', 'KPU Daerah Istimewa Yogyakarta', 'WIB'],
    ])
    expect(chainOf({ regionCode: '94', name: 'KPU Papua Tengah' })[1]).toEqual([
      'PROVINSI',
      '94',
      'KPU Papua Tengah',
      'WIT',
    ])
    expect(chainOf({ regionCode: '51' })[1]).toEqual(['PROVINSI', '51', 'KPU Provinsi Bali', 'WITA'])
  })

  it('is a named Kab/Kota under its province, in the province’s zone; the demo is Bantul', () => {
    expect(chainOf(demoTopOffice)).toEqual([
      ['RI', '00', 'KPU Republik Indonesia', 'WIB'],
      ['PROVINSI', '34', 'KPU Daerah Istimewa Yogyakarta', 'WIB'],
      ['KABKOTA', '34.02', 'KPU Kabupaten Bantul', 'WIB'],
    ])
    expect(chainOf({ regionCode: '73.71', name: 'KPU Kota Makassar' })[2]).toEqual([
      'KABKOTA',
      '73.71',
      'KPU Kota Makassar',
      'WITA',
    ])
  })

  it('refuses a Kab/Kota without a name and codes Kemendagri does not have', () => {
    const unnamed = topOfficeChain({ regionCode: '34.04' })
    expect(unnamed.ok || unnamed.violation.rule).toBe('office.top.name')
    for (const regionCode of ['99', '20.01', '34.00']) {
      const result = topOfficeChain({ regionCode, name: 'KPU Uji' })
      expect(result.ok || result.violation.rule, regionCode).toBe('office.regionCode.unknown')
    }
  })

  it('may move up over the offices in use, never aside or down', () => {
    expect(checkTopCoversServed('34', ['34.02']).ok).toBe(true)
    expect(checkTopCoversServed('00', ['34.02', '34', '51']).ok).toBe(true)
    expect(checkTopCoversServed('34.02', ['34.02']).ok).toBe(true)
    const aside = checkTopCoversServed('35', ['34.02', '35.07'])
    expect(aside.ok).toBe(false)
    if (aside.ok) return
    expect(aside.violation).toMatchObject({ rule: 'office.top.outside', params: { outside: '34.02' } })
    expect(aside.violation.message.en).toContain('34.02')
    expect(checkTopCoversServed('34.02', ['34']).ok).toBe(false)
    expect(checkTopCoversServed('34.0', ['34.02']).ok).toBe(false)
  })
})

describe('the Kemendagri province table', () => {
  it('has the 38 provinces, each coded once, in one of the three zones', () => {
    expect(provinces).toHaveLength(38)
    expect(new Set(provinces.map((p) => p.code)).size).toBe(38)
    expect(provinces.every((p) => /^[1-9]\d$/.test(p.code))).toBe(true)
  })

  it('finds the province of a province or Kab/Kota code, and none for KPU RI', () => {
    expect(provinceOf('34.02')?.officeName).toBe('KPU Daerah Istimewa Yogyakarta')
    expect(provinceOf('11')?.officeName).toBe('Komisi Independen Pemilihan Aceh')
    expect(provinceOf('96')?.timeZone).toBe('WIT')
    expect(provinceOf('00')).toBeUndefined()
  })
})
