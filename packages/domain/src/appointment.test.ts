import { describe, expect, it } from 'vitest'
import {
  APPOINTMENT_CODE_ALPHABET,
  appointmentCode,
  AppointmentCodeSchema,
  bookableDays,
  BookingInputSchema,
  checkAppointmentCancel,
  checkAppointmentCheckIn,
  checkSlot,
  freeSlots,
  slotStarts,
  type SlotSettings,
} from './appointment.ts'

const office: SlotSettings = {
  timeZone: 'WITA',
  slotMinutes: 30,
  slotCapacity: 2,
  slotsFrom: '08:00',
  slotsTo: '15:30',
}
// Tuesday 8 December 2026, 09:10 WITA.
const now = new Date('2026-12-08T01:10:00Z')

describe('slots', () => {
  it('runs every slotMinutes from the first to the last slot, in the office zone', () => {
    const starts = slotStarts(office, '2026-12-08')
    expect(starts).toHaveLength(16)
    expect(starts[0]).toEqual(new Date('2026-12-08T00:00:00Z'))
    expect(starts.at(-1)).toEqual(new Date('2026-12-08T07:30:00Z'))
  })

  it('offers none on a weekend', () => {
    expect(slotStarts(office, '2026-12-12')).toEqual([])
    expect(bookableDays(now, 'WITA')).not.toContain('2026-12-12')
  })

  it('books from today up to the window, working days only', () => {
    const days = bookableDays(now, 'WITA')
    expect(days[0]).toBe('2026-12-08')
    expect(days.at(-1)).toBe('2027-01-07')
    expect(days).not.toContain('2027-01-08')
  })

  it('lists the free slots of a day, leaving out the past and the full ones', () => {
    const full = new Date('2026-12-08T01:30:00Z').getTime()
    const slots = freeSlots(office, '2026-12-08', new Map([[full, 2]]), now)
    expect(slots[0]).toMatchObject({ time: '10:00', free: 2 })
    expect(slots.map((s) => s.time)).not.toContain('09:30')
    expect(freeSlots(office, '2026-12-07', new Map(), now)).toEqual([])
  })
})

describe('booking a slot', () => {
  const at = (iso: string) => new Date(iso)

  it('takes a future slot with room', () => {
    expect(checkSlot(office, at('2026-12-09T02:00:00Z'), 1, now).ok).toBe(true)
  })

  it.each([
    ['appointment.slot.past', '2026-12-08T01:00:00Z', 0],
    ['appointment.slot.invalid', '2026-12-09T02:10:00Z', 0],
    ['appointment.slot.invalid', '2026-12-12T02:00:00Z', 0],
    ['appointment.slot.tooFar', '2027-02-02T02:00:00Z', 0],
    ['appointment.slot.full', '2026-12-09T02:00:00Z', 2],
  ])('refuses %s (%s)', (rule, iso, live) => {
    const result = checkSlot(office, at(iso), live, now)
    expect(result.ok ? null : result.violation.rule).toBe(rule)
  })
})

describe('codes', () => {
  it('makes eight letters without look-alikes', () => {
    const code = appointmentCode(Uint8Array.from([0, 1, 31, 32, 255, 8, 9, 100]))
    expect(code).toHaveLength(8)
    for (const ch of code) expect(APPOINTMENT_CODE_ALPHABET).toContain(ch)
    expect(code).not.toMatch(/[01OI]/)
  })

  it('reads a typed code, spaces, dashes and case aside', () => {
    expect(AppointmentCodeSchema.parse(' abcd-2345 ')).toBe('ABCD2345')
    expect(AppointmentCodeSchema.safeParse('ABCD0123').success).toBe(false)
  })
})

describe('the booking input', () => {
  it('normalises the phone as the guest book does', () => {
    const parsed = BookingInputSchema.parse({
      purpose: 'serah_dokumen',
      topic: 'silon',
      guestName: 'Rina Wulandari',
      guestPhone: '0812-3456-7789',
      category: 'lo',
      startsAt: '2026-12-09T02:00:00Z',
    })
    expect(parsed.guestPhone).toBe('+6281234567789')
    expect(parsed.startsAt).toEqual(new Date('2026-12-09T02:00:00Z'))
  })
})

describe('checking a booking in', () => {
  const today = new Date('2026-12-08T03:00:00Z')

  it('checks in on its own day, once', () => {
    expect(checkAppointmentCheckIn({ status: 'dipesan', startsAt: today }, now, 'WITA').ok).toBe(true)
    const twice = checkAppointmentCheckIn({ status: 'hadir', startsAt: today }, now, 'WITA')
    expect(twice.ok ? null : twice.violation.rule).toBe('appointment.alreadyCheckedIn')
  })

  it('refuses another day and a cancelled booking', () => {
    const tomorrow = checkAppointmentCheckIn(
      { status: 'dipesan', startsAt: new Date('2026-12-09T03:00:00Z') },
      now,
      'WITA',
    )
    expect(tomorrow.ok ? null : tomorrow.violation.rule).toBe('appointment.notToday')
    const cancelled = checkAppointmentCheckIn({ status: 'batal', startsAt: today }, now, 'WITA')
    expect(cancelled.ok ? null : cancelled.violation.rule).toBe('appointment.cancelled')
  })

  it('cancels only a booking still booked', () => {
    expect(checkAppointmentCancel({ status: 'dipesan', startsAt: today }).ok).toBe(true)
    expect(checkAppointmentCancel({ status: 'hadir', startsAt: today }).ok).toBe(false)
  })
})
