// Backup and restore of either database: pg_dump's custom format for PostgreSQL, a tar.gz of the data
// folder for embedded PGlite.
import { open } from 'node:fs/promises'
import type { RestoreSettings, BackupSettings } from './backup-files.ts'
import { backupPglite, restorePglite } from './backup-pglite.ts'
import { backupPostgres, restorePostgres } from './backup-postgres.ts'
import type { DatabaseKind, DatabaseOptions } from './client.ts'

export type { BackupSettings, RestoreSettings } from './backup-files.ts'

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
