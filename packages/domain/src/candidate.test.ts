import { describe, expect, it } from 'vitest'
import { CandidatePairSchema, type CandidatePair } from './candidate.ts'

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
