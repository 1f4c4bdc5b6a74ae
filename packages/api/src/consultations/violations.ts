import type { RuleViolation } from '@mejabantu/domain'

/** How consultation and attachment procedures refuse; rule names are stable for clients and logs. */
export const consultationViolations = {
  notFound: (id: string): RuleViolation => ({
    rule: 'consultation.notFound',
    params: { id },
    message: { id: 'Lembar konsultasi tidak ditemukan.', en: 'Consultation sheet not found.' },
  }),

  /** Also for a visit of another office: which visits exist elsewhere is not this office's business. */
  visitNotFound: (visitId: string): RuleViolation => ({
    rule: 'consultation.visit.notFound',
    params: { visitId },
    message: {
      id: 'Kunjungan tidak ditemukan di buku tamu kantor ini.',
      en: 'Visit not found in this office’s guest book.',
    },
  }),

  candidatePairNotFound: (candidatePairId: string): RuleViolation => ({
    rule: 'consultation.candidatePair.notFound',
    params: { candidatePairId },
    message: {
      id: 'Pasangan calon tidak ditemukan di kantor ini.',
      en: 'Candidate pair not found in this office.',
    },
  }),

  closed: (number: string): RuleViolation => ({
    rule: 'consultation.closed',
    params: { number },
    message: {
      id: `Konsultasi ${number} sudah selesai dan tidak dapat diubah.`,
      en: `Consultation ${number} is closed and cannot be changed.`,
    },
  }),

  attachmentNotFound: (id: string): RuleViolation => ({
    rule: 'attachment.notFound',
    params: { id },
    message: { id: 'Lampiran tidak ditemukan.', en: 'Attachment not found.' },
  }),

  /** The record exists but its bytes are gone or altered in storage. */
  attachmentUnavailable: (id: string): RuleViolation => ({
    rule: 'attachment.unavailable',
    params: { id },
    message: {
      id: 'Berkas lampiran tidak tersedia atau rusak di penyimpanan.',
      en: 'The attachment’s file is missing or damaged in storage.',
    },
  }),
}
