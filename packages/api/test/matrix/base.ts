import type { MatrixFragment } from './types.ts'

/** The procedures that predate the area routers. */
export const fragment: MatrixFragment = {
  health: { audience: 'public' },
  'auth.login': { audience: 'public' },
  'auth.logout': { audience: 'session', endsSession: true },
  'auth.me': { audience: 'session' },
  'auth.changePassword': { audience: 'session' },
}
