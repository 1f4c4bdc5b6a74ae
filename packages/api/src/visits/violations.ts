import type { RuleViolation } from '@mejabantu/domain'

/** How the guest book and queue refuse, beyond the domain's own `visit.transition`. */
export const visitViolations = {
  notFound: (id: string): RuleViolation => ({
    rule: 'visit.notFound',
    params: { id },
    message: { id: 'Kunjungan tidak ditemukan.', en: 'Visit not found.' },
  }),

  /** A client id another office already used: ids are random, so only a forged request gets here. */
  clientIdTaken: (clientId: string): RuleViolation => ({
    rule: 'visit.client_id_taken',
    params: { clientId },
    message: {
      id: 'Nomor pendaftaran ini sudah dipakai. Mulai pendaftaran baru.',
      en: 'This check-in id is already in use. Start a new check-in.',
    },
  }),

  consentUnknown: (version: string): RuleViolation => ({
    rule: 'consent.unknown_version',
    params: { version },
    message: {
      id: `Versi persetujuan "${version}" tidak dikenal. Muat ulang halaman lalu setujui teks yang berlaku.`,
      en: `Consent version "${version}" is unknown. Reload the page and accept the current text.`,
    },
  }),
}
