import { describe, expect, it } from 'vitest'
import { pilkada2024Calendar } from './election.ts'
import { checkReplacement, ReplacementSchema, type ReplacementContext } from './replacement.ts'
import { instantAt } from './time.ts'

const replacement = ReplacementSchema.parse({
  pairId: '0b6a1c1e-3f0e-4c59-9c55-5a8b5f3f2a10',
  candidate: { role: 'wakil', fullName: 'Dewi Lestari', birthDate: '1980-02-02' },
  cause: 'tms',
  reason: 'C3 wakil TMS',
})
const calendar = {
  ...pilkada2024Calendar,
  windows: [
    ...pilkada2024Calendar.windows.filter((w) => w.stage !== 'pengajuan_pengganti'),
    {
      stage: 'pengajuan_pengganti' as const,
      startsAt: '2024-09-09T00:00',
      endsAt: '2024-09-11T23:59',
      toConfirm: false,
    },
  ],
}
const ctx = (more: Partial<ReplacementContext> = {}): ReplacementContext => ({
  pairStatus: 'hasil_penelitian',
  seatChecks: ['MS', 'TMS'],
  calendar,
  zone: 'WITA',
  now: instantAt('2024-09-10T10:00', 'WITA'),
  ...more,
})
const ruleOf = (result: ReturnType<typeof checkReplacement>) => (result.ok ? 'ok' : result.violation.rule)

describe('replacement candidates', () => {
  it('are proposed for a seat with a TMS document inside the window', () => {
    expect(ruleOf(checkReplacement(replacement, ctx()))).toBe('ok')
  })

  it('need a TMS document of that seat when the cause is TMS, not when the candidate is unable', () => {
    expect(ruleOf(checkReplacement(replacement, ctx({ seatChecks: ['MS'] })))).toBe('replacement.noTms')
    expect(
      ruleOf(checkReplacement({ ...replacement, cause: 'berhalangan_tetap' }, ctx({ seatChecks: ['MS'] }))),
    ).toBe('ok')
  })

  it('are refused outside the window, in the office’s zone', () => {
    expect(ruleOf(checkReplacement(replacement, ctx({ now: instantAt('2024-09-12T00:00', 'WITA') })))).toBe(
      'deadline.pengganti.closed',
    )
    expect(ruleOf(checkReplacement(replacement, ctx({ now: instantAt('2024-09-11T23:59', 'WITA') })))).toBe(
      'ok',
    )
  })

  it('are refused before registration is accepted or after the pair is decided', () => {
    for (const pairStatus of ['bakal_pasangan_calon', 'ditetapkan'] as const) {
      expect(ruleOf(checkReplacement(replacement, ctx({ pairStatus })))).toBe('replacement.pair.status')
    }
  })
})
