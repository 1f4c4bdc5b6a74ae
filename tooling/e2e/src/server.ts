import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface ServerUnderTest {
  url: string
  output(): string
  stop(): Promise<void>
}

const serverDir = path.dirname(createRequire(import.meta.url).resolve('@mejabantu/server/package.json'))

/**
 * Starts the production build (`apps/server/dist/main.js`, what `npm start` runs) on a free port with an
 * empty embedded database, exactly as a first start on a new machine.
 */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<ServerUnderTest> {
  const entry = path.join(serverDir, 'dist', 'main.js')
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first.`)
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mejabantu-e2e-'))
  const child = spawn(process.execPath, [entry], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const url = await waitForUrl(child, () => output)
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

function waitForUrl(child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<string> {
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
