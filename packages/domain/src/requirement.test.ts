import { describe, expect, it } from 'vitest'
import { CheckStatus, canTransition, RequirementSchema, transitionCheck } from './requirement.ts'

describe('requirement check transitions', () => {
  const allowed = [
    ['belum_diserahkan', 'diserahkan'],
    ['diserahkan', 'MS'],
    ['diserahkan', 'BMS'],
    ['diserahkan', 'TMS'],
    ['BMS', 'perbaikan'],
    ['perbaikan', 'diserahkan_perbaikan'],
    ['diserahkan_perbaikan', 'MS'],
    ['diserahkan_perbaikan', 'TMS'],
  ] as const

  it('allows exactly the research path of PKPU 8/2024 and nothing else', () => {
    for (const from of CheckStatus.values) {
      for (const to of CheckStatus.values) {
        const expected = allowed.some(([f, t]) => f === from && t === to)
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected)
      }
    }
  })

  it('names the rule and both statuses, in both languages, when a move is refused', () => {
    expect(transitionCheck('BMS', 'perbaikan')).toEqual({ ok: true, value: 'perbaikan' })
    const refused = transitionCheck('TMS', 'MS')
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.violation).toMatchObject({ rule: 'check.transition', params: { from: 'TMS', to: 'MS' } })
    expect(refused.violation.message.id).toContain('TMS (tidak memenuhi syarat)')
    expect(refused.violation.message.en).toContain('MS (meets the requirement)')
  })

  it('treats MS and TMS as final', () => {
    expect(CheckStatus.values.filter((to) => canTransition('MS', to) || canTransition('TMS', to))).toEqual([])
  })
})

describe('requirement catalog item', () => {
  const skck = {
    code: 'C5',
    name: 'Surat Keterangan Catatan Kepolisian (SKCK)',
    gloss: 'Police record certificate',
    kind: 'syarat_calon',
    pathways: ['partai', 'perseorangan'],
    appliesTo: 'candidate',
    issuer: 'Polres / Polda',
    legalBasis: 'PKPU 8/2024 Pasal 14 ayat (2) huruf h',
  }

  it('accepts a well-formed item', () => {
    expect(RequirementSchema.parse(skck)).toEqual(skck)
  })

  it.each(['c5', 'C', 'C123', '5C'])('rejects the code %s', (code) => {
    expect(RequirementSchema.safeParse({ ...skck, code }).success).toBe(false)
  })
})
