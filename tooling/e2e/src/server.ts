import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface ServerUnderTest {
  url: string
  port: number
  /** The embedded database's folder; removed by `stop()` unless `keepData` is set. */
  dataDir: string
  /** The process id, for measuring its memory. */
  pid: number
  output(): string
  stop(options?: { keepData?: boolean }): Promise<void>
  /** `kill -9`: no shutdown at all, as a crash or power cut; the data stays for a restart. */
  crash(): Promise<void>
}

export interface StartOptions {
  /** Reuse a database folder a stopped server kept (a restart), instead of a new empty one. */
  dataDir?: string
  /** Listen on this port (a restart keeps the address the browser knows); a free one by default. */
  port?: number
}

const serverDir = path.dirname(createRequire(import.meta.url).resolve('@mejabantu/server/package.json'))

/**
 * Starts the production build (`apps/server/dist/main.js`, what `npm start` runs) on a free port with an
 * empty embedded database, exactly as a first start on a new machine.
 */
export async function startBuiltServer(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<ServerUnderTest> {
  const entry = path.join(serverDir, 'dist', 'main.js')
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first.`)
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'mejabantu-e2e-')))
  const port = String(options.port ?? 0)
  const child = spawn(process.execPath, [entry], {
    cwd: serverDir,
    env: { ...process.env, PORT: port, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const url = await waitForUrl(child, () => output)
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    pid: child.pid!,
    output: () => output,
    stop: async ({ keepData = false } = {}) => {
      await endProcess(child, 'SIGTERM')
      if (!keepData) await rm(dataDir, { recursive: true, force: true })
    },
    crash: () => endProcess(child, 'SIGKILL'),
  }
}

/** Sends `signal` to a child process, unless it has ended, and waits for it to exit. */
export async function endProcess(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill(signal)
  await exited
}

/**
 * The URL a starting server prints in its "serving on http://…" line; kills it if it exits or stalls. A
 * first start migrates a new database, which takes long on a busy two-core machine.
 */
export function waitForUrl(child: ChildProcess, output: () => string, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = setInterval(() => {
      const match = output().match(/serving on (http:\/\/[\d.]+:\d+)/)
      if (match) {
        clearInterval(poll)
        resolve(match[1]!)
      } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
        clearInterval(poll)
        child.kill('SIGKILL')
        reject(new Error(`server did not start:\n${output()}`))
      }
    }, 100)
  })
}
