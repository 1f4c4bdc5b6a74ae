import { describe, expect, it } from 'vitest'
import {
  applyOverrides,
  dailyOpenings,
  findWindow,
  openStages,
  pilkada2024Calendar,
  pilkada2024Extension,
  Stage,
  StageCalendarSchema,
  StageOverrideSchema,
  StageWindowSchema,
  windowPhase,
  zonedWindow,
} from './election.ts'
import { instantAt, localDateTime } from './time.ts'

describe('Pilkada 2024 stage calendar', () => {
  it('is a valid calendar with one window per stage but the extension, which offices add', () => {
    expect(StageCalendarSchema.parse(pilkada2024Calendar)).toEqual(pilkada2024Calendar)
    const optional = [pilkada2024Extension.stage]
    expect(pilkada2024Calendar.windows.map((w) => w.stage).sort()).toEqual(
      Stage.values.filter((s) => !optional.includes(s)).sort(),
    )
    expect(StageWindowSchema.parse(pilkada2024Extension)).toEqual(pilkada2024Extension)
    expect(pilkada2024Extension).toMatchObject({
      startsAt: '2024-09-02T00:00',
      endsAt: '2024-09-04T23:59',
      dailyHours: { from: '08:00', to: '16:00' },
      toConfirm: true,
    })
  })

  it('carries the national dates of the brief', () => {
    const window = (stage: Stage) => pilkada2024Calendar.windows.find((w) => w.stage === stage)!
    expect(window('pendaftaran')).toMatchObject({ startsAt: '2024-08-27T00:00', endsAt: '2024-08-29T23:59' })
    expect(window('perbaikan')).toMatchObject({ startsAt: '2024-09-06T00:00', endsAt: '2024-09-08T23:59' })
    expect(window('pemberitahuan_hasil').startsAt).toBe('2024-09-06T09:00')
    expect(window('penetapan').startsAt).toBe('2024-09-22T00:00')
    expect(window('pemungutan_suara').startsAt).toBe('2024-11-27T00:00')
    expect(window('penelitian_perbaikan').toConfirm).toBe(true)
    expect(window('pendaftaran').dailyHours).toEqual({ from: '08:00', to: '16:00' })
    expect(window('pengajuan_pengganti')).toMatchObject({ startsAt: '2024-09-09T00:00', toConfirm: true })
    expect(window('pengundian_nomor_urut')).toMatchObject({ startsAt: '2024-09-23T00:00', toConfirm: false })
  })

  it('refuses daily hours that close before they open, or are not HH:mm', () => {
    const base = { stage: 'pendaftaran', startsAt: '2024-08-27T00:00', endsAt: '2024-08-29T23:59' }
    expect(StageWindowSchema.safeParse({ ...base, dailyHours: { from: '16:00', to: '08:00' } }).success).toBe(
      false,
    )
    expect(StageWindowSchema.safeParse({ ...base, dailyHours: { from: '8.00', to: '16:00' } }).success).toBe(
      false,
    )
    expect(StageWindowSchema.safeParse({ ...base, zone: 'UTC' }).success).toBe(false)
    expect(StageWindowSchema.parse({ ...base, zone: 'WIB' }).zone).toBe('WIB')
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

  it('keeps a window’s zone and hours unless the override names them, and null removes them', () => {
    const base = {
      name: 'national',
      windows: [
        { ...pilkada2024Calendar.windows.find((w) => w.stage === 'pendaftaran')!, zone: 'WIB' as const },
      ],
    }
    const dates = { stage: 'pendaftaran' as const, startsAt: '2024-08-28T00:00', endsAt: '2024-08-30T23:59' }
    const kept = applyOverrides(base, [dates])
    expect(kept.ok && kept.value.windows[0]).toEqual({
      ...dates,
      zone: 'WIB',
      dailyHours: { from: '08:00', to: '16:00' },
      toConfirm: false,
    })
    const changed = applyOverrides(base, [
      { ...dates, zone: 'WIT', dailyHours: { from: '09:00', to: '15:00' } },
    ])
    expect(changed.ok && changed.value.windows[0]).toMatchObject({
      zone: 'WIT',
      dailyHours: { from: '09:00', to: '15:00' },
    })
    const cleared = applyOverrides(base, [{ ...dates, zone: null, dailyHours: null }])
    expect(cleared.ok && cleared.value.windows[0]).toEqual({ ...dates, toConfirm: false })
    expect(StageOverrideSchema.parse({ ...dates, zone: null, dailyHours: null })).toMatchObject({
      zone: null,
    })
  })

  it('adds the registration extension to a calendar as the office decides it', () => {
    const result = applyOverrides(pilkada2024Calendar, [pilkada2024Extension])
    expect(result.ok && result.value.windows.at(-1)).toEqual({ ...pilkada2024Extension, toConfirm: false })
  })

  it('refuses daily hours that close before they open', () => {
    const result = applyOverrides(pilkada2024Calendar, [
      {
        stage: 'pendaftaran',
        startsAt: '2024-08-27T00:00',
        endsAt: '2024-08-29T23:59',
        dailyHours: { from: '16:00', to: '16:00' },
      },
    ])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.violation).toMatchObject({ rule: 'calendar.hours.order', params: { stage: 'pendaftaran' } })
    expect(result.violation.message.id).toContain('jam tutup harus sesudah jam buka')
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

  it('reads a window in its own zone before the office’s: a national WIB cut-off in a WIT office', () => {
    const national = { ...perbaikan, zone: 'WIB' as const }
    const window = zonedWindow(national, 'WIT')
    expect(window.zone).toBe('WIB')
    expect(window.closesAt.toISOString()).toBe('2024-09-08T17:00:00.000Z')
    expect(localDateTime(window.lastMinute, 'WIT')).toBe('2024-09-09T01:59')
    expect(zonedWindow(perbaikan, 'WIT')).toMatchObject({ zone: 'WIT' })
    const calendar = { name: 'national', windows: [national] }
    expect(findWindow(calendar, 'perbaikan', 'WITA')?.closesAt).toEqual(window.closesAt)
    expect(openStages(calendar, 'WIT', instantAt('2024-09-09T01:30', 'WIT'))).toEqual(['perbaikan'])
    expect(
      openStages({ name: 'local', windows: [perbaikan] }, 'WIT', instantAt('2024-09-09T01:30', 'WIT')),
    ).toEqual([])
  })

  it('splits a window with daily hours into one span a day, the last day running to its end', () => {
    const registration = pilkada2024Calendar.windows.find((w) => w.stage === 'pendaftaran')!
    const spans = dailyOpenings(registration, 'WITA').map((s) => [
      localDateTime(s.opensAt, 'WITA'),
      localDateTime(s.lastMinute, 'WITA'),
    ])
    expect(spans).toEqual([
      ['2024-08-27T08:00', '2024-08-27T16:00'],
      ['2024-08-28T08:00', '2024-08-28T16:00'],
      ['2024-08-29T08:00', '2024-08-29T23:59'],
    ])
    expect(dailyOpenings(perbaikan, 'WIB')).toEqual([zonedWindow(perbaikan, 'WIB')])
  })

  it('starts the first span at the window’s start when that is later than the day’s opening', () => {
    const late = { stage: 'pendaftaran' as const, startsAt: '2024-08-27T10:30', endsAt: '2024-08-31T12:00' }
    const hours = { from: '08:00', to: '16:00' }
    const spans = dailyOpenings({ ...late, dailyHours: hours, toConfirm: false }, 'WIB')
    expect(spans.map((s) => localDateTime(s.opensAt, 'WIB'))[0]).toBe('2024-08-27T10:30')
    expect(spans.map((s) => localDateTime(s.lastMinute, 'WIB')).at(-1)).toBe('2024-08-31T12:00')
    expect(spans).toHaveLength(5)
    const evening = {
      stage: 'pendaftaran' as const,
      startsAt: '2024-08-27T17:00',
      endsAt: '2024-08-27T18:00',
    }
    expect(dailyOpenings({ ...evening, dailyHours: hours, toConfirm: false }, 'WIB')).toEqual([
      zonedWindow({ ...evening, startsAt: '2024-08-27T17:00' }, 'WIB'),
    ])
  })

  it('finds no window for a stage the calendar lacks', () => {
    expect(findWindow({ name: 'empty', windows: [] }, 'perbaikan', 'WIB')).toBeNull()
  })
})
