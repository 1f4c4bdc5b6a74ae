import { describe, expect, it } from 'vitest'
import { pilkada2024Calendar } from './election.ts'
import {
  recordResearchStep,
  replayHistory,
  RequirementCheckRecordSchema,
  type ResearchContext,
} from './research.ts'
import { instantAt } from './time.ts'

const researcher = '6f1c1f36-2d67-4c3a-9d0b-8c6f0f0b7a01'
const context = (local: string): ResearchContext => ({
  calendar: pilkada2024Calendar,
  zone: 'WIB',
  now: instantAt(local, 'WIB'),
  byUserId: researcher,
})
const during = context('2024-09-07T10:00')
const step = (to: string, reason: string | null = null, evidence: string | null = null) =>
  ({ to, reason, evidence }) as Parameters<typeof recordResearchStep>[1]

describe('recording research', () => {
  it('records a BMS result with its reason, who and when', () => {
    const result = recordResearchStep(
      'diserahkan',
      step('BMS', 'Foto tidak berlatar putih', 'SILON #88'),
      during,
    )
    expect(result).toEqual({
      ok: true,
      value: {
        from: 'diserahkan',
        to: 'BMS',
        reason: 'Foto tidak berlatar putih',
        evidence: 'SILON #88',
        at: during.now,
        byUserId: researcher,
      },
    })
  })

  it('requires a reason for BMS and TMS but not for MS', () => {
    for (const to of ['BMS', 'TMS']) {
      const result = recordResearchStep('diserahkan', step(to), during)
      expect(result.ok, to).toBe(false)
      if (!result.ok)
        expect(result.violation).toMatchObject({ rule: 'check.reason.required', params: { to } })
    }
    expect(recordResearchStep('diserahkan', step('MS'), during).ok).toBe(true)
  })

  it('refuses moves outside the research path before anything else', () => {
    const result = recordResearchStep('TMS', step('MS'), during)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.violation.rule).toBe('check.transition')
  })

  it('accepts perbaikan and its submission only inside the window', () => {
    expect(recordResearchStep('BMS', step('perbaikan'), during).ok).toBe(true)
    expect(
      recordResearchStep('perbaikan', step('diserahkan_perbaikan'), context('2024-09-08T23:59')).ok,
    ).toBe(true)
    const late = recordResearchStep('perbaikan', step('diserahkan_perbaikan'), context('2024-09-09T00:00'))
    expect(late.ok).toBe(false)
    if (!late.ok) expect(late.violation.rule).toBe('deadline.perbaikan.closed')
  })

  it('still researches a submitted fix after the window has closed', () => {
    const result = recordResearchStep('diserahkan_perbaikan', step('MS'), context('2024-09-12T10:00'))
    expect(result.ok).toBe(true)
  })
})

describe('check history', () => {
  const path = [
    { from: 'belum_diserahkan', to: 'diserahkan' },
    { from: 'diserahkan', to: 'BMS' },
    { from: 'BMS', to: 'perbaikan' },
    { from: 'perbaikan', to: 'diserahkan_perbaikan' },
    { from: 'diserahkan_perbaikan', to: 'MS' },
  ] as const

  it('replays a full BMS → perbaikan → MS history', () => {
    expect(replayHistory(path)).toEqual({ ok: true, value: 'MS' })
    expect(replayHistory([])).toEqual({ ok: true, value: 'belum_diserahkan' })
  })

  it('finds the entry where a history breaks', () => {
    const skipped = [path[0], path[2]]
    const result = replayHistory(skipped)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.violation).toMatchObject({ rule: 'check.history.broken', params: { index: '1' } })
    const forbidden = [...path.slice(0, 2), { from: 'BMS', to: 'MS' } as const]
    expect(replayHistory(forbidden).ok).toBe(false)
  })

  it('stores a check with its history', () => {
    const record = {
      id: '0b9f1e0e-4a84-4b39-9c39-1c0e6c3b8a10',
      pairId: '1b9f1e0e-4a84-4b39-9c39-1c0e6c3b8a10',
      requirementCode: 'C13',
      subject: 'kepala',
      status: 'BMS',
      reason: 'Latar belakang foto tidak putih',
      evidence: null,
      researcherId: researcher,
      updatedAt: new Date(),
      history: [
        { from: 'diserahkan', to: 'BMS', reason: 'x', evidence: null, at: new Date(), byUserId: researcher },
      ],
    }
    expect(RequirementCheckRecordSchema.parse(record)).toEqual(record)
    expect(RequirementCheckRecordSchema.safeParse({ ...record, status: 'LULUS' }).success).toBe(false)
  })
})
