import { describe, expect, it } from 'vitest'
import { dimensionLabel, formatMinutes } from './report-labels.ts'

describe('report labels', () => {
  it('labels each breakdown from its enumeration, and keeps a value no table lists', () => {
    expect(dimensionLabel('channel', 'telepon')).toBe('Telepon')
    expect(dimensionLabel('status', 'dirujuk', 'en')).toMatch(/referred/i)
    expect(dimensionLabel('topic', 'topik_lama_kantor')).toBe('topik_lama_kantor')
    expect(dimensionLabel('category', 'constructor')).toBe('constructor')
  })

  it('prints durations in at most two units, singular and plural in English', () => {
    expect(formatMinutes(null)).toBe('—')
    expect(formatMinutes(0)).toBe('0 menit')
    expect(formatMinutes(45)).toBe('45 menit')
    expect(formatMinutes(125)).toBe('2 jam 5 menit')
    expect(formatMinutes(60, 'en')).toBe('1 hour')
    expect(formatMinutes(1441, 'en')).toBe('1 day 1 minute')
    expect(formatMinutes(3 * 1440 + 4 * 60 + 30, 'en')).toBe('3 days 4 hours')
    expect(formatMinutes(7.4)).toBe('7 menit')
  })
})
