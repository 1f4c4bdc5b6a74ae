import type { RuleViolation } from '@mejabantu/domain'
import { retryViolation } from '../shared/retry-violation.ts'

/** How kiosk devices, pairing and check-in refuse; rule names are stable for clients and logs. */
export const kioskViolations = {
  unpaired: (): RuleViolation => ({
    rule: 'kiosk.unpaired',
    params: {},
    message: {
      id: 'Perangkat ini belum dipasangkan dengan kantor. Masukkan kode pemasangan dari admin.',
      en: 'This device is not paired with an office. Enter the pairing code from an administrator.',
    },
  }),

  revoked: (): RuleViolation => ({
    rule: 'kiosk.revoked',
    params: {},
    message: {
      id: 'Perangkat ini telah dicabut. Hubungi admin untuk memasangkannya kembali.',
      en: 'This device has been revoked. Ask an administrator to pair it again.',
    },
  }),

  /** The same for an unknown, expired or already used code: a guess learns nothing. */
  pairingCodeInvalid: (): RuleViolation => ({
    rule: 'kiosk.pairing_code_invalid',
    params: {},
    message: {
      id: 'Kode pemasangan salah, kedaluwarsa, atau sudah dipakai. Minta kode baru kepada admin.',
      en: 'The pairing code is wrong, expired or already used. Ask an administrator for a new one.',
    },
  }),

  pairingLocked: (retryAt: Date, now: Date): RuleViolation =>
    retryViolation('kiosk.pairing_locked', retryAt, now, 'minutes', {
      id: 'Terlalu banyak kode pemasangan yang salah dari perangkat ini.',
      en: 'Too many wrong pairing codes from this device.',
    }),

  rateLimited: (retryAt: Date, now: Date): RuleViolation =>
    retryViolation('kiosk.rate_limited', retryAt, now, 'seconds', {
      id: 'Terlalu banyak permintaan dari perangkat ini.',
      en: 'Too many requests from this device.',
    }),

  deviceNotFound: (id: string): RuleViolation => ({
    rule: 'device.notFound',
    params: { id },
    message: { id: 'Perangkat kios tidak ditemukan.', en: 'Kiosk device not found.' },
  }),

  alreadyRevoked: (id: string): RuleViolation => ({
    rule: 'device.already_revoked',
    params: { id },
    message: { id: 'Perangkat kios ini sudah dicabut.', en: 'This kiosk device is already revoked.' },
  }),
}
