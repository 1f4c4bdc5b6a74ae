import { describe, expect, it } from 'vitest'
import { checkFixWindow, dueFor } from './deadline.ts'
import { pilkada2024Calendar } from './election.ts'
import { CheckStatus } from './requirement.ts'
import { instantAt, MINUTE_MS, TimeZone } from './time.ts'

const at = (local: string, zone: TimeZone) => instantAt(local, zone)
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms)

describe.each(TimeZone.values)('the perbaikan window in %s', (zone) => {
  const lastMinute = at('2024-09-08T23:59', zone)
  const closes = plus(lastMinute, MINUTE_MS)

  it('accepts a fix one minute before the stated deadline and during its last minute', () => {
    expect(checkFixWindow(pilkada2024Calendar, zone, at('2024-09-08T23:58', zone)).ok).toBe(true)
    expect(checkFixWindow(pilkada2024Calendar, zone, lastMinute).ok).toBe(true)
    expect(checkFixWindow(pilkada2024Calendar, zone, plus(closes, -1)).ok).toBe(true)
  })

  it('rejects a fix when the window has closed and one minute after, naming the deadline in the zone', () => {
    for (const now of [closes, plus(closes, MINUTE_MS)]) {
      const result = checkFixWindow(pilkada2024Calendar, zone, now)
      expect(result.ok).toBe(false)
      if (result.ok) continue
      expect(result.violation.rule).toBe('deadline.perbaikan.closed')
      expect(result.violation.message.id).toBe(
        `Masa perbaikan telah berakhir 8 September 2024 pukul 23.59 ${zone}.`,
      )
      expect(result.violation.message.en).toContain(`8 September 2024, 23:59 ${zone}`)
    }
  })

  it('rejects a fix one minute before the window opens and accepts it at the opening minute', () => {
    const opens = at('2024-09-06T00:00', zone)
    const early = checkFixWindow(pilkada2024Calendar, zone, plus(opens, -MINUTE_MS))
    expect(early.ok).toBe(false)
    if (!early.ok) expect(early.violation.rule).toBe('deadline.perbaikan.notOpen')
    expect(checkFixWindow(pilkada2024Calendar, zone, opens).ok).toBe(true)
  })

  it('tells a BMS document how long is left, and that it is overdue after the close', () => {
    const due = dueFor('BMS', pilkada2024Calendar, zone, at('2024-09-08T22:59', zone))
    expect(due).toMatchObject({ stage: 'perbaikan', by: 'pasangan', minutesLeft: 61, overdue: false })
    expect(due?.window.lastMinute).toEqual(lastMinute)
    const late = dueFor('perbaikan', pilkada2024Calendar, zone, plus(closes, MINUTE_MS))
    expect(late).toMatchObject({ minutesLeft: 0, overdue: true })
  })
})

describe('deadlines across zones', () => {
  it('judges by the office zone: 23:59 WIB is already past the close for a WIT office', () => {
    const now = at('2024-09-08T23:59', 'WIB')
    expect(checkFixWindow(pilkada2024Calendar, 'WIB', now).ok).toBe(true)
    expect(checkFixWindow(pilkada2024Calendar, 'WITA', now).ok).toBe(false)
    expect(checkFixWindow(pilkada2024Calendar, 'WIT', now).ok).toBe(false)
  })

  it('refuses fixes when the calendar has no perbaikan window', () => {
    const result = checkFixWindow({ name: 'none', windows: [] }, 'WIB', new Date())
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.violation.rule).toBe('deadline.perbaikan.missing')
  })
})

describe('what is due for each status', () => {
  const now = at('2024-08-28T12:00', 'WIB')
  it('names who acts next and the stage that bounds it', () => {
    const expected: Record<CheckStatus, [string, string] | null> = {
      belum_diserahkan: ['pendaftaran', 'pasangan'],
      diserahkan: ['pemberitahuan_hasil', 'kpu'],
      BMS: ['perbaikan', 'pasangan'],
      perbaikan: ['perbaikan', 'pasangan'],
      diserahkan_perbaikan: ['penelitian_perbaikan', 'kpu'],
      dikembalikan: ['pendaftaran', 'pasangan'],
      MS: null,
      TMS: null,
      tidak_berlaku: null,
    }
    for (const status of CheckStatus.values) {
      const due = dueFor(status, pilkada2024Calendar, 'WIB', now)
      expect(due && [due.stage, due.by], status).toEqual(expected[status])
    }
  })

  it('counts minutes left to the end of registration', () => {
    const due = dueFor('belum_diserahkan', pilkada2024Calendar, 'WIB', now)
    // 28 Aug 12:00 → 30 Aug 00:00 WIB is 36 hours.
    expect(due?.minutesLeft).toBe(36 * 60)
  })

  it('has nothing due when the calendar lacks the stage', () => {
    expect(dueFor('BMS', { name: 'none', windows: [] }, 'WIB', now)).toBeNull()
  })
})
