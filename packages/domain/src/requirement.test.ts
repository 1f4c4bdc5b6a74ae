import { describe, expect, it } from 'vitest'
import {
  CheckStatus,
  canTransition,
  nextStatuses,
  RequirementSchema,
  stepKind,
  transitionCheck,
} from './requirement.ts'

const research = { settledAt: 'penelitian', mayNotApply: false } as const
const registration = { settledAt: 'pendaftaran', mayNotApply: false } as const
const optional = { settledAt: 'penelitian', mayNotApply: true } as const

describe('requirement check transitions', () => {
  const allowed = [
    ['belum_diserahkan', 'diserahkan', 'penyerahan'],
    ['belum_diserahkan', 'tidak_berlaku', 'tidak_berlaku'],
    ['diserahkan', 'MS', 'penelitian'],
    ['diserahkan', 'BMS', 'penelitian'],
    ['diserahkan', 'TMS', 'penelitian'],
    ['diserahkan', 'dikembalikan', 'penelitian'],
    ['dikembalikan', 'diserahkan', 'penyerahan'],
    ['BMS', 'perbaikan', 'penelitian'],
    ['BMS', 'diserahkan_perbaikan', 'penyerahan'],
    ['BMS', 'TMS', 'penelitian_perbaikan'],
    ['perbaikan', 'diserahkan_perbaikan', 'penyerahan'],
    ['perbaikan', 'TMS', 'penelitian_perbaikan'],
    ['diserahkan_perbaikan', 'MS', 'penelitian_perbaikan'],
    ['diserahkan_perbaikan', 'TMS', 'penelitian_perbaikan'],
    ['MS', 'TMS', 'koreksi'],
    ['MS', 'tidak_berlaku', 'koreksi'],
    ['TMS', 'MS', 'koreksi'],
    ['TMS', 'tidak_berlaku', 'koreksi'],
    ['tidak_berlaku', 'belum_diserahkan', 'koreksi'],
    ['tidak_berlaku', 'MS', 'koreksi'],
    ['tidak_berlaku', 'TMS', 'koreksi'],
  ] as const

  it('allows exactly the moves of the research lifecycle, each of one kind', () => {
    for (const from of CheckStatus.values) {
      for (const to of CheckStatus.values) {
        const move = allowed.find(([f, t]) => f === from && t === to)
        expect(stepKind(from, to), `${from} → ${to}`).toBe(move?.[2] ?? null)
      }
    }
  })

  it('narrows the moves by the item: BMS only in research, a return only at registration', () => {
    expect(canTransition('diserahkan', 'BMS', research)).toBe(true)
    expect(canTransition('diserahkan', 'BMS', registration)).toBe(false)
    expect(canTransition('BMS', 'diserahkan_perbaikan', registration)).toBe(false)
    expect(canTransition('diserahkan', 'TMS', registration)).toBe(false)
    expect(canTransition('MS', 'TMS', registration)).toBe(false)
    expect(canTransition('diserahkan', 'dikembalikan', registration)).toBe(true)
    expect(canTransition('diserahkan', 'dikembalikan', research)).toBe(false)
  })

  it('offers "tidak berlaku" only for items that apply to some candidates', () => {
    expect(canTransition('belum_diserahkan', 'tidak_berlaku', optional)).toBe(true)
    expect(canTransition('belum_diserahkan', 'tidak_berlaku', research)).toBe(false)
    expect(canTransition('MS', 'tidak_berlaku', research)).toBe(false)
  })

  it('lists the next statuses by kind of step', () => {
    expect(nextStatuses('BMS', ['penyerahan'], research)).toEqual(['diserahkan_perbaikan'])
    expect(nextStatuses('MS', ['penelitian', 'penelitian_perbaikan'], research)).toEqual([])
    expect(nextStatuses('MS', ['koreksi'], optional)).toEqual(['TMS', 'tidak_berlaku'])
  })

  it('names the rule and both statuses, in both languages, when a move is refused', () => {
    expect(transitionCheck('BMS', 'perbaikan')).toEqual({ ok: true, value: 'perbaikan' })
    const refused = transitionCheck('TMS', 'BMS')
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.violation).toMatchObject({ rule: 'check.transition', params: { from: 'TMS', to: 'BMS' } })
    expect(refused.violation.message.id).toContain('TMS (tidak memenuhi syarat)')
    expect(refused.violation.message.en).toContain('BMS (not yet meeting; fixable)')
  })

  it('leaves MS and TMS only by a correction', () => {
    const out = CheckStatus.values.filter((to) => canTransition('MS', to) || canTransition('TMS', to))
    for (const to of out) expect([stepKind('MS', to), stepKind('TMS', to)]).toContain('koreksi')
    expect(out).not.toContain('BMS')
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
    settledAt: 'penelitian',
  }

  it('accepts a well-formed item', () => {
    expect(RequirementSchema.parse(skck)).toEqual(skck)
  })

  it.each(['c5', 'C', 'C123', '5C'])('rejects the code %s', (code) => {
    expect(RequirementSchema.safeParse({ ...skck, code }).success).toBe(false)
  })

  it('refuses a legal basis that names no article', () => {
    expect(RequirementSchema.safeParse({ ...skck, legalBasis: 'PKPU 8/2024' }).success).toBe(false)
  })
})
