import { describe, expect, it } from 'vitest'
import { thresholdCheck } from './threshold.ts'

describe('nomination threshold (P5)', () => {
  const basis = { voterCount: 800_000, validVotes: 600_000, dprdSeats: 45 }

  it('compares the coalition’s valid votes with the share the voter list sets', () => {
    expect(thresholdCheck('kabkota', basis, { votes: 45_000, seats: 5 })).toEqual({
      requiredPercent: 7.5,
      votesPercent: 7.5,
      seatsPercent: 11.11,
      votesShort: 0,
      meets: true,
    })
  })

  it('says how many votes are missing', () => {
    expect(thresholdCheck('kabkota', basis, { votes: 44_999, seats: null })).toMatchObject({
      meets: false,
      votesShort: 1,
      seatsPercent: null,
    })
  })

  it('uses the provincial brackets for a governor election', () => {
    expect(
      thresholdCheck('provinsi', { ...basis, voterCount: 2_800_000 }, { votes: 0, seats: 0 }).requiredPercent,
    ).toBe(8.5)
  })
})
