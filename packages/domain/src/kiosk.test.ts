import { describe, expect, it } from 'vitest'
import { formatPairingCode, PAIRING_ALPHABET, PairingCodeSchema } from './kiosk.ts'

describe('pairing codes', () => {
  it('accepts a code however it is typed', () => {
    expect(PairingCodeSchema.parse('abcd-efgh')).toBe('ABCDEFGH')
    expect(PairingCodeSchema.parse(' XY23 45MN ')).toBe('XY2345MN')
    expect(formatPairingCode('ABCDEFGH')).toBe('ABCD-EFGH')
  })

  it('refuses codes of the wrong length or with easily misread characters', () => {
    for (const code of ['ABCDEFG', 'ABCDEFGHJ', 'ABCDEFG0', 'ABCDEFGI', 'ABCDEFG1', '']) {
      expect(PairingCodeSchema.safeParse(code).success, code).toBe(false)
    }
    expect(PAIRING_ALPHABET).not.toMatch(/[01IOL]/)
  })
})
