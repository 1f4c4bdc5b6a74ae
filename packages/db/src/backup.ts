// Backup and restore of either database: pg_dump's custom format for PostgreSQL, a tar.gz of the data
// folder for embedded PGlite. Nothing reaches a shell; the PostgreSQL password travels in PGPASSWORD, so it
// never shows in the process list.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { DatabaseKind, DatabaseOptions } from './client.ts'

const execFileAsync = promisify(execFile)
const gunzipAsync = promisify(gunzip)

export interface BackupSettings {
  /** Folder holding `pg_dump` and `pg_restore`, e.g. `/usr/lib/postgresql/16/bin`; default: the PATH. */
  pgBinDir?: string
}

export interface RestoreSettings extends BackupSettings {
  /** Replace a database that already holds data; without it such a restore is refused. */
  force?: boolean
}

export interface RestoreResult {
  kind: DatabaseKind
  /** PGlite with `force`: where the replaced data folder was moved, to delete once the restore is checked. */
  previousDataDir: string | null
}

/**
 * Writes a backup of the database to `file`: `pg_dump --format=custom` for PostgreSQL (the server may keep
 * running), a tar.gz of the data folder for PGlite (the server must be stopped: one process owns the
 * folder). The file appears only once complete.
 */
export async function backupDatabase(
  options: DatabaseOptions,
  file: string,
  settings: BackupSettings = {},
): Promise<DatabaseKind> {
  if ('url' in options) {
    await backupPostgres(options.url, file, settings)
    return 'postgresql'
  }
  await backupPglite(options.dataDir, file)
  return 'pglite'
}

/**
 * Restores a backup made by {@link backupDatabase} of the same kind. A database that already holds data
 * is replaced only with `force`. A file that is not a complete backup leaves the target as it was:
 * PostgreSQL restores in one transaction, PGlite restores into a new folder that replaces the old one
 * only once it opens.
 */
export async function restoreDatabase(
  options: DatabaseOptions,
  file: string,
  settings: RestoreSettings = {},
): Promise<RestoreResult> {
  const format = await backupFormat(file)
  if ('url' in options) {
    if (format !== 'pg_dump') throw new Error(wrongFormat(file, format, 'pg_dump'))
    await restorePostgres(options.url, file, settings)
    return { kind: 'postgresql', previousDataDir: null }
  }
  if (format !== 'pglite') throw new Error(wrongFormat(file, format, 'pglite'))
  const previousDataDir = await restorePglite(options.dataDir, file, settings.force ?? false)
  return { kind: 'pglite', previousDataDir }
}

type BackupFormat = 'pg_dump' | 'pglite' | 'unknown'

/** Tells the two kinds apart by their first bytes: "PGDMP" for pg_dump's custom format, gzip's magic. */
async function backupFormat(file: string): Promise<BackupFormat> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `Cannot read the backup ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    )
  })
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0)
    const head = buffer.subarray(0, bytesRead)
    if (head.toString('latin1') === 'PGDMP') return 'pg_dump'
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite'
    return 'unknown'
  } finally {
    await handle.close()
  }
}

function wrongFormat(file: string, found: BackupFormat, wanted: BackupFormat): string {
  if (found === 'pg_dump') {
    return `${file} is a PostgreSQL backup (pg_dump custom format): restore it with DATABASE_URL set.`
  }
  if (found === 'pglite') {
    return (
      `${file} is an embedded PGlite backup (tar.gz of the data folder): restore it with DATABASE_URL ` +
      `unset, into DATA_DIR.`
    )
  }
  const expected = wanted === 'pg_dump' ? 'a pg_dump custom-format archive' : 'a PGlite tar.gz'
  return `${file} is not a backup made by the backup command (expected ${expected}). Nothing was changed.`
}

// --- PostgreSQL -------------------------------------------------------------------------------------------

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

async function backupPostgres(url: string, file: string, settings: BackupSettings) {
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

async function restorePostgres(url: string, file: string, settings: RestoreSettings) {
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

// --- PGlite -----------------------------------------------------------------------------------------------

// PGlite writes PostgreSQL's lock file while a process has the folder open and removes it on close. It does
// not stop a second process from opening the folder, so the check is ours.
const LOCK_FILE = 'postmaster.pid'

async function backupPglite(dataDir: string, file: string) {
  const folder = folderOnDisk(dataDir)
  if (!existsSync(path.join(folder, 'PG_VERSION'))) {
    throw new Error(`There is no PGlite database in ${folder}: set DATA_DIR to the folder the server uses.`)
  }
  assertNotInUse(folder)
  const pglite = await PGlite.create(folder)
  try {
    // Writes everything to the data files, so the restored copy starts without replaying the log.
    await pglite.exec('CHECKPOINT')
    const tarball = await pglite.dumpDataDir('gzip')
    const bytes = new Uint8Array(await tarball.arrayBuffer())
    await writeThroughPartial(file, (partial) => writeFile(partial, bytes, { flag: 'wx' }))
  } finally {
    await pglite.close()
  }
}

/** Returns where the replaced folder was moved, or null when there was none. */
async function restorePglite(dataDir: string, file: string, force: boolean): Promise<string | null> {
  const target = folderOnDisk(dataDir)
  const existing = await readdir(target).catch(() => [])
  if (existing.length && !force) {
    throw new Error(
      `${target} is not empty: restoring would replace the database in it. Stop the server and run again ` +
        `with --force (the current folder is then kept beside it as ` +
        `${path.basename(target)}.before-restore-<time>).`,
    )
  }
  if (existing.length) assertNotInUse(target)

  await mkdir(path.dirname(target), { recursive: true })
  const staging = `${target}.restoring-${randomBytes(4).toString('hex')}`
  await nothingChangedOnFailure(file, async () => {
    try {
      // Unpacked here rather than by PGlite, whose own gunzip leaves a damaged file's error unhandled.
      const tar = new Blob([await gunzipAsync(await readFile(file))], { type: 'application/x-tar' })
      const pglite = await PGlite.create({ dataDir: staging, loadDataDir: tar })
      // Opening and closing once also removes the lock file the tarball carries from its own backup.
      await pglite.query('SELECT 1').finally(() => pglite.close())
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      throw error
    }
  })
  return swapIn(staging, target, existing.length > 0)
}

async function swapIn(staging: string, target: string, keepPrevious: boolean): Promise<string | null> {
  if (!keepPrevious) {
    await rm(target, { recursive: true, force: true })
    await rename(staging, target)
    return null
  }
  const previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
  await rename(target, previous)
  try {
    await rename(staging, target)
  } catch (error) {
    await rename(previous, target)
    throw error
  }
  return previous
}

function folderOnDisk(dataDir: string): string {
  if (dataDir.startsWith('memory://')) {
    throw new Error(
      'An in-memory database (memory://) lives only in its process: it cannot be backed up or restored.',
    )
  }
  return path.resolve(dataDir)
}

function assertNotInUse(folder: string) {
  if (!existsSync(path.join(folder, LOCK_FILE))) return
  throw new Error(
    `${folder} is in use (${LOCK_FILE} is present): stop the server first, one process owns the folder. ` +
      `If no server is running, the file was left by a crash: delete it and try again.`,
  )
}

// --- Both -------------------------------------------------------------------------------------------------

/** Both restores leave the target as it was when they fail; the message says so. */
async function nothingChangedOnFailure(file: string, restore: () => Promise<void>) {
  try {
    await restore()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(
      `${file} could not be restored (${reason}). Nothing was changed; ` +
        `check that the file is a complete backup.`,
      { cause: error },
    )
  }
}

// --- Files ------------------------------------------------------------------------------------------------

/** Writes through a temporary name beside `file`, so a failed backup never leaves a truncated file behind. */
async function writeThroughPartial(file: string, write: (partial: string) => Promise<unknown>) {
  const target = path.resolve(file)
  await mkdir(path.dirname(target), { recursive: true })
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`
  try {
    await write(partial)
    await rename(partial, target)
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}
