// PostgreSQL backups are pg_dump's custom format. Nothing reaches a shell; the password travels in
// PGPASSWORD, so it never shows in the process list.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import {
  nothingChangedOnFailure,
  writeThroughPartial,
  type BackupSettings,
  type RestoreSettings,
} from './backup-files.ts'

const execFileAsync = promisify(execFile)

// Query parameters Prisma understands and libpq rejects ("invalid URI query parameter").
const PRISMA_ONLY_PARAMS = [
  'schema',
  'connection_limit',
  'pool_timeout',
  'pgbouncer',
  'statement_cache_size',
  'socket_timeout',
]

const DUMP_FLAGS = ['--format=custom', '--no-owner', '--no-privileges']
const RESTORE_FLAGS = [
  '--clean',
  '--if-exists',
  '--no-owner',
  '--no-privileges',
  '--exit-on-error',
  '--single-transaction',
]

export async function backupPostgres(url: string, file: string, settings: BackupSettings) {
  const server = await inspectServer(url)
  const dumpMajor = await toolMajorVersion('pg_dump', settings)
  if (dumpMajor < server.major) {
    throw new Error(
      `pg_dump ${dumpMajor} is older than the PostgreSQL ${server.major} server and cannot dump it: ` +
        `install the PostgreSQL ${server.major} client tools (Debian: postgresql-client-${server.major}) ` +
        `or set PG_BIN_DIR to their folder.`,
    )
  }
  await writeThroughPartial(file, (partial) =>
    runPgTool('pg_dump', [...DUMP_FLAGS, `--file=${partial}`], url, settings),
  )
}

export async function restorePostgres(url: string, file: string, settings: RestoreSettings) {
  await toolMajorVersion('pg_restore', settings)
  const server = await inspectServer(url)
  if (server.tables > 0 && !settings.force) {
    throw new Error(
      `The database already has ${server.tables} tables: restoring would replace its data. Stop the ` +
        `server, take a backup of it if in doubt, and run again with --force.`,
    )
  }
  await nothingChangedOnFailure(file, async () => {
    // Reads the archive's table of contents first: a damaged header is reported before anything changes.
    await runPgTool('pg_restore', ['--list', file], null, settings)
    // One transaction: a restore that fails halfway rolls back and leaves the database as it was.
    await runPgTool('pg_restore', [...RESTORE_FLAGS, file], url, settings)
  })
}

async function inspectServer(url: string): Promise<{ major: number; tables: number }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ version: string; tables: string }>(`
      SELECT current_setting('server_version_num') AS version,
             (SELECT count(*) FROM pg_class
               WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')) AS tables`)
    return { major: Math.floor(Number(rows[0]!.version) / 10_000), tables: Number(rows[0]!.tables) }
  } finally {
    await client.end()
  }
}

async function toolMajorVersion(tool: string, settings: BackupSettings): Promise<number> {
  const output = await runPgTool(tool, ['--version'], null, settings)
  // "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
  const major = /\)\s+(\d+)/.exec(output)?.[1]
  if (!major) throw new Error(`Cannot read the version of ${tool} from "${output.trim()}".`)
  return Number(major)
}

/** Runs a PostgreSQL client tool, connected to `url` when given; its stderr becomes the error message. */
async function runPgTool(
  tool: string,
  args: string[],
  url: string | null,
  settings: BackupSettings,
): Promise<string> {
  const command = settings.pgBinDir ? path.join(settings.pgBinDir, tool) : tool
  const connection = url ? libpqConnection(url) : null
  const env = { ...process.env, ...(connection?.password && { PGPASSWORD: connection.password }) }
  const dbname = connection ? [`--dbname=${connection.dbname}`] : []
  try {
    const { stdout } = await execFileAsync(command, [...args, ...dbname], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    })
    return stdout
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string }
    if (failure.code === 'ENOENT') {
      throw new Error(
        `${tool} was not found${settings.pgBinDir ? ` in ${settings.pgBinDir}` : ''}: install the ` +
          `PostgreSQL client tools (Debian: apt-get install postgresql-client) or set PG_BIN_DIR to ` +
          `their folder.`,
        { cause: error },
      )
    }
    throw new Error(`${tool} failed: ${failure.stderr?.trim() || failure.message}`, { cause: error })
  }
}

/** The URL without its password (which goes in PGPASSWORD) and without parameters only Prisma reads. */
function libpqConnection(url: string): { dbname: string; password: string } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  for (const name of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(name)
  return { dbname: parsed.toString(), password }
}
