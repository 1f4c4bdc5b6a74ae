import { describe, expect, it } from 'vitest'
import { ANONYMISED_NAME, anonymisedAskerFields, anonymiseGuest } from './anonymise.ts'

const guest = {
  id: 'g1',
  officeId: 'o1',
  category: 'lo',
  createdAt: new Date('2024-09-06T03:00:00Z'),
  name: 'Rina Marlina',
  institution: 'Partai Cahaya',
  phone: '+6281300000001',
  email: 'rina@contoh.id',
  anonymisedAt: null,
}
const at = new Date('2025-01-01T00:00:00Z')

describe('anonymising a guest', () => {
  it('removes name, institution, phone and e-mail, keeping category, office and dates', () => {
    const anonymised = anonymiseGuest(guest, at)
    expect(anonymised).toEqual({
      id: 'g1',
      officeId: 'o1',
      category: 'lo',
      createdAt: guest.createdAt,
      name: ANONYMISED_NAME,
      institution: null,
      phone: null,
      email: null,
      anonymisedAt: at,
    })
    expect(JSON.stringify(anonymised)).not.toMatch(/Rina|Cahaya|rina@|\+62/)
  })

  it('leaves an anonymised guest as it was, so a second run changes nothing', () => {
    const once = anonymiseGuest(guest, at)
    expect(anonymiseGuest(once, new Date('2026-01-01T00:00:00Z'))).toBe(once)
  })

  it('clears the asker of a sheet but keeps a name in the column', () => {
    expect(anonymisedAskerFields).toEqual({
      askerName: ANONYMISED_NAME,
      askerInstitution: null,
      askerContact: null,
    })
  })
})
