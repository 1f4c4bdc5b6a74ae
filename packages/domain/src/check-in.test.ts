import { describe, expect, it } from 'vitest'
import { checkInTime, recognisedGuest } from './check-in.ts'
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
  const known = [
    { id: 'newer', name: 'Budi Santoso' },
    { id: 'older', name: 'Ani Lestari' },
  ]

  it('is the guest whose name the visitor typed again, case and spacing aside', () => {
    expect(recognisedGuest(known, '  budi   SANTOSO ')?.id).toBe('newer')
    expect(recognisedGuest(known, 'Ani Lestari')?.id).toBe('older')
  })

  it('is the guest whose masked confirmation the kiosk showed', () => {
    expect(recognisedGuest(known, 'Bud* S*****')?.id).toBe('newer')
    expect(recognisedGuest(known, 'An* L*****')?.id).toBe('older')
  })

  it('is nobody when a new name comes on a known phone, so nobody is renamed', () => {
    expect(recognisedGuest(known, 'Budi Santoso Putra')).toBeUndefined()
    expect(recognisedGuest(known, 'Mallory')).toBeUndefined()
    expect(recognisedGuest([], 'Budi Santoso')).toBeUndefined()
  })
})
