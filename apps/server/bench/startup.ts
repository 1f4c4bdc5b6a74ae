// Startup figures: time from process start to the first healthy /health on an empty data folder (first
// start: migrations and seeding) and on the same folder again (every later start), and memory at idle.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

const entry = path.resolve(import.meta.dirname, '..', 'dist', 'main.js')

async function start(dataDir: string) {
  const began = performance.now()
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  let url: string | undefined
  while (!url) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`)
    url = output.match(/serving on (http:\/\/[\d.]+:\d+)/)?.[1]
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  while ((await fetch(`${url}/health`).catch(() => null))?.status !== 200) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const healthyMs = performance.now() - began
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const rssKb = Number(
    (await import('node:fs')).readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1],
  )
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
  return { healthyMs, rssMb: rssKb / 1024 }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'mejabantu-bench-'))
try {
  const first = await start(dataDir)
  const again = await start(dataDir)
  console.table({
    'first start (empty .data)': {
      'to healthy (ms)': Math.round(first.healthyMs),
      'idle RSS (MB)': first.rssMb.toFixed(1),
    },
    'later start': {
      'to healthy (ms)': Math.round(again.healthyMs),
      'idle RSS (MB)': again.rssMb.toFixed(1),
    },
  })
} finally {
  await rm(dataDir, { recursive: true, force: true })
}
