// Startup figures: time to the first healthy /health on an empty data folder (first start: migrations and
// seeding), on the same folder again (every later start), and through `npm start` from the repository
// root (turbo finds the build cached and starts the server), and memory at idle.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

const serverDir = path.resolve(import.meta.dirname, '..')
const repositoryRoot = path.resolve(serverDir, '..', '..')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts a command in a process group of its own, so the whole group (npm, turbo, node) can be ended. */
function launch(command: string, args: string[], cwd: string, dataDir: string): ChildProcess {
  return spawn(command, args, {
    cwd,
    detached: true,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
}

async function timeToHealthy(child: ChildProcess): Promise<{ healthyMs: number; serverPid: number }> {
  const began = performance.now()
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  let url: string | undefined
  while (!url) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`)
    url = /serving on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1]
    await sleep(20)
  }
  while ((await fetch(`${url}/health`).catch(() => null))?.status !== 200) await sleep(20)
  const healthyMs = performance.now() - began
  return { healthyMs, serverPid: serverIn(child.pid!) }
}

/** The server's own process among the launched one's descendants (under `npm start`: npm → turbo → node). */
function serverIn(root: number): number {
  const parents = new Map<number, number>()
  const scripts = new Map<number, string>()
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
      const [program, script] = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
      if (program!.endsWith('node') && script === 'dist/main.js') scripts.set(Number(entry), script)
    } catch {
      // The process ended while being read.
    }
  }
  const descends = (pid: number): boolean => pid === root || (pid > 1 && descends(parents.get(pid) ?? 0))
  return [...scripts.keys()].find(descends) ?? root
}

async function measure(child: ChildProcess) {
  try {
    const { healthyMs, serverPid } = await timeToHealthy(child)
    await sleep(1000)
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serverPid}/status`, 'utf8'))?.[1])
    return { healthyMs, rssMb: rssKb / 1024 }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(-child.pid!, 'SIGTERM')
    await exited
  }
}

const node = (dataDir: string) => launch(process.execPath, [path.join('dist', 'main.js')], serverDir, dataDir)
const dataDir = await mkdtemp(path.join(tmpdir(), 'mejabantu-bench-'))
const npmDataDir = await mkdtemp(path.join(tmpdir(), 'mejabantu-bench-npm-'))
try {
  const first = await measure(node(dataDir))
  const again = await measure(node(dataDir))
  const npmStart = await measure(launch('npm', ['start'], repositoryRoot, npmDataDir))
  const row = (figures: { healthyMs: number; rssMb: number }) => ({
    'to healthy (ms)': Math.round(figures.healthyMs),
    'idle RSS (MB)': figures.rssMb.toFixed(1),
  })
  console.table({
    'node dist/main.js, first start (empty .data)': row(first),
    'node dist/main.js, later start': row(again),
    'npm start from the root, first start': row(npmStart),
  })
} finally {
  await rm(dataDir, { recursive: true, force: true })
  await rm(npmDataDir, { recursive: true, force: true })
}
