import type { IncomingMessage, ServerResponse } from 'node:http'

export const SESSION_COOKIE = 'mejabantu_session'

// Tokens are 32 random bytes in base64url; anything else in the cookie is ignored rather than looked up.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

/** The session cookie of one request: the token it arrived with, and how to set or clear it. */
export interface SessionCookieJar {
  readonly token: string | null
  set(token: string, maxAgeSeconds: number): void
  clear(): void
}

/**
 * httpOnly so page scripts never see the token, SameSite=Lax so other sites' forms and fetches do not
 * carry it, Secure whenever the browser reached us over https (offices may serve plain http on a LAN).
 */
export function sessionCookieJar(
  req: IncomingMessage,
  res: ServerResponse,
  secure: boolean,
): SessionCookieJar {
  const write = (value: string, maxAgeSeconds: number) =>
    res.appendHeader(
      'Set-Cookie',
      [
        `${SESSION_COOKIE}=${value}`,
        'Path=/',
        `Max-Age=${maxAgeSeconds}`,
        'HttpOnly',
        'SameSite=Lax',
        ...(secure ? ['Secure'] : []),
      ].join('; '),
    )
  return {
    token: readToken(req.headers.cookie),
    set: (token, maxAgeSeconds) => write(token, maxAgeSeconds),
    clear: () => write('', 0),
  }
}

function readToken(header: string | undefined): string | null {
  for (const pair of header?.split(';') ?? []) {
    const [name, value] = pair.trim().split('=', 2)
    if (name === SESSION_COOKIE && value && TOKEN_SHAPE.test(value)) return value
  }
  return null
}
