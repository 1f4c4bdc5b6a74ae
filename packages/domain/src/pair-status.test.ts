import { describe, expect, it } from 'vitest'
import { pilkada2024Calendar } from './election.ts'
import {
  ageFindings,
  decidePair,
  nextPairStatuses,
  pairRegistered,
  type PairDecision,
  type PairDecisionContext,
} from './pair-status.ts'
import { instantAt } from './time.ts'

const pairId = '0b6a1c1e-3f0e-4c59-9c55-5a8b5f3f2a10'
const staff = '6f1c1f36-2d67-4c3a-9d0b-8c6f0f0b7a01'
const decision = (to: PairDecision['to'], more: Partial<PairDecision> = {}): PairDecision => ({
  pairId,
  to,
  reason: null,
  decreeNumber: null,
  correction: null,
  ...more,
})
const p1 = { requirementCode: 'P1', subject: 'pasangan', settledAt: 'pendaftaran' } as const
const c5 = { requirementCode: 'C5', subject: 'kepala', settledAt: 'penelitian' } as const
const ctx = (more: Partial<PairDecisionContext> = {}): PairDecisionContext => ({
  status: 'bakal_pasangan_calon',
  checks: [
    { ...p1, status: 'MS' },
    { ...c5, status: 'diserahkan' },
  ],
  missing: [],
  ageFindings: [],
  calendar: pilkada2024Calendar,
  zone: 'WIB',
  now: instantAt('2024-08-29T15:00', 'WIB'),
  byUserId: staff,
  ...more,
})
const ruleOf = (result: ReturnType<typeof decidePair>) => (result.ok ? 'ok' : result.violation.rule)
const atPenetapan = instantAt('2024-09-22T10:00', 'WIB')

describe('registration of a pair', () => {
  it('is accepted once every nomination document is MS, whatever the research documents', () => {
    expect(decidePair(decision('pendaftaran_diterima'), ctx())).toMatchObject({
      ok: true,
      value: { from: 'bakal_pasangan_calon', to: 'pendaftaran_diterima', byUserId: staff },
    })
  })

  it('is not accepted while a nomination document is missing or not MS, and names them', () => {
    const missing = decidePair(decision('pendaftaran_diterima'), ctx({ checks: [], missing: [p1] }))
    expect(missing).toMatchObject({
      ok: false,
      violation: { rule: 'pair.registration.incomplete', params: { documents: 'P1 (pasangan)' } },
    })
    const returned = ctx({ checks: [{ ...p1, status: 'dikembalikan' }] })
    expect(ruleOf(decidePair(decision('pendaftaran_diterima'), returned))).toBe(
      'pair.registration.incomplete',
    )
  })

  it('is returned with a reason, and submitted again only while registration is open', () => {
    expect(ruleOf(decidePair(decision('pendaftaran_dikembalikan'), ctx()))).toBe('pair.reason.required')
    expect(
      ruleOf(decidePair(decision('pendaftaran_dikembalikan', { reason: 'B.1-KWK belum ada' }), ctx())),
    ).toBe('ok')
    const returned = ctx({ status: 'pendaftaran_dikembalikan' })
    expect(ruleOf(decidePair(decision('bakal_pasangan_calon'), returned))).toBe('ok')
    const late = ctx({ status: 'pendaftaran_dikembalikan', now: instantAt('2024-08-30T00:00', 'WIB') })
    expect(ruleOf(decidePair(decision('bakal_pasangan_calon'), late))).toBe('pair.registration.closed')
  })

  it('counts a registration extension for a single pair as open registration', () => {
    const calendar = {
      ...pilkada2024Calendar,
      windows: [
        ...pilkada2024Calendar.windows.filter((w) => w.stage !== 'perpanjangan_pendaftaran'),
        {
          stage: 'perpanjangan_pendaftaran' as const,
          startsAt: '2024-09-02T08:00',
          endsAt: '2024-09-04T23:59',
          toConfirm: false,
        },
      ],
    }
    const returned = ctx({
      status: 'pendaftaran_dikembalikan',
      calendar,
      now: instantAt('2024-09-03T10:00', 'WIB'),
    })
    expect(ruleOf(decidePair(decision('bakal_pasangan_calon'), returned))).toBe('ok')
  })

  it('refuses moves the lifecycle does not have', () => {
    expect(ruleOf(decidePair(decision('ditetapkan'), ctx()))).toBe('pair.transition')
    expect(nextPairStatuses('pendaftaran_diterima')).toContain('hasil_penelitian')
    expect(pairRegistered('bakal_pasangan_calon')).toBe(false)
    expect(pairRegistered('hasil_penelitian')).toBe(true)
  })
})

describe('penetapan', () => {
  const researched = (status: 'MS' | 'TMS' | 'tidak_berlaku' | 'BMS') =>
    ctx({
      status: 'hasil_penelitian',
      now: atPenetapan,
      checks: [
        { ...p1, status: 'MS' },
        { ...c5, status },
      ],
    })
  const decree = { decreeNumber: '120/PL.02.3-Kpt/3402/KPU-Kab/IX/2024' }

  it('determines a pair whose every document is MS or not applicable, with the decree', () => {
    expect(ruleOf(decidePair(decision('ditetapkan', decree), researched('MS')))).toBe('ok')
    expect(ruleOf(decidePair(decision('ditetapkan', decree), researched('tidak_berlaku')))).toBe('ok')
    expect(ruleOf(decidePair(decision('ditetapkan'), researched('MS')))).toBe('pair.decree.required')
  })

  it('does not determine a pair before the penetapan date or with a document not MS', () => {
    const early = ctx({ status: 'hasil_penelitian', now: instantAt('2024-09-21T23:59', 'WIB') })
    expect(ruleOf(decidePair(decision('ditetapkan', decree), early))).toBe('pair.penetapan.notYet')
    expect(ruleOf(decidePair(decision('ditetapkan', decree), researched('BMS')))).toBe('pair.penetapan.unmet')
  })

  it('finds an under-age pair TMS instead of determining it', () => {
    const findings = ageFindings(
      [{ role: 'wakil', fullName: 'Muda', birthDate: '1999-09-23' }],
      'bupati',
      pilkada2024Calendar,
    )
    expect(findings).toMatchObject([{ rule: 'candidate.age', params: { age: '24', role: 'wakil' } }])
    const young = { ...researched('MS'), ageFindings: findings }
    expect(ruleOf(decidePair(decision('ditetapkan', decree), young))).toBe('candidate.age')
    expect(ruleOf(decidePair(decision('tidak_memenuhi_syarat', { ...decree, reason: 'Usia' }), young))).toBe(
      'ok',
    )
    expect(ageFindings([], 'bupati', { name: 'none', windows: [] })).toEqual([])
  })

  it('finds a pair TMS only on grounds, with a reason and the decree', () => {
    const tms = researched('TMS')
    expect(ruleOf(decidePair(decision('tidak_memenuhi_syarat', decree), tms))).toBe('pair.reason.required')
    expect(ruleOf(decidePair(decision('tidak_memenuhi_syarat', { reason: 'C5 TMS' }), tms))).toBe(
      'pair.decree.required',
    )
    expect(ruleOf(decidePair(decision('tidak_memenuhi_syarat', { ...decree, reason: 'C5 TMS' }), tms))).toBe(
      'ok',
    )
    expect(
      ruleOf(decidePair(decision('tidak_memenuhi_syarat', { ...decree, reason: 'x' }), researched('MS'))),
    ).toBe('pair.tms.noGrounds')
  })

  it('changes a penetapan only by a dispute ruling with its number and date', () => {
    const decided = ctx({ status: 'tidak_memenuhi_syarat', now: atPenetapan })
    const typo = { cause: 'salah_ketik' as const, rulingNumber: null, rulingDate: null }
    expect(ruleOf(decidePair(decision('ditetapkan', { reason: 'x', correction: typo }), decided))).toBe(
      'pair.ruling.required',
    )
    const undated = { cause: 'putusan_sengketa' as const, rulingNumber: '01/PS/2024', rulingDate: null }
    expect(ruleOf(decidePair(decision('ditetapkan', { reason: 'x', correction: undated }), decided))).toBe(
      'correction.ruling.required',
    )
    const ruling = { ...undated, rulingDate: '2024-10-01' }
    expect(ruleOf(decidePair(decision('ditetapkan', { correction: ruling }), decided))).toBe(
      'pair.reason.required',
    )
    expect(
      decidePair(decision('ditetapkan', { reason: 'Putusan Bawaslu', correction: ruling }), decided),
    ).toMatchObject({
      ok: true,
      value: { from: 'tidak_memenuhi_syarat', to: 'ditetapkan', correction: ruling },
    })
  })
})
