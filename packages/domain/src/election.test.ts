import { describe, expect, it } from 'vitest'
import {
  applyOverrides,
  findWindow,
  openStages,
  pilkada2024Calendar,
  Stage,
  StageCalendarSchema,
  windowPhase,
  zonedWindow,
} from './election.ts'
import { instantAt } from './time.ts'

describe('Pilkada 2024 stage calendar', () => {
  it('is a valid calendar with one window per stage', () => {
    expect(StageCalendarSchema.parse(pilkada2024Calendar)).toEqual(pilkada2024Calendar)
    expect(pilkada2024Calendar.windows.map((w) => w.stage).sort()).toEqual([...Stage.values].sort())
  })

  it('carries the national dates of the brief', () => {
    const window = (stage: Stage) => pilkada2024Calendar.windows.find((w) => w.stage === stage)!
    expect(window('pendaftaran')).toMatchObject({ startsAt: '2024-08-27T00:00', endsAt: '2024-08-29T23:59' })
    expect(window('perbaikan')).toMatchObject({ startsAt: '2024-09-06T00:00', endsAt: '2024-09-08T23:59' })
    expect(window('pemberitahuan_hasil').startsAt).toBe('2024-09-06T09:00')
    expect(window('penetapan').startsAt).toBe('2024-09-22T00:00')
    expect(window('pemungutan_suara').startsAt).toBe('2024-11-27T00:00')
    expect(window('penelitian_perbaikan').toConfirm).toBe(true)
  })

  it('refuses windows that end before they start, and repeated stages', () => {
    const backwards = { stage: 'perbaikan', startsAt: '2024-09-08T00:00', endsAt: '2024-09-06T23:59' }
    expect(StageCalendarSchema.safeParse({ name: 'x', windows: [backwards] }).success).toBe(false)
    const twice = [pilkada2024Calendar.windows[0], pilkada2024Calendar.windows[0]]
    expect(StageCalendarSchema.safeParse({ name: 'x', windows: twice }).success).toBe(false)
    expect(
      StageCalendarSchema.safeParse({ name: 'x', windows: [{ ...backwards, endsAt: '8 Sept' }] }).success,
    ).toBe(false)
  })
})

describe('office overrides', () => {
  it('replaces one window, marks it confirmed, and leaves the others', () => {
    const result = applyOverrides(pilkada2024Calendar, [
      { stage: 'penelitian_perbaikan', startsAt: '2024-09-09T08:00', endsAt: '2024-09-18T16:00' },
    ])
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const changed = result.value.windows.find((w) => w.stage === 'penelitian_perbaikan')
    expect(changed).toEqual({
      stage: 'penelitian_perbaikan',
      startsAt: '2024-09-09T08:00',
      endsAt: '2024-09-18T16:00',
      toConfirm: false,
    })
    expect(result.value.windows.filter((w) => w.stage !== 'penelitian_perbaikan')).toEqual(
      pilkada2024Calendar.windows.filter((w) => w.stage !== 'penelitian_perbaikan'),
    )
  })

  it('adds a stage the base calendar lacks', () => {
    const base = { name: 'partial', windows: [] }
    const result = applyOverrides(base, [
      { stage: 'perbaikan', startsAt: '2029-09-06T00:00', endsAt: '2029-09-08T23:59' },
    ])
    expect(result.ok && result.value.windows.map((w) => w.stage)).toEqual(['perbaikan'])
  })

  it('refuses a backwards override with a rule and changes nothing', () => {
    const result = applyOverrides(pilkada2024Calendar, [
      { stage: 'perbaikan', startsAt: '2024-09-09T00:00', endsAt: '2024-09-06T23:59' },
    ])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.violation).toMatchObject({ rule: 'calendar.window.order', params: { stage: 'perbaikan' } })
    expect(pilkada2024Calendar.windows.find((w) => w.stage === 'perbaikan')?.endsAt).toBe('2024-09-08T23:59')
  })
})

describe('windows in time', () => {
  const perbaikan = pilkada2024Calendar.windows.find((w) => w.stage === 'perbaikan')!

  it('opens at the first minute and closes when the last written minute ends', () => {
    const window = zonedWindow(perbaikan, 'WIB')
    expect(window.opensAt.toISOString()).toBe('2024-09-05T17:00:00.000Z')
    expect(window.lastMinute.toISOString()).toBe('2024-09-08T16:59:00.000Z')
    expect(window.closesAt.toISOString()).toBe('2024-09-08T17:00:00.000Z')
    expect(windowPhase(window, new Date(window.opensAt.getTime() - 1))).toBe('upcoming')
    expect(windowPhase(window, window.opensAt)).toBe('open')
    expect(windowPhase(window, new Date(window.closesAt.getTime() - 1))).toBe('open')
    expect(windowPhase(window, window.closesAt)).toBe('closed')
  })

  it('lists the stages open at a moment, in the office zone', () => {
    const now = instantAt('2024-09-07T10:00', 'WITA')
    expect(openStages(pilkada2024Calendar, 'WITA', now)).toEqual(['penelitian_persyaratan', 'perbaikan'])
    const votingDay = instantAt('2024-11-27T08:00', 'WIT')
    expect(openStages(pilkada2024Calendar, 'WIT', votingDay)).toEqual(['pemungutan_suara', 'rekapitulasi'])
  })

  it('finds no window for a stage the calendar lacks', () => {
    expect(findWindow({ name: 'empty', windows: [] }, 'perbaikan', 'WIB')).toBeNull()
  })
})
