import type { RuleViolation } from '@mejabantu/domain'
import { violation } from '../shared/errors.ts'
import { retryViolation } from '../shared/retry-violation.ts'

/** How bookings refuse; rule names are stable for clients and logs. */
export const appointmentViolations = {
  /** The same for a code that does not exist and one of another office: a guess learns nothing. */
  notFound: () =>
    violation(
      'appointment.notFound',
      {},
      'Kode janji temu tidak ditemukan di kantor ini.',
      'No appointment with this code at this office.',
    ),

  topicUnknown: (topic: string) =>
    violation(
      'appointment.topicUnknown',
      { topic },
      'Topik itu tidak dilayani kantor ini.',
      'This office does not serve that topic.',
    ),

  pairUnknown: (candidatePairId: string) =>
    violation(
      'appointment.pairUnknown',
      { candidatePairId },
      'Pasangan calon itu tidak terdaftar di kantor ini.',
      'That candidate pair is not registered at this office.',
    ),

  rateLimited: (retryAt: Date, now: Date): RuleViolation =>
    retryViolation('appointment.rateLimited', retryAt, now, 'minutes', {
      id: 'Terlalu banyak pemesanan dari alamat ini.',
      en: 'Too many bookings from this address.',
    }),
}
