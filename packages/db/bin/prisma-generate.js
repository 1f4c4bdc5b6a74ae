// Runs `prisma generate` without the native schema engine: the `prisma-client` generator only needs the
// WASM formatter bundled in the CLI, but the CLI looks for an engine binary first. Pointing it at a stub
// that explains the situation skips the download. An engine already configured by the user wins.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const stub = fileURLToPath(new URL('./schema-engine-unavailable', import.meta.url))
const env = { PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1', ...process.env }
const result = spawnSync('prisma', ['generate'], {
  stdio: 'inherit',
  env,
  shell: process.platform === 'win32',
})
process.exit(result.status ?? 1)
