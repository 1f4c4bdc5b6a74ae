import { appRouter } from '@mejabantu/api'
import { can, Role, type Permission } from '@mejabantu/domain'

type ProcedureDef = {
  _def: { type: 'query' | 'mutation' | 'subscription'; meta?: { audience?: string }; inputs: unknown[] }
}

/** A procedure of the app router as the fuzzer calls it. */
export interface FuzzedProcedure {
  path: string
  type: 'query' | 'mutation'
  audience: string
  /** The first input schema, whose shape the fuzzer fills; undefined for procedures without input. */
  input: unknown
}

/** Every query and mutation of the router: a procedure added later is fuzzed without a change here. */
export const everyProcedure: FuzzedProcedure[] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, ProcedureDef>,
)
  .filter(([, p]) => p._def.type !== 'subscription')
  .map(([path, p]) => ({
    path,
    type: p._def.type as 'query' | 'mutation',
    audience: p._def.meta?.audience ?? 'public',
    input: p._def.inputs[0],
  }))

/** The role that holds a permission, the administrator first (it holds all but the signature). */
export const roleFor = (permission: Permission) =>
  Role.values.find((role) => can(role, permission)) ?? 'admin'

/** What a caller sends: a session (cookie and CSRF token) or a kiosk device token. */
export interface Credentials {
  cookie?: string
  csrf?: string
  token?: string
}

export interface Reply {
  status: number
  rule: string | undefined
  message: { id?: unknown; en?: unknown } | undefined
  text: string
  /** What of our insides the answer shows, if anything: a stack frame, a source path, SQL or Prisma. */
  leak: string | undefined
}

// A refusal names a rule and says it in words; none of these belongs in any answer.
const INTERNALS =
  /\bat [\w.<>]+ \(|node_modules|\/(?:src|dist)\/[\w/-]+\.[cm]?[jt]s\b|\bprisma\b|PrismaClient|SQLSTATE|\bSELECT\b.+\bFROM\b|\bviolates\b.+\bconstraint\b/i

// The fuzzer's own sign-ins come from an address of their own, so the lockouts that fuzzed sign-ins
// earn 127.0.0.1 (the server trusts its loopback proxy) never lock the fuzzer out.
const HARNESS_ADDRESS = '10.66.0.1'

/** One raw call: `wire` as the body, or as `?input=` for a query. */
export async function call(
  url: string,
  path: string,
  type: 'query' | 'mutation',
  wire: string,
  as: Credentials = {},
  headers: Record<string, string> = {},
): Promise<Reply> {
  const all: Record<string, string> = { origin: url, 'content-type': 'application/json', ...headers }
  if (as.cookie) all.cookie = as.cookie
  if (as.csrf && type === 'mutation') all['x-csrf-token'] = as.csrf
  if (as.token) all.authorization = `Bearer ${as.token}`
  const res =
    type === 'query'
      ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(wire)}`, { headers: all })
      : await fetch(`${url}/trpc/${path}`, { method: 'POST', headers: all, body: wire })
  const text = await res.text()
  let data: { rule?: string; message?: Reply['message'] } | undefined
  try {
    data = (JSON.parse(text) as { error?: { json?: { data?: typeof data } } }).error?.json?.data
  } catch {
    data = undefined
  }
  const leak = res.status >= 400 ? INTERNALS.exec(text)?.[0] : undefined
  return { status: res.status, rule: data?.rule, message: data?.message, text: text.slice(0, 300), leak }
}

/** Signs in over raw HTTP and returns the session cookie and CSRF token. */
export async function signIn(url: string, username: string, password: string): Promise<Credentials> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json', 'x-forwarded-for': HARNESS_ADDRESS },
    body: JSON.stringify({ json: { username, password } }),
  })
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`)
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('mejabantu_session='))!
    .split(';')[0]!
  const body = (await res.json()) as { result: { data: { json: { csrfToken: string } } } }
  return { cookie, csrf: body.result.data.json.csrfToken }
}

/** Whether a session still works (a fuzzed `auth.logout` may have ended it). */
export async function sessionAlive(url: string, as: Credentials): Promise<boolean> {
  return (await call(url, 'auth.me', 'query', '{"json":null}', as)).status === 200
}

/**
 * What a refused call must leave as it was, read in one batch as the administrator: the audit trail,
 * today's guest book, the sheets and the devices.
 */
export async function readState(url: string, admin: Credentials) {
  const paths = ['audit.list', 'visits.today', 'consultations.list', 'devices.list']
  const input = {
    0: { json: { pageSize: 1 } },
    1: { json: {} },
    2: { json: { pageSize: 1 } },
    3: { json: {} },
  }
  const res = await fetch(
    `${url}/trpc/${paths.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
    {
      headers: { origin: url, cookie: admin.cookie! },
    },
  )
  if (res.status !== 200) throw new Error(`reading the state failed: ${res.status} ${await res.text()}`)
  const [audit, visits, consultations, devices] = (
    (await res.json()) as { result: { data: { json: unknown } } }[]
  ).map((r) => r.result.data.json) as [{ total: number }, { visits: unknown[] }, { total: number }, unknown[]]
  return {
    auditEvents: audit.total,
    visits: visits.visits.length,
    consultations: consultations.total,
    devices: devices.length,
  }
}
