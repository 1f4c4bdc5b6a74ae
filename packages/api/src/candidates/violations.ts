import type { RuleViolation } from '@mejabantu/domain'

/** How pairs and their research refuse, beyond the domain's pair, transition and window rules. */
export const candidateViolations = {
  pairNotFound: (id: string): RuleViolation => ({
    rule: 'pair.notFound',
    params: { id },
    message: { id: 'Pasangan calon tidak ditemukan.', en: 'Candidate pair not found.' },
  }),

  ballotNumberTaken: (ballotNumber: number): RuleViolation => ({
    rule: 'pair.ballotNumber.taken',
    params: { ballotNumber: String(ballotNumber) },
    message: {
      id: `Nomor urut ${ballotNumber} sudah dipakai pasangan lain.`,
      en: `Ballot number ${ballotNumber} already belongs to another pair.`,
    },
  }),

  checkNotFound: (id: string): RuleViolation => ({
    rule: 'check.notFound',
    params: { id },
    message: { id: 'Dokumen persyaratan tidak ditemukan.', en: 'Requirement check not found.' },
  }),

  /** The researcher saw another status than the one the document has now. */
  checkStale: (id: string, seen: string, current: string): RuleViolation => ({
    rule: 'check.stale',
    params: { id, seen, current },
    message: {
      id: 'Status dokumen telah diubah oleh orang lain. Muat ulang lalu periksa kembali.',
      en: 'Someone else changed this document’s status. Reload and check again.',
    },
  }),

  /** Another step on the same document was recorded between reading and writing it. */
  checkConcurrent: (id: string): RuleViolation => ({
    rule: 'check.concurrent',
    params: { id },
    message: {
      id: 'Dokumen ini baru saja diperbarui oleh orang lain. Muat ulang lalu coba lagi.',
      en: 'This document was just updated by someone else. Reload and try again.',
    },
  }),

  /** The document belonged to a replaced candidate: it is kept with its history, no longer researched. */
  checkSuperseded: (id: string): RuleViolation => ({
    rule: 'check.superseded',
    params: { id },
    message: {
      id: 'Dokumen ini milik calon yang telah diganti dan tidak diteliti lagi.',
      en: 'This document belongs to a replaced candidate and is no longer researched.',
    },
  }),

  /** Another decision on the pair was recorded between reading and writing it. */
  pairConcurrent: (id: string): RuleViolation => ({
    rule: 'pair.concurrent',
    params: { id },
    message: {
      id: 'Status pasangan baru saja diubah oleh orang lain. Muat ulang lalu coba lagi.',
      en: 'The pair’s status was just changed by someone else. Reload and try again.',
    },
  }),

  handoverNotFound: (id: string): RuleViolation => ({
    rule: 'handover.notFound',
    params: { id },
    message: { id: 'Berita acara tidak ditemukan.', en: 'Berita acara not found.' },
  }),

  handoverSigned: (id: string): RuleViolation => ({
    rule: 'handover.signed',
    params: { id },
    message: { id: 'Berita acara ini sudah disahkan.', en: 'This berita acara is already signed off.' },
  }),

  submissionNotFound: (id: string): RuleViolation => ({
    rule: 'submission.notFound',
    params: { id },
    message: { id: 'Tanda terima tidak ditemukan.', en: 'Receipt not found.' },
  }),

  /** A bulk entry names one document twice: its order would decide the outcome. */
  checkRepeated: (id: string): RuleViolation => ({
    rule: 'check.repeated',
    params: { id },
    message: {
      id: 'Satu dokumen hanya boleh muncul sekali dalam satu pencatatan.',
      en: 'A document may appear only once in one bulk entry.',
    },
  }),
}
