import { describe, expect, it } from 'vitest'
import {
  formatInZone,
  instantAt,
  localDateTime,
  localDay,
  LocalTimeSchema,
  minutesBetween,
  TimeZone,
} from './time.ts'

describe('time zones', () => {
  it('reads a wall-clock time in each zone as the right instant', () => {
    expect(instantAt('2024-09-08T23:59', 'WIB').toISOString()).toBe('2024-09-08T16:59:00.000Z')
    expect(instantAt('2024-09-08T23:59', 'WITA').toISOString()).toBe('2024-09-08T15:59:00.000Z')
    expect(instantAt('2024-09-08T23:59', 'WIT').toISOString()).toBe('2024-09-08T14:59:00.000Z')
  })

  it('round-trips wall-clock times, across midnight and month ends', () => {
    for (const zone of TimeZone.values) {
      for (const local of ['2024-08-31T23:30', '2024-09-01T00:00', '2024-12-31T23:59', '2024-02-29T07:05']) {
        expect(localDateTime(instantAt(local, zone), zone)).toBe(local)
      }
    }
  })

  it('gives the office its own day: 17:30 UTC is already tomorrow in WIB', () => {
    const instant = new Date('2024-09-05T17:30:00Z')
    expect(localDay(instant, 'WIB')).toBe('2024-09-06')
    expect(localDay(new Date('2024-09-05T16:59:59Z'), 'WIB')).toBe('2024-09-05')
    expect(localDay(new Date('2024-09-05T14:59:00Z'), 'WIT')).toBe('2024-09-05')
    expect(localDay(new Date('2024-09-05T15:00:00Z'), 'WIT')).toBe('2024-09-06')
  })

  it('writes deadlines the way KPU does, in both languages', () => {
    const deadline = instantAt('2024-09-08T23:59', 'WITA')
    expect(formatInZone(deadline, 'WITA')).toBe('8 September 2024 pukul 23.59 WITA')
    expect(formatInZone(deadline, 'WITA', 'en')).toBe('8 September 2024, 23:59 WITA')
    expect(formatInZone(deadline, 'WIB')).toBe('8 September 2024 pukul 22.59 WIB')
    expect(formatInZone(instantAt('2024-01-01T09:00', 'WIT'), 'WIT', 'en')).toBe('1 January 2024, 09:00 WIT')
  })

  it('writes only the date or only the time when asked, still in the zone', () => {
    const instant = new Date('2024-09-08T16:59:00Z')
    expect(formatInZone(instant, 'WIB', 'id', 'date')).toBe('8 September 2024')
    expect(formatInZone(instant, 'WITA', 'en', 'date')).toBe('9 September 2024')
    expect(formatInZone(instant, 'WIB', 'id', 'time')).toBe('23.59 WIB')
    expect(formatInZone(instant, 'WIT', 'en', 'time')).toBe('01:59 WIT')
  })

  it('reads times of day as HH:mm only', () => {
    expect(LocalTimeSchema.safeParse('08:00').success).toBe(true)
    expect(LocalTimeSchema.safeParse('8:00').success).toBe(false)
    expect(LocalTimeSchema.safeParse('08:00:00').success).toBe(false)
    expect(LocalTimeSchema.safeParse('24:00').success).toBe(false)
  })

  it('counts whole minutes, negative when the end is earlier', () => {
    const a = new Date('2024-09-08T00:00:00Z')
    expect(minutesBetween(a, new Date('2024-09-08T00:01:59Z'))).toBe(1)
    expect(minutesBetween(a, new Date('2024-09-07T23:59:00Z'))).toBe(-1)
  })
})
