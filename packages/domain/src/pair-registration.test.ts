import { describe, expect, it } from 'vitest'
import type { CandidatePair } from './candidate.ts'
import { pilkada2024Calendar } from './election.ts'
import { checkPairRegistration, PairRegistrationSchema, PairUpdateSchema } from './pair-registration.ts'

const pair: CandidatePair = {
  pathway: 'partai',
  parties: ['Partai A', 'Partai B'],
  candidates: [
    { role: 'kepala', fullName: 'Budi Santoso', birthDate: '1975-03-01' },
    { role: 'wakil', fullName: 'Siti Aminah', birthDate: '1980-07-12' },
  ],
  liaisonOfficer: { name: 'Andi', phone: '081234567890' },
}
const rule = (candidate: CandidatePair, calendar = pilkada2024Calendar) => {
  const result = checkPairRegistration(candidate, calendar)
  return result.ok ? 'ok' : result.violation.rule
}

describe('pair registration', () => {
  it('accepts a pair whose candidates are old enough at penetapan', () => {
    expect(rule(pair)).toBe('ok')
    expect(
      PairRegistrationSchema.parse({ electionId: '0b6a1c1e-3f0e-4c59-9c55-5a8b5f3f2a10', pair }).pair,
    ).toEqual(pair)
  })

  it('lists each party once and refuses names that read as a check subject', () => {
    expect(rule({ ...pair, parties: ['Partai A', ' partai a'] })).toBe('pair.parties.duplicate')
    expect(rule({ ...pair, parties: ['Pasangan'] })).toBe('pair.parties.reserved')
  })

  it('registers a pair with an under-age candidate: the age is a finding at penetapan, not a refusal', () => {
    const young = { ...pair.candidates[1], birthDate: '1999-09-23' }
    expect(rule({ ...pair, candidates: [pair.candidates[0], young] })).toBe('ok')
  })

  it('cannot count ages without a penetapan date', () => {
    expect(rule(pair, { name: 'none', windows: [] })).toBe('calendar.penetapan.missing')
  })

  it('updates the LO or the ballot number, not nothing', () => {
    const pairId = '0b6a1c1e-3f0e-4c59-9c55-5a8b5f3f2a10'
    expect(PairUpdateSchema.safeParse({ pairId, ballotNumber: null }).success).toBe(true)
    expect(PairUpdateSchema.safeParse({ pairId }).error?.issues[0]?.message).toBe('pair.update.empty')
  })
})
