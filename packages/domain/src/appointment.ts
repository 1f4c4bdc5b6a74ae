import { z } from 'zod'
import { StakeholderCategory } from './consultation.ts'
import { PhoneSchema } from './guest.ts'
import { labelledEnum } from './labels.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import { instantAt, localDateTime, localDay, MINUTE_MS, type TimeZone } from './time.ts'
import { TopicCodeSchema } from './topic.ts'

/** Why a guest books: to hand documents over, or to ask. */
export const AppointmentPurpose = labelledEnum({
  serah_dokumen: { id: 'Serah terima dokumen', en: 'Hand over documents' },
  konsultasi: { id: 'Konsultasi', en: 'Consultation' },
})
/** A booking's purpose. */
export type AppointmentPurpose = z.infer<typeof AppointmentPurpose.schema>

/** Where a booking stands: booked, the guest came (checked in), or cancelled. */
export const AppointmentStatus = labelledEnum({
  dipesan: { id: 'Dipesan', en: 'Booked' },
  hadir: { id: 'Hadir', en: 'Checked in' },
  batal: { id: 'Batal', en: 'Cancelled' },
})
/** A booking's status. */
export type AppointmentStatus = z.infer<typeof AppointmentStatus.schema>

/** A booking as the public page or staff on the phone enter it; `startsAt` is one of the free slots. */
export const BookingInputSchema = z.object({
  purpose: AppointmentPurpose.schema,
  topic: TopicCodeSchema,
  guestName: z.string().trim().min(2).max(120),
  guestPhone: PhoneSchema,
  guestEmail: z.email().max(160).optional(),
  institution: z.string().trim().min(1).max(160).optional(),
  category: StakeholderCategory.schema,
  candidatePairId: z.uuid().optional(),
  startsAt: z.coerce.date(),
})
/** A booking as entered. */
export type BookingInput = z.input<typeof BookingInputSchema>

/** No 0/O, 1/I: a code read off a phone screen and typed on a tablet cannot be misread. */
export const APPOINTMENT_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
/** Eight characters: 32⁸ codes, too many to guess under the kiosk's look-up allowance. */
export const APPOINTMENT_CODE_LENGTH = 8

/** A code as typed or scanned: spaces and dashes dropped, upper-cased. */
export const AppointmentCodeSchema = z
  .string()
  .transform((raw) => raw.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${APPOINTMENT_CODE_ALPHABET}]{${APPOINTMENT_CODE_LENGTH}}$`)))

/**
 * A code from random bytes (the caller's randomness keeps this pure). 32 letters: a byte's low five bits
 * pick one without bias.
 */
export function appointmentCode(random: Uint8Array): string {
  if (random.length < APPOINTMENT_CODE_LENGTH) throw new Error('appointmentCode needs 8 random bytes')
  return [...random.slice(0, APPOINTMENT_CODE_LENGTH)]
    .map((byte) => APPOINTMENT_CODE_ALPHABET[byte % APPOINTMENT_CODE_ALPHABET.length])
    .join('')
}

/** How far ahead a guest may book. */
export const BOOKING_WINDOW_DAYS = 30
/** The days slots are offered unless the office says otherwise, as `Date.getUTCDay()` numbers them. */
export const APPOINTMENT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5]

/** An office's slot settings (Office.slotMinutes, slotCapacity, slotsFrom, slotsTo, timeZone). */
export interface SlotSettings {
  timeZone: TimeZone
  slotMinutes: number
  slotCapacity: number
  /** `HH:mm`, office time: the first and the last slot of the day. */
  slotsFrom: string
  slotsTo: string
  /** Office.workingDays (0 Sunday … 6 Saturday); Monday to Friday when not given. */
  workingDays?: readonly number[]
}

const DAY_MS = 86_400_000
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()

/** Whether the office offers slots on the calendar day. */
export const isWorkingDay = (day: string, workingDays: readonly number[] = APPOINTMENT_WORKING_DAYS) =>
  workingDays.includes(weekday(day))

/** The slot starts of a day, every slotMinutes from slotsFrom to slotsTo; none on a day off. */
export function slotStarts(settings: SlotSettings, day: string): Date[] {
  if (!isWorkingDay(day, settings.workingDays) || settings.slotMinutes <= 0) return []
  const first = instantAt(`${day}T${settings.slotsFrom}`, settings.timeZone).getTime()
  const last = instantAt(`${day}T${settings.slotsTo}`, settings.timeZone).getTime()
  const starts: Date[] = []
  for (let at = first; at <= last; at += settings.slotMinutes * MINUTE_MS) starts.push(new Date(at))
  return starts
}

/** The working days a guest may book from `now`: today up to BOOKING_WINDOW_DAYS ahead, office time. */
export function bookableDays(
  now: Date,
  zone: TimeZone,
  workingDays: readonly number[] = APPOINTMENT_WORKING_DAYS,
): string[] {
  const today = localDay(now, zone)
  const start = new Date(`${today}T00:00:00Z`).getTime()
  const days: string[] = []
  for (let i = 0; i <= BOOKING_WINDOW_DAYS; i++) {
    const day = new Date(start + i * DAY_MS).toISOString().slice(0, 10)
    if (isWorkingDay(day, workingDays)) days.push(day)
  }
  return days
}

/** One slot of a day and how many more guests it takes. */
export interface FreeSlot {
  startsAt: Date
  /** `HH:mm`, office time. */
  time: string
  free: number
}

/** The slots of a day still open at `now`, with their room; `booked` counts live bookings by start. */
export function freeSlots(
  settings: SlotSettings,
  day: string,
  booked: ReadonlyMap<number, number>,
  now: Date,
): FreeSlot[] {
  if (!bookableDays(now, settings.timeZone, settings.workingDays).includes(day)) return []
  return slotStarts(settings, day)
    .filter((start) => start.getTime() > now.getTime())
    .map((startsAt) => ({
      startsAt,
      time: localDateTime(startsAt, settings.timeZone).slice(11),
      free: Math.max(0, settings.slotCapacity - (booked.get(startsAt.getTime()) ?? 0)),
    }))
    .filter((slot) => slot.free > 0)
}

const refusal = (rule: string, params: Record<string, string>, id: string, en: string) =>
  deny({ rule, params, message: { id, en } })

/**
 * Whether `startsAt` may be booked: one of the office's slots, not past, within the booking window and
 * with room left (`liveBookings` of that slot, cancelled ones not counted).
 */
export function checkSlot(
  settings: SlotSettings,
  startsAt: Date,
  liveBookings: number,
  now: Date,
): RuleResult<Date> {
  const local = localDateTime(startsAt, settings.timeZone)
  const day = local.slice(0, 10)
  const params = { startsAt: local }
  if (startsAt.getTime() <= now.getTime())
    return refusal('appointment.slot.past', params, 'Jadwal itu sudah lewat.', 'That slot is in the past.')
  if (
    !bookableDays(now, settings.timeZone, settings.workingDays).includes(day) &&
    isWorkingDay(day, settings.workingDays)
  )
    return refusal(
      'appointment.slot.tooFar',
      { ...params, days: String(BOOKING_WINDOW_DAYS) },
      `Janji temu hanya dapat dipesan paling lama ${BOOKING_WINDOW_DAYS} hari ke depan.`,
      `Appointments can be booked at most ${BOOKING_WINDOW_DAYS} days ahead.`,
    )
  if (!slotStarts(settings, day).some((s) => s.getTime() === startsAt.getTime()))
    return refusal(
      'appointment.slot.invalid',
      params,
      'Waktu itu bukan jadwal layanan kantor.',
      'That time is not one of the office’s slots.',
    )
  if (liveBookings >= settings.slotCapacity)
    return refusal('appointment.slot.full', params, 'Jadwal itu sudah penuh.', 'That slot is fully booked.')
  return allow(startsAt)
}

/** What the check-in rule reads of a booking. */
export interface AppointmentState {
  status: AppointmentStatus
  startsAt: Date
}

/** A booking checks in on its own day (office time) only, once; a cancelled one never. */
export function checkAppointmentCheckIn(
  appointment: AppointmentState,
  now: Date,
  zone: TimeZone,
): RuleResult<AppointmentState> {
  const day = localDay(appointment.startsAt, zone)
  if (appointment.status === 'batal')
    return refusal(
      'appointment.cancelled',
      {},
      'Janji temu ini sudah dibatalkan.',
      'This appointment was cancelled.',
    )
  if (appointment.status === 'hadir')
    return refusal(
      'appointment.alreadyCheckedIn',
      {},
      'Janji temu ini sudah dipakai untuk mengambil nomor antrean.',
      'This appointment has already been checked in.',
    )
  if (day !== localDay(now, zone))
    return refusal(
      'appointment.notToday',
      { day },
      `Janji temu ini untuk tanggal ${day}; silakan datang pada hari itu.`,
      `This appointment is for ${day}; please come on that day.`,
    )
  return allow(appointment)
}

/** Only a booking still booked can be cancelled. */
export function checkAppointmentCancel(appointment: AppointmentState): RuleResult<AppointmentState> {
  if (appointment.status === 'dipesan') return allow(appointment)
  return refusal(
    'appointment.notCancellable',
    { status: appointment.status },
    `Janji temu berstatus ${AppointmentStatus.label(appointment.status)} tidak dapat dibatalkan.`,
    `An appointment that is ${AppointmentStatus.label(appointment.status, 'en')} cannot be cancelled.`,
  )
}
