import { Permission, type RuleViolation } from '@mejabantu/domain'
import { retryViolation } from '../shared/retry-violation.ts'

/** How sign-in, sessions and request guards refuse; rule names are stable for clients and logs. */
export const authViolations = {
  /** The same for an unknown username and a wrong password, so neither can be told apart. */
  invalidCredentials: (): RuleViolation => ({
    rule: 'auth.invalid_credentials',
    params: {},
    message: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  }),

  /** Minutes rather than a clock time: the office's time zone would tell whether the account exists. */
  locked: (retryAt: Date, now: Date): RuleViolation =>
    retryViolation('auth.locked', retryAt, now, 'minutes', {
      id: 'Terlalu banyak percobaan masuk yang gagal.',
      en: 'Too many failed sign-in attempts.',
    }),

  unauthenticated: (): RuleViolation => ({
    rule: 'auth.unauthenticated',
    params: {},
    message: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  }),

  sessionExpired: (): RuleViolation => ({
    rule: 'auth.session_expired',
    params: {},
    message: {
      id: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
      en: 'Your session has ended. Please sign in again.',
    },
  }),

  passwordChangeRequired: (): RuleViolation => ({
    rule: 'auth.password_change_required',
    params: {},
    message: {
      id: 'Ganti kata sandi sekali pakai Anda sebelum melanjutkan.',
      en: 'Change your one-time password before continuing.',
    },
  }),

  currentPasswordWrong: (): RuleViolation => ({
    rule: 'auth.current_password_wrong',
    params: {},
    message: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  }),

  forbidden: (permission: Permission): RuleViolation => ({
    rule: 'auth.forbidden',
    params: { permission },
    message: {
      id: `Peran Anda tidak memiliki izin: ${Permission.label(permission)}.`,
      en: `Your role lacks the permission: ${Permission.label(permission, 'en')}.`,
    },
  }),

  csrfInvalid: (): RuleViolation => ({
    rule: 'auth.csrf_invalid',
    params: {},
    message: {
      id: 'Permintaan ditolak karena token keamanan tidak cocok. Muat ulang halaman lalu coba lagi.',
      en: 'Request refused: the security token does not match. Reload the page and try again.',
    },
  }),

  crossOrigin: (): RuleViolation => ({
    rule: 'auth.cross_origin',
    params: {},
    message: {
      id: 'Permintaan dari situs lain ditolak.',
      en: 'Requests from other sites are refused.',
    },
  }),
}
