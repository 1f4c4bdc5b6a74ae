import { describe, expect, it } from 'vitest'
import { CheckInSchema, maskName, maskPhone, moveVisit, normalisePhone, VisitStatus } from './guest.ts'

describe('phone numbers', () => {
  it('normalises the ways visitors type the same number', () => {
    for (const raw of ['0812-3456-7789', '+62 812 3456 7789', '6281234567789', '(0812) 3456.7789']) {
      expect(normalisePhone(raw), raw).toBe('+6281234567789')
    }
  })

  it('refuses what cannot be a phone number', () => {
    for (const raw of ['', '12345', 'budi@example.com', '0812', '+62abc45678', '08123456789012345678']) {
      expect(normalisePhone(raw), raw).toBeNull()
    }
  })
})

describe('check-in input', () => {
  const checkIn = {
    clientId: '9a0d1c9e-2f0a-4d9c-8f35-0b1c2d3e4f50',
    guest: { name: 'Budi Santoso', phone: '0812 3456 7789', category: 'lo' },
    topic: 'silon',
    consentVersion: '2024-08',
  }

  it('parses a kiosk check-in, normalising the phone and defaulting the lane', () => {
    const parsed = CheckInSchema.parse(checkIn)
    expect(parsed.guest.phone).toBe('+6281234567789')
    expect(parsed.priority).toBeNull()
  })

  it('refuses a bad phone with a translatable code, and a check-in without consent', () => {
    const badPhone = CheckInSchema.safeParse({ ...checkIn, guest: { ...checkIn.guest, phone: 'abc' } })
    expect(badPhone.success).toBe(false)
    expect(badPhone.error?.issues[0]).toMatchObject({ message: 'phone.invalid', path: ['guest', 'phone'] })
    expect(CheckInSchema.safeParse({ ...checkIn, consentVersion: '' }).success).toBe(false)
    expect(CheckInSchema.safeParse({ ...checkIn, clientId: 'retry-1' }).success).toBe(false)
  })
})

describe('visit lifecycle', () => {
  const allowed = [
    ['menunggu', 'dipanggil'],
    ['dipanggil', 'dipanggil'],
    ['dipanggil', 'dilayani'],
    ['dipanggil', 'tidak_hadir'],
    ['dilayani', 'selesai'],
    ['tidak_hadir', 'menunggu'],
  ]

  it('allows exactly call, recall, serve, no-show, check out and rejoin', () => {
    for (const from of VisitStatus.values) {
      for (const to of VisitStatus.values) {
        const expected = allowed.some(([f, t]) => f === from && t === to)
        const result = moveVisit(from, to)
        expect(result.ok, `${from} → ${to}`).toBe(expected)
        if (!result.ok)
          expect(result.violation).toMatchObject({ rule: 'visit.transition', params: { from, to } })
      }
    }
  })
})

describe('masked confirmation for returning visitors', () => {
  it('shows just enough of a name to recognise it', () => {
    expect(maskName('Budi Santoso')).toBe('Bud* S*****')
    expect(maskName('  Siti   Nurhaliza Putri ')).toBe('Sit* N***** P*****')
    expect(maskName('Al')).toBe('A*')
    expect(maskName('I')).toBe('I*')
  })

  it('never reveals the full name or the middle of the phone', () => {
    const name = 'Bambang Pamungkas'
    expect(maskName(name)).not.toContain('Bambang')
    expect(maskName(name)).not.toContain('Pamungkas')
    expect(maskPhone('+6281234567789')).toBe('0812****789')
    expect(maskPhone('+6281234567789')).not.toContain('34567')
  })
})
