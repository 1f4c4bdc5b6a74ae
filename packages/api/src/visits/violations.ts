import { violation } from '../shared/errors.ts'

/** How the guest book and queue refuse, beyond the domain's own `visit.transition`. */
export const visitViolations = {
  notFound: (id: string) =>
    violation('visit.notFound', { id }, 'Kunjungan tidak ditemukan.', 'Visit not found.'),

  /** A client id another office already used: ids are random, so only a forged request gets here. */
  clientIdTaken: (clientId: string) =>
    violation(
      'visit.client_id_taken',
      { clientId },
      'Nomor pendaftaran ini sudah dipakai. Mulai pendaftaran baru.',
      'This check-in id is already in use. Start a new check-in.',
    ),

  consentUnknown: (version: string) =>
    violation(
      'consent.unknown_version',
      { version },
      `Versi persetujuan "${version}" tidak dikenal. Muat ulang halaman lalu setujui teks yang berlaku.`,
      `Consent version "${version}" is unknown. Reload the page and accept the current text.`,
    ),
}
