import type { RuleViolation } from '@mejabantu/domain'
import { violation } from '../shared/errors.ts'
import { retryViolation } from '../shared/retry-violation.ts'

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

  /** A duplicate merged into another sheet is answered, referred and closed there, never on its own. */
  merged: (number: string, keptNumber: string) =>
    violation(
      'consultation.merged',
      { number, kept: keptNumber },
      `Lembar ${number} sudah digabung ke ${keptNumber}; tangani pertanyaannya di lembar ${keptNumber}.`,
      `Sheet ${number} was merged into ${keptNumber}; deal with its question on ${keptNumber}.`,
    ),

  linkOtherOffice: (number: string, other: string) =>
    violation(
      'consultation.link.otherOffice',
      { number, other },
      `Lembar ${number} dan ${other} berasal dari kantor yang berbeda; hanya lembar satu kantor yang dapat ditautkan.`,
      `Sheets ${number} and ${other} belong to different offices; only sheets of one office can be linked.`,
    ),

  linkMerged: (number: string) =>
    violation(
      'consultation.link.merged',
      { number },
      `Lembar ${number} sudah digabung ke lembar lain; tautkan lembar tempat ia digabung.`,
      `Sheet ${number} has been merged into another; link the sheet it was merged into instead.`,
    ),

  linkExists: (number: string, other: string) =>
    violation(
      'consultation.link.exists',
      { number, other },
      `Lembar ${number} dan ${other} sudah ditautkan.`,
      `Sheets ${number} and ${other} are already linked.`,
    ),

  linkNotFound: (number: string, other: string) =>
    violation(
      'consultation.link.notFound',
      { number, other },
      `Lembar ${number} dan ${other} tidak saling ditautkan.`,
      `Sheets ${number} and ${other} are not linked.`,
    ),

  /** The same for an unknown token and one of a sheet since erased: a guess learns nothing. */
  ratingLinkNotFound: () =>
    violation(
      'consultation.rating.linkNotFound',
      {},
      'Tautan penilaian tidak dikenal. Periksa kembali tautan pada pesan yang Anda terima.',
      'This rating link is not known. Check the link in the message you received.',
    ),

  ratingLocked: (retryAt: Date, now: Date): RuleViolation =>
    retryViolation('consultation.rating.locked', retryAt, now, 'minutes', {
      id: 'Terlalu banyak tautan penilaian yang salah dari alamat ini.',
      en: 'Too many wrong rating links from this address.',
    }),

  /** At the kiosk: the visit is not one this device just checked in, or the sheet is not that guest's. */
  ratingVisitNotFound: () =>
    violation(
      'consultation.rating.visitNotFound',
      {},
      'Kunjungan tidak ditemukan di kios ini. Silakan daftar ulang terlebih dahulu.',
      'This visit was not checked in at this kiosk. Please check in first.',
    ),

  ratingSheetNotFound: (consultationId: string) =>
    violation(
      'consultation.rating.sheetNotFound',
      { consultationId },
      'Konsultasi ini tidak ditemukan di antara layanan Anda yang dapat dinilai.',
      'This consultation is not among your services that can be rated.',
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
