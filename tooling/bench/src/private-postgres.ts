import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * A PostgreSQL cluster of its own (Debian's postgresql-common tools, as root), which a scenario may stop
 * and start without disturbing the databases other tests use.
 */
export interface PrivatePostgres {
  /** A database of the cluster owned by a password role, for the server under test. */
  url: string
  stop(): Promise<void>
  start(): Promise<void>
  drop(): Promise<void>
}

/** Why a private cluster cannot be made on this machine, or null when it can. */
export function privatePostgresUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'needs root to create a PostgreSQL cluster'
  if (!existsSync('/usr/bin/pg_createcluster')) return 'needs postgresql-common (apt-get install postgresql)'
  return null
}

export async function createPrivatePostgres(name: string, port: number): Promise<PrivatePostgres> {
  const { stdout } = await run('pg_lsclusters', ['--no-header'])
  const version = stdout.trim().split(/\s+/)[0]!
  // A cluster left by an interrupted run goes first.
  await run('pg_dropcluster', ['--stop', version, name]).catch(() => {})
  await run('pg_createcluster', ['-p', String(port), '--start', version, name])
  const psql = (sql: string) =>
    run('su', ['postgres', '-c', `psql -q -p ${port} -v ON_ERROR_STOP=1 -c "${sql}"`])
  await psql(`CREATE ROLE mejabantu LOGIN PASSWORD 'mejabantu'`)
  await psql('CREATE DATABASE mejabantu OWNER mejabantu')
  const ctl = (action: string, ...options: string[]) =>
    run('pg_ctlcluster', [...options, version, name, action])
  return {
    url: `postgresql://mejabantu:mejabantu@127.0.0.1:${port}/mejabantu`,
    stop: async () => void (await ctl('stop', '--mode', 'fast')),
    start: async () => void (await ctl('start')),
    drop: async () => void (await run('pg_dropcluster', ['--stop', version, name])),
  }
}
