import { spawn } from 'node:child_process'
import path from 'node:path'
import { endProcess, waitForUrl } from '@mejabantu/e2e'

/** The bare Express endpoint running as a process of its own on a PostgreSQL URL or a PGlite folder. */
export async function startBareServer(
  database: string,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  // From this package's folder, where `--import tsx` resolves to its tsx.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/load/bare-server.ts', database], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  const url = await waitForUrl(child, () => output)
  return {
    url,
    pid: child.pid!,
    stop: () => endProcess(child, 'SIGTERM'),
  }
}
