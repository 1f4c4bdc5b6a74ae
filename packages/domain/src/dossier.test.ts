import { describe, expect, it } from 'vitest'
import { pkpu8of2024 } from './catalog/index.ts'
import { dueFor } from './deadline.ts'
import { DeadlinesInputSchema, fixClosingWithin, groupChecks } from './dossier.ts'
import { pilkada2024Calendar } from './election.ts'
import { expectedChecks } from './requirement.ts'
import { instantAt } from './time.ts'

describe('grouping a dossier', () => {
  it('splits syarat calon from syarat pencalonan, in catalog order, head before deputy', () => {
    const checks = expectedChecks(pkpu8of2024, { pathway: 'partai', parties: ['Partai B', 'Partai A'] })
    const groups = groupChecks(pkpu8of2024, [...checks].reverse())
    expect(groups.syarat_calon.slice(0, 3)).toEqual([
      { requirementCode: 'C1', subject: 'kepala' },
      { requirementCode: 'C1', subject: 'wakil' },
      { requirementCode: 'C2', subject: 'kepala' },
    ])
    expect(groups.syarat_calon.every((c) => c.requirementCode.startsWith('C'))).toBe(true)
    expect(groups.syarat_pencalonan.length + groups.syarat_calon.length).toBe(checks.length)
    const partyChecks = groups.syarat_pencalonan.filter((c) => c.subject.startsWith('Partai'))
    expect(partyChecks[0]).toMatchObject({ subject: 'Partai A' })
  })

  it('leaves out codes the catalog does not know', () => {
    const groups = groupChecks(pkpu8of2024, [{ requirementCode: 'Z9', subject: 'pasangan' }])
    expect(groups).toEqual({ syarat_calon: [], syarat_pencalonan: [] })
  })
})

describe('fix deadlines closing', () => {
  const at = (local: string) => instantAt(local, 'WITA')
  const due = (status: 'BMS' | 'perbaikan' | 'diserahkan', local: string) =>
    dueFor(status, pilkada2024Calendar, 'WITA', at(local))

  it('lists BMS and perbaikan items whose window closes within the look-ahead', () => {
    expect(fixClosingWithin('BMS', due('BMS', '2024-09-07T00:00'), 72 * 60)).toBe(true)
    expect(fixClosingWithin('perbaikan', due('perbaikan', '2024-09-08T23:00'), 60)).toBe(true)
    expect(fixClosingWithin('BMS', due('BMS', '2024-09-01T00:00'), 72 * 60)).toBe(false)
  })

  it('leaves out other statuses, closed windows and missing deadlines', () => {
    expect(fixClosingWithin('diserahkan', due('diserahkan', '2024-09-05T00:00'), 72 * 60)).toBe(false)
    expect(fixClosingWithin('BMS', due('BMS', '2024-09-09T00:00'), 72 * 60)).toBe(false)
    expect(fixClosingWithin('BMS', null, 72 * 60)).toBe(false)
  })

  it('looks 72 hours ahead by default', () => {
    expect(DeadlinesInputSchema.parse(undefined)).toEqual({ hours: 72 })
    expect(DeadlinesInputSchema.parse({})).toEqual({ hours: 72 })
    expect(DeadlinesInputSchema.safeParse({ hours: 24, extra: 1 }).success).toBe(false)
  })
})
