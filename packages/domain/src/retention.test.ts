import { describe, expect, it } from 'vitest'
import { pilkada2024Calendar, type StageCalendar } from './election.ts'
import { nominationStageEnd, retentionCutoff, retentionDaysFor } from './retention.ts'

// Pengundian nomor urut, 23 September 2024, is the last nomination window: it closes at midnight.
const end = new Date('2024-09-23T17:00:00Z')
const dayMs = 24 * 60 * 60_000

describe('retention of guest-book personal data', () => {
  it('ends the nomination stage with its last window, in the office’s zone', () => {
    expect(nominationStageEnd(pilkada2024Calendar, 'WIB')).toEqual(end)
    expect(nominationStageEnd(pilkada2024Calendar, 'WIT')).toEqual(new Date(end.getTime() - 2 * 3600_000))
    expect(nominationStageEnd({ name: 'kosong', windows: [] }, 'WIB')).toBeNull()
  })

  it('cuts off at the stage end once N days have passed, not a minute before', () => {
    expect(
      retentionCutoff([pilkada2024Calendar], 'WIB', 90, new Date(end.getTime() + 90 * dayMs - 60_000)),
    ).toBeNull()
    expect(retentionCutoff([pilkada2024Calendar], 'WIB', 90, new Date(end.getTime() + 90 * dayMs))).toEqual(
      end,
    )
    expect(retentionCutoff([pilkada2024Calendar], 'WIB', 0, end)).toEqual(end)
    expect(retentionCutoff([], 'WIB', 90, new Date('2030-01-01'))).toBeNull()
  })

  it('takes the latest election whose period is over, and ignores one still running', () => {
    const later: StageCalendar = {
      name: 'Pilkada 2029',
      windows: [
        { stage: 'penetapan', startsAt: '2029-09-22T00:00', endsAt: '2029-09-22T23:59', toConfirm: false },
      ],
    }
    const now = new Date('2029-10-01T00:00:00Z')
    expect(retentionCutoff([later, pilkada2024Calendar], 'WIB', 90, now)).toEqual(end)
    const laterEnd = new Date('2029-09-22T17:00:00Z')
    expect(
      retentionCutoff([pilkada2024Calendar, later], 'WIB', 30, new Date(laterEnd.getTime() + 30 * dayMs)),
    ).toEqual(laterEnd)
  })

  it('keeps data no longer than the shortest period the office or an accepted consent text names', () => {
    expect(retentionDaysFor(90, [])).toBe(90)
    expect(retentionDaysFor(90, [365, 30])).toBe(30)
    expect(retentionDaysFor(60, [90])).toBe(60)
  })

  it('ends with penetapan when the calendar has no ballot-number draw, ignoring later stages', () => {
    const calendar: StageCalendar = {
      name: 'tanpa pengundian',
      windows: pilkada2024Calendar.windows.filter((w) => w.stage !== 'pengundian_nomor_urut'),
    }
    expect(nominationStageEnd(calendar, 'WIB')).toEqual(new Date('2024-09-22T17:00:00Z'))
  })
})
