import type { Context } from './context.ts'
import { refuse } from './errors.ts'
import { authViolations } from './services/auth-violations.ts'

/**
 * Refuses a mutation another site's page sent. Browsers add `Origin` to every POST and `Sec-Fetch-Site`
 * to every request; clients that are not browsers send neither and are held to the CSRF token instead.
 */
export function ensureSameOrigin(request: Context['request']): void {
  const origin = request.header('origin')
  const site = request.header('sec-fetch-site')
  const crossOrigin =
    (origin !== undefined && origin !== request.origin) ||
    (site !== undefined && site !== 'same-origin' && site !== 'none')
  if (crossOrigin) refuse('FORBIDDEN', authViolations.crossOrigin())
}
