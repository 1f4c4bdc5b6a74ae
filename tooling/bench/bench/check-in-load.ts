// Kiosk check-in throughput and latency at 10, 100 and 500 connections, on PGlite and PostgreSQL, side by
// side with a bare Express endpoint doing one INSERT of the same body on the same database kind, and our
// server's memory at idle and under load. PostgreSQL rows need DATABASE_URL_TEST (a role that may create
// databases). BENCH_SECONDS sets the length of each run (10 by default).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { testTargets } from '@mejabantu/db/testing'
import { firstAdmin } from '@mejabantu/e2e'
import { pairFleet } from '../src/fleet.ts'
import { startBareServer } from '../src/load/bare-target.ts'
import { loadCheckIns, type LoadFigures } from '../src/load/check-in-load.ts'
import { memoryMb, sampleMemory } from '../src/load/process-memory.ts'
import { startTarget, targetKinds } from '../src/targets.ts'

const CONNECTIONS = [10, 100, 500]
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const KIOSKS = 20
// The per-kiosk allowance is a guard against one device flooding; here the load is the point.
const UNTHROTTLED = { KIOSK_CHECK_INS_PER_MINUTE: '100000000' }

interface Row extends LoadFigures {
  target: string
}

async function measureOurs(kind: 'pglite' | 'postgresql') {
  const target = await startTarget(kind, UNTHROTTLED)
  try {
    const admin = await firstAdmin(target.server)
    const { kiosks, consentVersion } = await pairFleet(target.server.url, admin.api, KIOSKS)
    const run = { url: target.server.url, tokens: kiosks.map((k) => k.token), consentVersion }
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const idleMb = memoryMb(target.server.pid, 'VmRSS')
    await loadCheckIns({ ...run, connections: 10, seconds: 2 }) // warm-up, not reported
    const memory = sampleMemory(target.server.pid)
    const rows: Row[] = []
    for (const connections of CONNECTIONS) {
      rows.push({
        target: `Meja Bantu, ${kind}`,
        ...(await loadCheckIns({ ...run, connections, seconds: SECONDS })),
      })
    }
    return { rows, idleMb, peakMb: memory.stop() }
  } finally {
    await target.dispose()
  }
}

async function measureBare(kind: 'pglite' | 'postgresql') {
  const fresh =
    kind === 'postgresql'
      ? await testTargets()
          .find((t) => t.kind === 'postgresql')!
          .create()
      : null
  const dataDir = fresh ? null : await mkdtemp(path.join(tmpdir(), 'mejabantu-bare-'))
  const database = fresh && 'url' in fresh.options ? fresh.options.url : dataDir!
  const bare = await startBareServer(database)
  try {
    const run = { url: bare.url, tokens: ['none'], consentVersion: 'none' }
    await loadCheckIns({ ...run, connections: 10, seconds: 2 })
    const rows: Row[] = []
    for (const connections of CONNECTIONS) {
      rows.push({
        target: `bare Express, ${kind}`,
        ...(await loadCheckIns({ ...run, connections, seconds: SECONDS })),
      })
    }
    return rows
  } finally {
    await bare.stop()
    await fresh?.dispose()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  }
}

const rows: Row[] = []
const memory: Record<string, { 'idle RSS (MB)': string; 'peak RSS under load (MB)': string }> = {}
const ratios: Record<string, Record<string, string>> = {}
for (const kind of targetKinds()) {
  const ours = await measureOurs(kind)
  const bare = await measureBare(kind)
  rows.push(...ours.rows, ...bare)
  memory[`Meja Bantu, ${kind}`] = {
    'idle RSS (MB)': ours.idleMb.toFixed(0),
    'peak RSS under load (MB)': ours.peakMb.toFixed(0),
  }
  ratios[kind] = Object.fromEntries(
    ours.rows.map((r, i) => [
      `${r.connections} connections`,
      `${((100 * r.requestsPerSecond) / bare[i]!.requestsPerSecond).toFixed(0)}%`,
    ]),
  )
}

console.log(`\nKiosk check-ins, ${SECONDS} s per run, one office, ${KIOSKS} kiosks`)
console.table(
  rows.map((r) => ({
    target: r.target,
    connections: r.connections,
    'check-ins/s': Math.round(r.requestsPerSecond),
    'p50 (ms)': r.p50Ms,
    'p99 (ms)': r.p99Ms,
    'non-2xx or errors': r.failures,
    total: r.total,
  })),
)
console.log('\nOur check-ins per second as a share of the bare INSERT on the same database')
console.table(ratios)
console.log('\nServer memory')
console.table(memory)
