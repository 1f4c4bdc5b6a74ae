import { describe, expect, it } from 'vitest'
import { HandoverInputSchema } from './handover.ts'

const handover = {
  pairId: '0b6a1c1e-3f0e-4c59-9c55-5a8b5f3f2a10',
  heldAt: new Date('2024-09-06T02:00:00Z'),
  place: 'Kantor KPU Kabupaten Bantul',
  attendees: [
    { name: 'Andi', institution: 'pasangan_calon' },
    { name: 'Dewi', institution: 'bawaslu', institutionName: 'Bawaslu Kabupaten Bantul' },
    { name: 'Eko', institution: 'pemda', position: 'Kabag Tata Pemerintahan' },
    { name: 'Fajar', institution: 'kesbangpol' },
  ],
  documentRef: 'BA/123/PL.02-BA/3402/2024',
}

describe('handover of research results', () => {
  it('records who attended, from which institution', () => {
    expect(HandoverInputSchema.parse(handover)).toEqual(handover)
  })

  it('needs the pair’s side among the attendees', () => {
    const withoutLo = { ...handover, attendees: handover.attendees.slice(1) }
    expect(HandoverInputSchema.safeParse(withoutLo).error?.issues[0]?.message).toBe('handover.pair.required')
  })
})
