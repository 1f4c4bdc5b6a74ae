import { violation } from '../shared/errors.ts'

/** How consultation and attachment procedures refuse; rule names are stable for clients and logs. */
export const consultationViolations = {
  notFound: (id: string) =>
    violation(
      'consultation.notFound',
      { id },
      'Lembar konsultasi tidak ditemukan.',
      'Consultation sheet not found.',
    ),

  /** Also for a visit of another office: which visits exist elsewhere is not this office's business. */
  visitNotFound: (visitId: string) =>
    violation(
      'consultation.visit.notFound',
      { visitId },
      'Kunjungan tidak ditemukan di buku tamu kantor ini.',
      'Visit not found in this office’s guest book.',
    ),

  candidatePairNotFound: (candidatePairId: string) =>
    violation(
      'consultation.candidatePair.notFound',
      { candidatePairId },
      'Pasangan calon tidak ditemukan di kantor ini.',
      'Candidate pair not found in this office.',
    ),

  closed: (number: string) =>
    violation(
      'consultation.closed',
      { number },
      `Konsultasi ${number} sudah selesai dan tidak dapat diubah.`,
      `Consultation ${number} is closed and cannot be changed.`,
    ),

  attachmentNotFound: (id: string) =>
    violation('attachment.notFound', { id }, 'Lampiran tidak ditemukan.', 'Attachment not found.'),

  /** The record exists but its bytes are gone or altered in storage. */
  attachmentUnavailable: (id: string) =>
    violation(
      'attachment.unavailable',
      { id },
      'Berkas lampiran tidak tersedia atau rusak di penyimpanan.',
      'The attachment’s file is missing or damaged in storage.',
    ),
}
