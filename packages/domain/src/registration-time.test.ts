import { describe, expect, it } from 'vitest'
import { applyOverrides, pilkada2024Calendar, pilkada2024Extension, type StageCalendar } from './election.ts'
import { checkRegistrationTime } from './registration-time.ts'
import { instantAt, MINUTE_MS, TimeZone } from './time.ts'

const plus = (date: Date, ms: number) => new Date(date.getTime() + ms)
const withExtension = (calendar: StageCalendar) => {
  const result = applyOverrides(calendar, [pilkada2024Extension])
  if (!result.ok) throw new Error(result.violation.rule)
  return result.value
}
const rule = (result: ReturnType<typeof checkRegistrationTime>) => (result.ok ? null : result.violation.rule)

describe.each(TimeZone.values)('registration hours in %s (waktu setempat)', (zone) => {
  const at = (local: string) => instantAt(local, zone)
  const check = (local: string, calendar = pilkada2024Calendar) =>
    checkRegistrationTime(calendar, zone, at(local))

  it('opens at 08:00 and takes the 16:00 minute, refusing 07:59 and 16:01', () => {
    expect(rule(check('2024-08-27T07:59'))).toBe('registration.notOpen')
    expect(check('2024-08-27T08:00')).toEqual({ ok: true, value: 'pendaftaran' })
    expect(check('2024-08-28T16:00').ok).toBe(true)
    expect(checkRegistrationTime(pilkada2024Calendar, zone, plus(at('2024-08-28T16:01'), -1)).ok).toBe(true)
    expect(rule(check('2024-08-28T16:01'))).toBe('registration.outsideHours')
    expect(rule(check('2024-08-28T07:59'))).toBe('registration.outsideHours')
  })

  it('keeps the last day open until 23:59 and refuses 00:00 the next day', () => {
    expect(check('2024-08-29T16:01').ok).toBe(true)
    expect(check('2024-08-29T23:59').ok).toBe(true)
    expect(rule(check('2024-08-29T07:59'))).toBe('registration.outsideHours')
    const late = check('2024-08-30T00:00')
    expect(rule(late)).toBe('registration.closed')
    if (late.ok) return
    expect(late.violation.message.id).toBe(
      `Masa pendaftaran telah berakhir 29 Agustus 2024 pukul 23.59 ${zone}.`,
    )
    expect(late.violation.message.en).toBe(
      `The registration closed at the end of 29 August 2024, 23:59 ${zone}.`,
    )
    expect(late.violation.params.closedAt).toBe(at('2024-08-30T00:00').toISOString())
  })

  it('says when it opens again, in the office’s words', () => {
    const result = check('2024-08-27T16:01')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.violation.params).toMatchObject({ stage: 'pendaftaran', from: '08:00', to: '16:00' })
    expect(result.violation.message.id).toBe(
      `Pendaftaran diterima pukul 08.00–16.00 ${zone}, hari terakhir sampai pukul 23.59 ${zone}; ` +
        `dibuka kembali 28 Agustus 2024 pukul 08.00 ${zone}.`,
    )
    expect(result.violation.message.en).toBe(
      `The registration is received 08:00–16:00 ${zone}, on the last day until 23:59 ${zone}; ` +
        `it reopens 28 August 2024, 08:00 ${zone}.`,
    )
    const early = check('2024-08-26T12:00')
    expect(!early.ok && early.violation.message.id).toBe(
      `Pendaftaran belum dibuka; dibuka 27 Agustus 2024 pukul 08.00 ${zone}.`,
    )
  })

  it('takes registrations in the extension when the calendar has one, with the same hours', () => {
    const calendar = withExtension(pilkada2024Calendar)
    expect(rule(check('2024-09-01T12:00'))).toBe('registration.closed')
    const between = check('2024-09-01T12:00', calendar)
    expect(rule(between)).toBe('registration.notOpen')
    expect(!between.ok && between.violation.message.id).toBe(
      `Perpanjangan pendaftaran belum dibuka; dibuka 2 September 2024 pukul 08.00 ${zone}.`,
    )
    expect(!between.ok && between.violation.message.en).toContain(
      'The registration extension is not open yet',
    )
    expect(check('2024-09-02T08:00', calendar)).toEqual({ ok: true, value: 'perpanjangan_pendaftaran' })
    expect(rule(check('2024-09-02T16:01', calendar))).toBe('registration.outsideHours')
    expect(check('2024-09-04T23:59', calendar).ok).toBe(true)
    expect(check('2024-08-29T23:59', calendar)).toEqual({ ok: true, value: 'pendaftaran' })
    const closed = check('2024-09-05T00:00', calendar)
    expect(rule(closed)).toBe('registration.closed')
    expect(!closed.ok && closed.violation.message.id).toBe(
      `Masa perpanjangan pendaftaran telah berakhir 4 September 2024 pukul 23.59 ${zone}.`,
    )
  })
})

describe('registration across zones', () => {
  it('judges by the office’s zone: 14:30 WIB is 16:30 WIT, after hours in Papua', () => {
    const now = instantAt('2024-08-27T14:30', 'WIB')
    expect(checkRegistrationTime(pilkada2024Calendar, 'WIB', now).ok).toBe(true)
    expect(checkRegistrationTime(pilkada2024Calendar, 'WITA', now).ok).toBe(true)
    expect(rule(checkRegistrationTime(pilkada2024Calendar, 'WIT', now))).toBe('registration.outsideHours')
    const early = instantAt('2024-08-27T07:30', 'WIB')
    expect(checkRegistrationTime(pilkada2024Calendar, 'WIT', early).ok).toBe(true)
    expect(rule(checkRegistrationTime(pilkada2024Calendar, 'WIB', early))).toBe('registration.notOpen')
  })

  it('reads a window with its own zone in that zone: a national WIB cut-off in a WIT office', () => {
    const result = applyOverrides(pilkada2024Calendar, [
      { stage: 'pendaftaran', startsAt: '2024-08-27T00:00', endsAt: '2024-08-29T23:59', zone: 'WIB' },
    ])
    if (!result.ok) throw new Error(result.violation.rule)
    const wibCutoff = result.value
    const lastMinute = instantAt('2024-08-29T23:59', 'WIB')
    expect(checkRegistrationTime(wibCutoff, 'WIT', lastMinute).ok).toBe(true)
    const after = checkRegistrationTime(wibCutoff, 'WIT', plus(lastMinute, MINUTE_MS))
    expect(!after.ok && after.violation.message.id).toBe(
      'Masa pendaftaran telah berakhir 29 Agustus 2024 pukul 23.59 WIB.',
    )
    // 09:00 WIT is 07:00 WIB: before the national desk hours open.
    expect(rule(checkRegistrationTime(wibCutoff, 'WIT', instantAt('2024-08-28T09:00', 'WIT')))).toBe(
      'registration.outsideHours',
    )
    expect(checkRegistrationTime(pilkada2024Calendar, 'WIT', instantAt('2024-08-28T09:00', 'WIT')).ok).toBe(
      true,
    )
  })

  it('refuses when the calendar has no registration window, or hours that never open', () => {
    const none = checkRegistrationTime({ name: 'none', windows: [] }, 'WIB', new Date())
    expect(rule(none)).toBe('registration.window.missing')
    expect(!none.ok && none.violation.message.en).toBe('The stage calendar has no registration window yet.')
    const dawn = {
      name: 'dawn',
      windows: [
        {
          stage: 'pendaftaran' as const,
          startsAt: '2024-08-27T00:00',
          endsAt: '2024-08-27T07:00',
          dailyHours: { from: '08:00', to: '16:00' },
          toConfirm: false,
        },
      ],
    }
    expect(rule(checkRegistrationTime(dawn, 'WIB', instantAt('2024-08-27T06:00', 'WIB')))).toBe(
      'registration.closed',
    )
  })

  it('without daily hours takes any minute of the window', () => {
    const result = applyOverrides(pilkada2024Calendar, [
      { stage: 'pendaftaran', startsAt: '2024-08-27T00:00', endsAt: '2024-08-29T23:59', dailyHours: null },
    ])
    if (!result.ok) throw new Error(result.violation.rule)
    expect(checkRegistrationTime(result.value, 'WITA', instantAt('2024-08-27T03:00', 'WITA')).ok).toBe(true)
  })
})
