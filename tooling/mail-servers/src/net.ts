import { connect, createServer } from 'node:net'

/** A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no TCP address for a free port')
  return address.port
}

/** Resolves with the first greeting line when a connection to the port gets one that matches `ready`. */
function greetingOnce(port: number, ready: (line: string) => boolean, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    let buffer = ''
    const timer = setTimeout(() => finish(new Error(`no greeting on port ${port}`)), timeoutMs)
    const finish = (error: Error | null, line?: string) => {
      clearTimeout(timer)
      socket.destroy()
      if (error) reject(error)
      else resolve(line!)
    }
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      const lines = buffer.split('\r\n')
      buffer = lines.pop() ?? ''
      const line = lines.find(ready)
      if (line !== undefined) finish(null, line)
    })
    socket.on('error', (error) => finish(error))
    socket.on('close', () => finish(new Error(`port ${port} closed the connection before the greeting`)))
  })
}

/**
 * Polls the port until a connection gets a greeting line that `ready` accepts, e.g. IMAP's `* OK`.
 * `alive` is asked between attempts so a server that died fails the wait at once.
 */
export async function waitForGreeting(
  port: number,
  ready: (line: string) => boolean,
  options: { timeoutMs?: number; alive?: () => Error | undefined } = {},
): Promise<string> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000)
  let lastError: unknown
  while (Date.now() < deadline) {
    const dead = options.alive?.()
    if (dead) throw dead
    try {
      return await greetingOnce(port, ready, Math.max(100, Math.min(5_000, deadline - Date.now())))
    } catch (error) {
      lastError = error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  throw new Error(`port ${port} did not greet in time: ${String(lastError)}`)
}
