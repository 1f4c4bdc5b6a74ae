import { ANONYMISED_NAME } from './anonymise.ts'
import type { PromisedField } from './privacy-promise.ts'

// Kept apart from the main list only for length; the consent text lists them under "janji temu".
const appointment = (
  column: string,
  id: string,
  en: string,
  erasure: PromisedField['erasure'],
): PromisedField => ({
  table: 'Appointment',
  column,
  record: 'janji_temu',
  label: { id, en },
  retention: 'tahapan',
  erasure,
})

/**
 * What a booking (public page or staff on the phone) holds about the guest. The phone column cannot be
 * empty, so erasure writes Anonim there as in the name; topic and category stay for the counts.
 */
export const APPOINTMENT_PROMISE: readonly PromisedField[] = [
  appointment('guestName', 'nama pemesan janji temu', 'name of who booked', 'anonim'),
  appointment('guestPhone', 'nomor telepon pemesan', 'phone number of who booked', 'anonim'),
  appointment('guestEmail', 'e-mail pemesan', 'e-mail of who booked', 'null'),
  appointment('institution', 'instansi pemesan', 'institution of who booked', 'null'),
  appointment('category', 'kategori pemesan', 'category of who booked', 'keep'),
  appointment('topic', 'topik janji temu', 'topic of the appointment', 'keep'),
]

/** An appointment's personal fields as anonymisation leaves them. */
export const anonymisedAppointmentFields = {
  guestName: ANONYMISED_NAME,
  guestPhone: ANONYMISED_NAME,
  guestEmail: null,
  institution: null,
} as const
