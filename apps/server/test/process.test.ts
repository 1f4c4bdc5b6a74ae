import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'

const serverDir = path.resolve(import.meta.dirname, '..')
let dataDir: string
// A fresh install from source (tsx, then every migration on a new PGlite) on a machine busy with the
// other test suites can take a while to come up.
const START_WAIT_MS = 150_000

afterAll(() => rm(dataDir, { recursive: true, force: true }))

it(
  'starts on an empty data folder, prints the URLs and the one-time password, and stops cleanly on SIGTERM',
  async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'mejabantu-process-'))
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = output.match(/Kios buku tamu \(kiosk\):\s+(http:\/\/127\.0\.0\.1:\d+)\/kiosk\//)
        if (match) resolve(match[1]!)
      }, 100)
      void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)))
      void exited.finally(() => clearInterval(timer))
      setTimeout(() => clearInterval(timer), START_WAIT_MS)
    })

    expect(output).toMatch(/one-time password: [A-Za-z0-9]{14}/)
    expect(await readdir(dataDir)).not.toEqual([])
    expect((await fetch(`${url}/health`)).status).toBe(200)

    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toContain('"msg":"stopped"')
  },
  START_WAIT_MS + 30_000,
)
