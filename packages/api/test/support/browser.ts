import superjson from 'superjson'
import { SESSION_COOKIE } from '../../src/auth/session-cookie.ts'

export interface TrpcReply {
  status: number
  /** The parsed JSON body: `{ result: { data } }` or `{ error: { message, code, data } }`. */
  body: {
    result?: { data: unknown }
    error?: { message: string; code: number; data: Record<string, unknown> }
  }
  text: string
  setCookies: string[]
  headers: Headers
}

export interface CallOptions {
  /** The CSRF header to send; defaults to the one the last sign-in or `auth.me` returned. */
  csrf?: string | null
  /** Defaults to the server's own origin, as a browser on our pages sends it. */
  origin?: string | null
  headers?: Record<string, string>
}

/**
 * A browser on our pages, reduced to what auth depends on: it keeps the session cookie the server sets,
 * sends it back, sends its Origin, and echoes the CSRF token it was given.
 */
export class Browser {
  sessionToken: string | null = null
  csrfToken: string | null = null

  constructor(readonly baseUrl: string) {}

  query(path: string, input?: unknown, options: CallOptions = {}): Promise<TrpcReply> {
    const search =
      input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`
    return this.send('GET', `${path}${search}`, undefined, options)
  }

  mutation(path: string, input?: unknown, options: CallOptions = {}): Promise<TrpcReply> {
    return this.send('POST', path, input, options)
  }

  /** Signs in and remembers the CSRF token; throws unless it worked. */
  async signIn(username: string, password: string): Promise<TrpcReply> {
    const reply = await this.mutation('auth.login', { username, password })
    if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.text}`)
    return reply
  }

  private async send(method: string, path: string, input: unknown, options: CallOptions) {
    const headers: Record<string, string> = { ...options.headers }
    const origin = options.origin === undefined ? this.baseUrl : options.origin
    if (origin !== null) headers.origin = origin
    if (this.sessionToken) headers.cookie = `${SESSION_COOKIE}=${this.sessionToken}`
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf
    if (method === 'POST' && csrf) headers['x-csrf-token'] = csrf
    if (method === 'POST') headers['content-type'] = 'application/json'
    const res = await fetch(`${this.baseUrl}/trpc/${path}`, {
      method,
      headers,
      // Like the tRPC client: a mutation without input sends no body.
      ...(method === 'POST' && input !== undefined
        ? { body: JSON.stringify(superjson.serialize(input)) }
        : {}),
    })
    const text = await res.text()
    const refusedStream = streamRefusal(res.headers, text)
    const reply: TrpcReply = {
      status: refusedStream?.status ?? res.status,
      body: refusedStream?.body ?? parseBody(text),
      text,
      setCookies: res.headers.getSetCookie(),
      headers: res.headers,
    }
    this.remember(reply)
    return reply
  }

  private remember(reply: TrpcReply) {
    for (const cookie of reply.setCookies) {
      const [pair] = cookie.split(';')
      const [name, value] = pair!.split('=')
      if (name !== SESSION_COOKIE) continue
      this.sessionToken = value && !/Max-Age=0(;|$)/.test(cookie) ? value : null
    }
    const data = reply.body.result?.data as { csrfToken?: string } | undefined
    if (data?.csrfToken) this.csrfToken = data.csrfToken
  }
}

/**
 * A subscription answers over SSE with status 200 even when its middleware refuses; the refusal is the
 * stream's `serialized-error` event, which carries the HTTP status it stands for. (Read whole, so only a
 * refused subscription suits `query`; a stream that is let in never ends. See sse.ts for those.)
 */
function streamRefusal(headers: Headers, text: string): Pick<TrpcReply, 'status' | 'body'> | null {
  if (!headers.get('content-type')?.startsWith('text/event-stream')) return null
  const match = /event: serialized-error\ndata: (.*)\n/.exec(text)
  if (!match) return null
  const error = superjson.deserialize(JSON.parse(match[1]!) as never) as NonNullable<
    TrpcReply['body']['error']
  >
  return { status: Number(error.data.httpStatus), body: { error } }
}

// The server speaks superjson ({ json, meta }); tests read plain values, as the tRPC client would.
function decode(raw: unknown): TrpcReply['body'] {
  const body = raw as { result?: { data: unknown }; error?: unknown }
  if (body.result) return { result: { data: superjson.deserialize(body.result.data as never) } }
  if (body.error) return { error: superjson.deserialize(body.error as never) }
  return body as TrpcReply['body']
}

// Refusals from below tRPC (a URL over Node's header limit, a body over the size limit) are not JSON.
function parseBody(text: string): TrpcReply['body'] {
  try {
    return decode(JSON.parse(text))
  } catch {
    return {}
  }
}

/** The data of a successful reply; fails the test with the reply's text otherwise. */
export function dataOf<T>(reply: TrpcReply): T {
  if (reply.status !== 200) throw new Error(`expected success, got ${reply.status}: ${reply.text}`)
  return reply.body.result!.data as T
}
