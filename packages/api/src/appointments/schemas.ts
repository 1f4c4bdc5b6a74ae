import {
  AppointmentCodeSchema,
  AppointmentPurpose,
  AppointmentStatus,
  BookingInputSchema,
  LabelSchema,
  StakeholderCategory,
  TimeZone,
  TopicCodeSchema,
} from '@mejabantu/domain'
import { z } from 'zod'

/** Which office's free slots, and of which day (default: the first day that can still be booked). */
export const SlotsInputSchema = z.strictObject({
  regionCode: z.string().min(1).max(40),
  day: z.iso.date().optional(),
})

/** What the public booking form needs: the office, the days it may book, the day's free slots, topics. */
export const SlotsSchema = z.object({
  office: z.object({
    name: z.string(),
    regionCode: z.string(),
    timeZone: TimeZone.schema,
    slotMinutes: z.number(),
  }),
  days: z.array(z.iso.date()),
  day: z.iso.date().nullable(),
  slots: z.array(z.object({ startsAt: z.date(), time: z.string(), free: z.number().int() })),
  topics: z.array(z.object({ code: TopicCodeSchema, label: LabelSchema })),
})
export type Slots = z.infer<typeof SlotsSchema>

/** A booking from the public page names the office by its region code. */
export const PublicBookInputSchema = z.strictObject({
  regionCode: z.string().min(1).max(40),
  ...BookingInputSchema.shape,
})
/** Staff book for their own office. */
export const StaffBookInputSchema = z.strictObject(BookingInputSchema.shape)

/** What the guest takes away: the code (and its QR), the slot and where. */
export const BookedSchema = z.object({
  code: z.string(),
  startsAt: z.date(),
  office: z.object({ name: z.string(), regionCode: z.string(), timeZone: TimeZone.schema }),
})
export type Booked = z.infer<typeof BookedSchema>
/** Staff also get the booking's id, to cancel it. */
export const StaffBookedSchema = BookedSchema.extend({ id: z.uuid() })

/** Today's bookings of an office the user reads. */
export const TodayAppointmentsInputSchema = z.strictObject({ officeId: z.uuid().optional() }).default({})

export const AppointmentViewSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  startsAt: z.date(),
  purpose: AppointmentPurpose.schema,
  topic: z.string(),
  guestName: z.string(),
  maskedPhone: z.string(),
  category: StakeholderCategory.schema,
  status: AppointmentStatus.schema,
  /** The ticket its check-in gave, once hadir. */
  queueNumber: z.string().nullable(),
  /** Booked by staff on the phone (else on the public page). */
  byStaff: z.boolean(),
})
export type AppointmentView = z.infer<typeof AppointmentViewSchema>

export const TodayAppointmentsSchema = z.object({
  day: z.iso.date(),
  timeZone: TimeZone.schema,
  appointments: z.array(AppointmentViewSchema),
})

export const CancelInputSchema = z.strictObject({ id: z.uuid() })

/** A code as the kiosk reads it, typed or scanned. */
export const KioskCodeInputSchema = z.strictObject({ code: AppointmentCodeSchema })

/** What a lobby screen may show of a booking: the masked name and the slot, nothing else. */
export const KioskAppointmentSchema = z.object({
  code: z.string(),
  maskedName: z.string(),
  startsAt: z.date(),
  /** The slot as the office's clock reads it, `HH:mm`, and that zone: the tablet knows no zone itself. */
  time: z.string(),
  timeZone: TimeZone.schema,
  topic: TopicCodeSchema,
  purpose: AppointmentPurpose.schema,
})
export type KioskAppointment = z.infer<typeof KioskAppointmentSchema>

/** The kiosk checks a booking in: clientId made on the tablet (retries name the same visit), the consent. */
export const KioskAppointmentCheckInSchema = z.strictObject({
  code: AppointmentCodeSchema,
  clientId: z.uuid(),
  consentVersion: z.string().min(1).max(40),
})
