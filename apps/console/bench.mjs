// How fast the dashboard is usable: starts the built server on an empty database, signs in through the
// console, then times navigations to the dashboard until its figures and chart are on screen.
// Run `npm run build` first (server and console). Prints the cold (first) and warm figures in ms.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
const serverDir = path.resolve(here, '..', 'server')
const runs = Number(process.env.BENCH_RUNS ?? 7)
const password = 'Bench-kantor-2024'

const dataDir = await mkdtemp(path.join(tmpdir(), 'mejabantu-bench-'))
const server = spawn(process.execPath, [path.join(serverDir, 'dist', 'main.js')], {
  cwd: serverDir,
  env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'pipe'],
})
let output = ''
server.stdout.on('data', (chunk) => (output += chunk))
server.stderr.on('data', (chunk) => (output += chunk))

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
try {
  const url = await waitFor(() => output.match(/serving on (http:\/\/[\d.]+:\d+)/)?.[1])
  const [, username, oneTime] = output.match(/username: (\S+)\s+one-time password: (\S+)/)
  await replaceOneTimePassword(url, username, oneTime)

  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
  await page.goto(`${url}/console/login`)
  await page.getByLabel('Nama pengguna').fill(username)
  await page.getByLabel('Kata sandi', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.getByTestId('dashboard').waitFor()

  // Data visible: the figures and the open consultations by status. The chart (ECharts, loaded after the
  // figures) is timed separately.
  const data = []
  const chart = []
  for (let i = 0; i < runs; i++) {
    await page.goto('about:blank')
    const started = performance.now()
    await page.goto(`${url}/console/`)
    await page.locator('[data-testid=stat-waiting]', { hasText: /\d/ }).waitFor()
    await page.locator('[data-testid=status-selesai]', { hasText: /\d/ }).waitFor()
    data.push(Math.round(performance.now() - started))
    await page.locator('[data-testid=channel-chart] canvas').waitFor()
    chart.push(Math.round(performance.now() - started))
  }
  console.log(`dashboard data visible: ${summary(data)}`)
  console.log(`chart drawn:            ${summary(chart)}`)
} finally {
  await browser.close()
  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))
  await rm(dataDir, { recursive: true, force: true })
}

/** The first (cold) navigation, then the median and worst of the others, in ms. */
function summary(timings) {
  const warm = timings.slice(1).sort((a, b) => a - b)
  return `first ${timings[0]} ms, then median ${warm[warm.length >> 1]} ms, max ${warm.at(-1)} ms (${timings.length} runs)`
}

async function waitFor(read, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value) return value
    if (server.exitCode !== null || Date.now() > until) throw new Error(`server did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The first admin must change the printed one-time password before the console opens. */
async function replaceOneTimePassword(url, username, oneTime) {
  const call = async (procedure, input, headers = {}) => {
    const res = await fetch(`${url}/trpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, ...headers },
      body: JSON.stringify({ json: input }),
    })
    if (!res.ok) throw new Error(`${procedure}: ${res.status} ${await res.text()}`)
    return { body: await res.json(), cookie: res.headers.getSetCookie()[0]?.split(';')[0] }
  }
  const login = await call('auth.login', { username, password: oneTime })
  const headers = { cookie: login.cookie, 'x-csrf-token': login.body.result.data.json.csrfToken }
  await call('auth.changePassword', { currentPassword: oneTime, newPassword: password }, headers)
}
