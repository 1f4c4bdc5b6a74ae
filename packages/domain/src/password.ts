import { allow, deny, type RuleResult } from './rules.ts'

/** Shortest password a user may choose. */
export const PASSWORD_MIN_LENGTH = 10

/**
 * Whether a new password may replace the current one: long enough, not the username, and actually new
 * (otherwise a one-time password could be "changed" to itself).
 */
export function checkNewPassword(input: {
  username: string
  currentPassword: string
  newPassword: string
}): RuleResult<string> {
  const { username, currentPassword, newPassword } = input
  if ([...newPassword].length < PASSWORD_MIN_LENGTH) {
    return deny({
      rule: 'password.too_short',
      params: { min: String(PASSWORD_MIN_LENGTH) },
      message: {
        id: `Kata sandi baru minimal ${PASSWORD_MIN_LENGTH} karakter.`,
        en: `The new password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
      },
    })
  }
  if (newPassword.trim().toLowerCase() === username.trim().toLowerCase()) {
    return deny({
      rule: 'password.equals_username',
      params: {},
      message: {
        id: 'Kata sandi tidak boleh sama dengan nama pengguna.',
        en: 'The password must not be the username.',
      },
    })
  }
  if (newPassword === currentPassword) {
    return deny({
      rule: 'password.unchanged',
      params: {},
      message: {
        id: 'Kata sandi baru harus berbeda dari kata sandi saat ini.',
        en: 'The new password must differ from the current one.',
      },
    })
  }
  return allow(newPassword)
}
