import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/server.ts'
import { freshConfig, silentLog } from './helpers.ts'

// The auth flow through the real app: Express's proxy trust, body parsing and the context wiring.
// packages/api/test covers the rules in depth.
describe.each(testTargets())('signing in through the server on $kind', (target) => {
  let server: RunningServer
  let cleanup: () => Promise<void>

  beforeAll(async () => {
    const fresh = await freshConfig(target)
    cleanup = fresh.cleanup
    server = await startServer(fresh.config, silentLog)
  })
  afterAll(async () => {
    await server.close()
    await cleanup()
  })

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, ...headers },
      body: JSON.stringify({ json: body }),
    })

  it('signs the first admin in behind an https proxy, then serves auth.me and logs out', async () => {
    const { username, password } = server.firstRun.admin!
    const login = await post(
      'auth.login',
      { username, password },
      { 'x-forwarded-proto': 'https', origin: server.url.replace('http:', 'https:') },
    )
    expect(login.status).toBe(200)
    const [cookie] = login.headers.getSetCookie()
    expect(cookie!.split('; ')).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Secure']),
    )
    const session = cookie!.split(';')[0]!
    const { result } = (await login.json()) as { result: { data: { json: { csrfToken: string } } } }

    const me = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: session } })
    expect(me.status).toBe(200)
    expect(me.headers.get('access-control-allow-origin')).toBeNull()

    const crossSite = await fetch(`${server.url}/trpc/auth.logout`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session,
        'x-csrf-token': result.data.json.csrfToken,
        origin: 'https://evil.example',
      },
    })
    expect(crossSite.status).toBe(403)
    const refusal = (await crossSite.json()) as { error: { json: { data: Record<string, unknown> } } }
    expect(refusal.error.json.data).toMatchObject({ rule: 'auth.cross_origin' })
    expect(refusal.error.json.data).not.toHaveProperty('stack')

    const logout = await fetch(`${server.url}/trpc/auth.logout`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session,
        'x-csrf-token': result.data.json.csrfToken,
        origin: server.url,
      },
    })
    expect(logout.status).toBe(200)
    expect((await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: session } })).status).toBe(401)
  })

  it('sets no Secure flag over plain http, where offices serve the kiosk on their LAN', async () => {
    const login = await post('auth.login', { username: 'admin', password: server.firstRun.admin!.password })
    expect(login.status).toBe(200)
    expect(login.headers.getSetCookie()[0]!.split('; ')).not.toContain('Secure')
  })
})
