import { violation } from '../shared/errors.ts'

/** How account administration refuses, beyond the domain's `checkAccountChange`. */
export const userViolations = {
  notFound: (id: string) =>
    violation('user.notFound', { id }, 'Pengguna tidak ditemukan.', 'User not found.'),

  usernameTaken: (username: string) =>
    violation(
      'user.username.taken',
      { username },
      `Nama pengguna ${username} sudah dipakai.`,
      `The username ${username} is already taken.`,
    ),
}
