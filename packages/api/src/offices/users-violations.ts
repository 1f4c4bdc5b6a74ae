import type { RuleViolation } from '@mejabantu/domain'

/** How account administration refuses, beyond the domain's `checkAccountChange`. */
export const userViolations = {
  notFound: (id: string): RuleViolation => ({
    rule: 'user.notFound',
    params: { id },
    message: { id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
  }),

  usernameTaken: (username: string): RuleViolation => ({
    rule: 'user.username.taken',
    params: { username },
    message: {
      id: `Nama pengguna ${username} sudah dipakai.`,
      en: `The username ${username} is already taken.`,
    },
  }),
}
