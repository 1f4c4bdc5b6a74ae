import { describe, expect, it } from 'vitest'
import { deskNames, pickDesk, spokenCall } from './desks.ts'

describe('desks', () => {
  it('names the desks of an office in order', () => {
    expect(deskNames(3)).toEqual(['Meja 1', 'Meja 2', 'Meja 3'])
  })

  it('accepts a desk the office has, or none, and refuses one it lacks', () => {
    expect(pickDesk(2, 3)).toEqual({ ok: true, value: 'Meja 2' })
    expect(pickDesk(null, 3)).toEqual({ ok: true, value: null })
    const refused = pickDesk(4, 3)
    expect(refused.ok ? null : refused.violation.rule).toBe('desk.unknown')
  })

  it('spells the number digit by digit for the voice, naming the desk', () => {
    expect(spokenCall('A-004', 'Meja 2')).toBe('Nomor antrean A, nol, nol, empat, silakan ke Meja 2')
    expect(spokenCall('P-120', null)).toBe('Nomor antrean P, satu, dua, nol, silakan ke meja layanan')
  })
})
