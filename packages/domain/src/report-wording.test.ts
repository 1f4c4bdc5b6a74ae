import { describe, expect, it } from 'vitest'
import { formatDurationRange, formatShare, spreadLine } from './report-labels.ts'
import { addDuration, durationSpread, emptyHistogram } from './report.ts'

const histogram = (...minutes: number[]) => minutes.reduce(addDuration, emptyHistogram())

describe('report figures in words', () => {
  it('knows where half and nine in ten of the durations lie, not one bound read as exact', () => {
    expect(durationSpread(histogram(12, 14, 25, 100))).toEqual({
      half: { fromMinutes: 10, toMinutes: 15 },
      nineInTen: { fromMinutes: 90, toMinutes: 120 },
    })
    expect(durationSpread(histogram(0, 1))).toEqual({
      half: { fromMinutes: 0, toMinutes: 1 },
      nineInTen: { fromMinutes: 0, toMinutes: 1 },
    })
    expect(durationSpread(histogram(50_000)).half).toEqual({ fromMinutes: 43_200, toMinutes: null })
    expect(durationSpread(emptyHistogram())).toEqual({ half: null, nineInTen: null })
  })

  it('prints a range with one unit where both ends share it, in either language', () => {
    expect(formatDurationRange({ fromMinutes: 15, toMinutes: 30 })).toBe('15–30 menit')
    expect(formatDurationRange({ fromMinutes: 45, toMinutes: 60 })).toBe('45 menit–1 jam')
    expect(formatDurationRange({ fromMinutes: 60, toMinutes: 90 })).toBe('1 jam–1 jam 30 menit')
    expect(formatDurationRange({ fromMinutes: 1440, toMinutes: 2880 }, 'en')).toBe('1–2 days')
    expect(formatDurationRange({ fromMinutes: 0, toMinutes: 5 })).toBe('sampai 5 menit')
    expect(formatDurationRange({ fromMinutes: 0, toMinutes: 5 }, 'en')).toBe('up to 5 minutes')
    expect(formatDurationRange({ fromMinutes: 43_200, toMinutes: null })).toBe('30 hari atau lebih')
    expect(formatDurationRange({ fromMinutes: 43_200, toMinutes: null }, 'en')).toBe('30 days or more')
    expect(formatDurationRange(null)).toBe('—')
  })

  it('says it as a leader reads it, without statistics', () => {
    const spread = durationSpread(histogram(12, 14, 25, 100))
    expect(spreadLine(spread)).toBe('separuh dalam 10–15 menit, 9 dari 10 dalam 1 jam 30 menit–2 jam')
    expect(spreadLine(spread, 'en')).toBe(
      'half within 10–15 minutes, 9 in 10 within 1 hour 30 minutes–2 hours',
    )
    expect(spreadLine(durationSpread(emptyHistogram()))).toBe('—')
  })

  it('prints shares in the language’s number format', () => {
    expect(formatShare(1, 2)).toBe('50,0%')
    expect(formatShare(1, 3, 'en')).toBe('33.3%')
    expect(formatShare(0, 0)).toBe('0,0%')
  })
})
