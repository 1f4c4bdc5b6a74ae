import { connect } from 'node:net'
import { testTargets } from '@mejabantu/db/testing'
import type { Health } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/server.ts'
import { freshConfig, silentLog } from './helpers.ts'

describe.each(testTargets())('server on a fresh $kind database', (target) => {
  let server: RunningServer
  let cleanup: () => Promise<void>
  let config: Awaited<ReturnType<typeof freshConfig>>['config']

  beforeAll(async () => {
    ;({ config, cleanup } = await freshConfig(target))
    server = await startServer(config, silentLog)
  })
  afterAll(async () => {
    await server.close()
    await cleanup()
  })

  it('creates the first admin with a one-time password on the first start', async () => {
    expect(server.firstRun.admin?.username).toBe('admin')
    expect(server.firstRun.admin?.password).toMatch(/^[A-Za-z0-9]{14}$/)
    const admin = await server.db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } })
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/)
    expect(admin.passwordHash).not.toContain(server.firstRun.admin!.password)
    expect(admin.mustChangePassword).toBe(true)
    await expect(server.db.prisma.auditEvent.count({ where: { targetId: admin.id } })).resolves.toBe(1)
  })

  it('reports ok with the migration level on GET /health', async () => {
    const res = await fetch(`${server.url}/health`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Health
    expect(body).toMatchObject({
      status: 'ok',
      database: { kind: target.kind, reachable: true, pendingMigrations: 0 },
    })
    expect(body.database.migration).toMatch(/^\d{14}_[a-z0-9_]+$/)
  })

  it('answers the tRPC health procedure at /trpc', async () => {
    const res = await fetch(`${server.url}/trpc/health`)
    expect(res.status).toBe(200)
    const { result } = (await res.json()) as { result: { data: { json: Health } } }
    expect(result.data.json).toMatchObject({ status: 'ok', database: { kind: target.kind } })
  })

  it.each(['console', 'kiosk'])('serves the %s app, its assets and its client-side routes', async (name) => {
    const page = await fetch(`${server.url}/${name}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.headers.get('content-security-policy')).toContain("'sha256-")
    const html = await page.text()
    const asset = html.match(new RegExp(`/${name}/_nuxt/[\\w.-]+\\.js`))?.[0]
    expect(asset, 'the page references its bundle under its own base path').toBeDefined()
    const script = await fetch(`${server.url}${asset}`)
    expect(script.status).toBe(200)
    expect(script.headers.get('cache-control')).toContain('immutable')
    const deepLink = await fetch(`${server.url}/${name}/some/client/route`)
    expect(await deepLink.text()).toBe(html)
  })

  it('answers unknown paths and oversized bodies with JSON errors and no internals', async () => {
    const missing = await fetch(`${server.url}/nope`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found' } })

    const huge = await fetch(`${server.url}/trpc/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(2_000_000) }),
    })
    expect(huge.status).toBe(413)
    const text = await huge.text()
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/)
  })

  it('keeps an idle connection open past the usual idle timeouts, so a request sent on it gets an answer', async () => {
    const { port } = new URL(server.url)
    const socket = connect(Number(port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    let received = ''
    socket.on('data', (chunk) => (received += chunk))
    const answers = () => received.match(/HTTP\/1\.1 200 /g)?.length ?? 0
    const askHealth = async (count: number) => {
      socket.write('GET /health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n')
      await expect.poll(answers).toBe(count)
    }
    try {
      await askHealth(1)
      // Clients keep an idle connection for what the server announces, less a margin.
      const announced = Number(/keep-alive: timeout=(\d+)/i.exec(received)?.[1])
      expect(announced).toBeGreaterThanOrEqual(60)
      // Longer than Node's default of 5 s, after which the server would close it just as this is sent.
      await new Promise((resolve) => setTimeout(resolve, 6_000))
      expect(socket.destroyed).toBe(false)
      await askHealth(2)
    } finally {
      socket.destroy()
    }
  }, 15_000)

  it('keeps its data: a restart on the same database applies nothing and creates no second admin', async () => {
    await server.close()
    server = await startServer(config, silentLog)
    expect(server.firstRun.admin).toBeNull()
    await expect(server.db.prisma.user.count()).resolves.toBe(1)
  })

  it('finishes an in-flight request before closing on shutdown', async () => {
    const { port } = new URL(server.url)
    const socket = connect(Number(port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    const body = '{"a":1}'
    socket.write(
      `POST /nope HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n{"a"`,
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    let closed = false
    const closing = server.close().then(() => (closed = true))
    const response = new Promise<string>((resolve) => {
      let data = ''
      socket.on('data', (chunk) => (data += chunk))
      socket.on('end', () => resolve(data))
      socket.on('close', () => resolve(data))
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(closed, 'close waits for the request in flight').toBe(false)
    socket.end(body.slice(4))
    expect(await response).toMatch(/^HTTP\/1\.1 404/)
    await closing
    expect(closed).toBe(true)
    await expect(fetch(`${server.url}/health`), 'no longer listening').rejects.toThrow()
    if (target.kind === 'pglite')
      await expect(server.db.prisma.user.count(), 'database closed').rejects.toThrow()
    server = { ...server, close: async () => {} }
  })
})
