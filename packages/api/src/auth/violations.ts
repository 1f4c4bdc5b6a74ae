import { Permission, type RuleViolation } from '@mejabantu/domain'
import { retryViolation } from '../shared/retry-violation.ts'
import { violation } from '../shared/errors.ts'

/** How sign-in, sessions and request guards refuse; rule names are stable for clients and logs. */
export const authViolations = {
  /** The same for an unknown username and a wrong password, so neither can be told apart. */
  invalidCredentials: () =>
    violation(
      'auth.invalid_credentials',
      {},
      'Nama pengguna atau kata sandi salah.',
      'Wrong username or password.',
    ),

  /** Minutes rather than a clock time: the office's time zone would tell whether the account exists. */
  locked: (retryAt: Date, now: Date): RuleViolation =>
    retryViolation('auth.locked', retryAt, now, 'minutes', {
      id: 'Terlalu banyak percobaan masuk yang gagal.',
      en: 'Too many failed sign-in attempts.',
    }),

  unauthenticated: () =>
    violation('auth.unauthenticated', {}, 'Silakan masuk terlebih dahulu.', 'Please sign in first.'),

  sessionExpired: () =>
    violation(
      'auth.session_expired',
      {},
      'Sesi Anda telah berakhir. Silakan masuk kembali.',
      'Your session has ended. Please sign in again.',
    ),

  passwordChangeRequired: () =>
    violation(
      'auth.password_change_required',
      {},
      'Ganti kata sandi sekali pakai Anda sebelum melanjutkan.',
      'Change your one-time password before continuing.',
    ),

  currentPasswordWrong: () =>
    violation(
      'auth.current_password_wrong',
      {},
      'Kata sandi saat ini salah.',
      'The current password is wrong.',
    ),

  forbidden: (permission: Permission) =>
    violation(
      'auth.forbidden',
      { permission },
      `Peran Anda tidak memiliki izin: ${Permission.label(permission)}.`,
      `Your role lacks the permission: ${Permission.label(permission, 'en')}.`,
    ),

  csrfInvalid: () =>
    violation(
      'auth.csrf_invalid',
      {},
      'Permintaan ditolak karena token keamanan tidak cocok. Muat ulang halaman lalu coba lagi.',
      'Request refused: the security token does not match. Reload the page and try again.',
    ),

  crossOrigin: () =>
    violation(
      'auth.cross_origin',
      {},
      'Permintaan dari situs lain ditolak.',
      'Requests from other sites are refused.',
    ),
}
