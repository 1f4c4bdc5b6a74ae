import { describe, expect, it } from 'vitest'
import {
  ageOn,
  CandidatePairSchema,
  checkMinimumAge,
  nominationThresholdPercent,
  type CandidatePair,
} from './candidate.ts'

const pair: CandidatePair = {
  pathway: 'partai',
  parties: ['Partai A', 'Partai B'],
  candidates: [
    { role: 'kepala', fullName: 'Budi Santoso', birthDate: '1975-03-01' },
    { role: 'wakil', fullName: 'Siti Aminah', birthDate: '1980-07-12' },
  ],
  liaisonOfficer: { name: 'Andi', phone: '081234567890' },
}

const issues = (value: unknown) =>
  CandidatePairSchema.safeParse(value).error?.issues.map((i) => i.message) ?? []

describe('candidate pair', () => {
  it('accepts a party pair with a head and a deputy', () => {
    expect(issues(pair)).toEqual([])
  })

  it('needs one head and one deputy', () => {
    const twoHeads = { ...pair, candidates: [pair.candidates[0], pair.candidates[0]] }
    expect(issues(twoHeads)).toContain('pair.roles')
  })

  it('needs a party for the party pathway and none for an independent pair', () => {
    expect(issues({ ...pair, parties: [] })).toContain('pair.parties.required')
    expect(issues({ ...pair, pathway: 'perseorangan' })).toContain('pair.parties.forbidden')
    expect(issues({ ...pair, pathway: 'perseorangan', parties: [] })).toEqual([])
  })

  it('rejects an LO phone number that is not digits', () => {
    expect(
      CandidatePairSchema.safeParse({ ...pair, liaisonOfficer: { name: 'Andi', phone: '0812-abc' } }).success,
    ).toBe(false)
  })
})

describe('minimum age at penetapan', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn('1994-09-22', '2024-09-22')).toBe(30)
    expect(ageOn('1994-09-23', '2024-09-22')).toBe(29)
    expect(ageOn('1994-10-01', '2024-09-22')).toBe(29)
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24)
  })

  it('needs 30 for governor and 25 for regent or mayor on the penetapan date', () => {
    const young = { fullName: 'Calon Muda', birthDate: '1994-09-23' }
    expect(checkMinimumAge(young, 'bupati', '2024-09-22')).toEqual({ ok: true, value: 29 })
    const result = checkMinimumAge(young, 'gubernur', '2024-09-22')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.violation).toMatchObject({ rule: 'candidate.age', params: { age: '29', minimum: '30' } })
    expect(result.violation.message.id).toContain('minimal 30 tahun')
    expect(checkMinimumAge({ ...young, birthDate: '1994-09-22' }, 'gubernur', '2024-09-22').ok).toBe(true)
    expect(checkMinimumAge({ ...young, birthDate: '1999-09-23' }, 'walikota', '2024-09-22').ok).toBe(false)
  })
})

describe('nomination threshold after ruling 60/PUU-XXII/2024', () => {
  it('steps down with the voter list of a regency or city', () => {
    expect(nominationThresholdPercent('kabkota', 250_000)).toBe(10)
    expect(nominationThresholdPercent('kabkota', 250_001)).toBe(8.5)
    expect(nominationThresholdPercent('kabkota', 500_001)).toBe(7.5)
    expect(nominationThresholdPercent('kabkota', 1_000_001)).toBe(6.5)
  })

  it('steps down with the voter list of a province', () => {
    expect(nominationThresholdPercent('provinsi', 2_000_000)).toBe(10)
    expect(nominationThresholdPercent('provinsi', 5_000_000)).toBe(8.5)
    expect(nominationThresholdPercent('provinsi', 12_000_000)).toBe(7.5)
    expect(nominationThresholdPercent('provinsi', 30_000_000)).toBe(6.5)
  })
})
