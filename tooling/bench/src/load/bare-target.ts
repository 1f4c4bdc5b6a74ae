import { spawn } from 'node:child_process'
import path from 'node:path'

/** The bare Express endpoint running as a process of its own on a PostgreSQL URL or a PGlite folder. */
export async function startBareServer(database: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  // From this package's folder, where `--import tsx` resolves to its tsx.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/load/bare-server.ts', database], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const match = /serving on (http:\/\/[\d.]+:\d+)/.exec(output)
      if (match || child.exitCode !== null) {
        clearInterval(poll)
        if (match) resolve(match[1]!)
        else reject(new Error(`bare server exited:\n${output}`))
      }
    }, 50)
  })
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}
