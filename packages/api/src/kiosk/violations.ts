import type { RuleViolation } from '@mejabantu/domain'
import { retryViolation } from '../shared/retry-violation.ts'
import { violation } from '../shared/errors.ts'

/** How kiosk devices, pairing and check-in refuse; rule names are stable for clients and logs. */
export const kioskViolations = {
  unpaired: () =>
    violation(
      'kiosk.unpaired',
      {},
      'Perangkat ini belum terhubung dengan kantor. Masukkan kode aktivasi dari admin.',
      'This device is not paired with an office. Enter the pairing code from an administrator.',
    ),

  revoked: () =>
    violation(
      'kiosk.revoked',
      {},
      'Perangkat ini telah dicabut. Hubungi admin untuk memasangkannya kembali.',
      'This device has been revoked. Ask an administrator to pair it again.',
    ),

  /** A display's token at a kiosk procedure, or a kiosk's at a display one. */
  wrongKind: (expected: 'kiosk' | 'display') =>
    violation(
      'kiosk.wrong_kind',
      { expected },
      expected === 'display'
        ? 'Perangkat ini adalah kios, bukan layar antrean.'
        : 'Perangkat ini adalah layar antrean; layar tidak dapat mencatat kunjungan.',
      expected === 'display'
        ? 'This device is a kiosk, not a queue display.'
        : 'This device is a queue display; a display cannot check visitors in.',
    ),

  /** The same for an unknown, expired or already used code: a guess learns nothing. */
  pairingCodeInvalid: () =>
    violation(
      'kiosk.pairing_code_invalid',
      {},
      'Kode aktivasi salah, kedaluwarsa, atau sudah dipakai. Minta kode baru kepada admin.',
      'The pairing code is wrong, expired or already used. Ask an administrator for a new one.',
    ),

  pairingLocked: (retryAt: Date, now: Date): RuleViolation =>
    retryViolation('kiosk.pairing_locked', retryAt, now, 'minutes', {
      id: 'Terlalu banyak kode aktivasi yang salah dari perangkat ini.',
      en: 'Too many wrong pairing codes from this device.',
    }),

  rateLimited: (retryAt: Date, now: Date): RuleViolation =>
    retryViolation('kiosk.rate_limited', retryAt, now, 'seconds', {
      id: 'Terlalu banyak permintaan dari perangkat ini.',
      en: 'Too many requests from this device.',
    }),

  deviceNotFound: (id: string) =>
    violation('device.notFound', { id }, 'Perangkat kios tidak ditemukan.', 'Kiosk device not found.'),

  alreadyRevoked: (id: string) =>
    violation(
      'device.already_revoked',
      { id },
      'Perangkat kios ini sudah dicabut.',
      'This kiosk device is already revoked.',
    ),

  /** Consent texts are never edited: a visitor's acceptance names the version it read. */
  consentVersionTaken: (version: string) =>
    violation(
      'consent.version_taken',
      { version },
      `Versi persetujuan "${version}" sudah ada. Versi tidak dapat diubah; gunakan nama versi baru.`,
      `Consent version "${version}" already exists. Versions cannot be edited; use a new version name.`,
    ),
}
