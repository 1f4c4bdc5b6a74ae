/**
 * The session's CSRF token, kept in memory only: `auth.login` and `auth.me` return it, and the api plugin
 * sends it back in `x-csrf-token` on every mutation. After a reload it is empty until `auth.me` answers.
 */
export const useCsrfToken = () => useState<string | null>('csrf-token', () => null)
