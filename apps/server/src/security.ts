import helmet from 'helmet'

/**
 * One helmet policy for every response. Offices often serve the kiosk over plain HTTP on their LAN, so
 * HSTS and upgrade-insecure-requests are left to the TLS-terminating proxy, where they belong.
 */
export function securityHeaders(inlineScriptHashes: string[] = []) {
  return helmet({
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      directives: {
        'upgrade-insecure-requests': null,
        'script-src': ["'self'", ...inlineScriptHashes],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'manifest-src': ["'self'"],
      },
    },
  })
}
