import { describe, expect, it } from 'vitest'
import { checkInTime, mergeReturningGuest } from './check-in.ts'
import { instantAt } from './time.ts'

describe('check-in time', () => {
  const now = instantAt('2024-09-06T10:00', 'WIB')

  it('is now when the device sent none', () => {
    expect(checkInTime(undefined, now, 'WIB')).toBe(now)
  })

  it('keeps an earlier time of the same office day (an offline outbox replaying)', () => {
    const earlier = instantAt('2024-09-06T00:00', 'WIB')
    expect(checkInTime(earlier, now, 'WIB')).toBe(earlier)
  })

  it('ignores a time in the future (a clock running ahead)', () => {
    expect(checkInTime(new Date(now.getTime() + 60_000), now, 'WIB')).toBe(now)
  })

  it('ignores a time of an earlier office day, judged in the office zone', () => {
    const lastNight = instantAt('2024-09-05T23:59', 'WIB')
    expect(checkInTime(lastNight, now, 'WIB')).toBe(now)
    // 00:30 WIT is still the previous day in WIB terms but the same day in WIT.
    const witNow = instantAt('2024-09-06T08:00', 'WIT')
    const witMorning = instantAt('2024-09-06T00:30', 'WIT')
    expect(checkInTime(witMorning, witNow, 'WIT')).toBe(witMorning)
    expect(checkInTime(witMorning, witNow, 'WIB')).toBe(witNow)
  })
})

describe('returning guest', () => {
  const stored = { name: 'Budi Santoso', institution: 'Partai A', email: 'budi@example.com' }

  it('takes what the visitor entered this time', () => {
    expect(
      mergeReturningGuest(stored, {
        name: 'Budi Santoso Putra',
        institution: 'Partai B',
        email: 'budi@partai-b.id',
        category: 'pengurus_partai',
      }),
    ).toEqual({
      name: 'Budi Santoso Putra',
      institution: 'Partai B',
      email: 'budi@partai-b.id',
      category: 'pengurus_partai',
    })
  })

  it('keeps what the visitor skipped, and never stores the masked confirmation as a name', () => {
    expect(mergeReturningGuest(stored, { name: 'Bud* S*****', category: 'lo' })).toEqual({
      name: 'Budi Santoso',
      institution: 'Partai A',
      email: 'budi@example.com',
      category: 'lo',
    })
    expect(
      mergeReturningGuest(
        { name: 'Ani', institution: null, email: null },
        { name: 'An*', category: 'pemilih' },
      ),
    ).toEqual({ name: 'Ani', institution: null, email: null, category: 'pemilih' })
  })
})
