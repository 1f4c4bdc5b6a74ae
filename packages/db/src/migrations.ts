import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { MigrationList } from '@prisma/schema-engine-wasm'
import type { Database } from './client.ts'
import { openDatabase } from './client.ts'
import { migrationsDir as defaultMigrationsDir, schemaPath as defaultSchemaPath } from './paths.ts'
import { withSchemaEngine } from './schema-engine.ts'

const LOCKFILE = 'migration_lock.toml'
const MIGRATION_FILE = 'migration.sql'
const noFilters = { externalTables: [], externalEnums: [] }

export interface MigrationSource {
  schemaPath?: string
  migrationsDir?: string
}

/** Reads the migrations folder in Prisma's standard format (`<timestamp>_<name>/migration.sql`). */
export async function readMigrationList(migrationsDir = defaultMigrationsDir): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => [])
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: MIGRATION_FILE,
        content: await readFile(path.join(migrationsDir, name, MIGRATION_FILE), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        ),
      },
    })),
  )
  const lockfile = await readFile(path.join(migrationsDir, LOCKFILE), 'utf8').catch(() => null)
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories,
  }
}

/** Applies pending migrations (what `prisma migrate deploy` does); returns the names applied now. */
export async function applyMigrations(db: Database, source: MigrationSource = {}): Promise<string[]> {
  const [schema, migrationsList] = await Promise.all([
    readFile(source.schemaPath ?? defaultSchemaPath, 'utf8'),
    readMigrationList(source.migrationsDir),
  ])
  const { appliedMigrationNames } = await withSchemaEngine(db, schema, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  )
  return appliedMigrationNames
}

export interface MigrationStatus {
  applied: string[]
  pending: string[]
  /** Name of the newest applied migration: the database's migration level. */
  latest: string | null
}

/** Compares Prisma's `_prisma_migrations` bookkeeping table with the migrations folder. */
export async function migrationStatus(
  db: Database,
  migrationsDir = defaultMigrationsDir,
): Promise<MigrationStatus> {
  const [{ exists }] = await db.prisma.$queryRaw<[{ exists: boolean }]>`
    SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`
  const rows = exists
    ? await db.prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`
    : []
  const applied = rows.map((r) => r.migration_name)
  const { migrationDirectories } = await readMigrationList(migrationsDir)
  const pending = migrationDirectories.map((d) => d.path).filter((name) => !applied.includes(name))
  return { applied, pending, latest: applied.at(-1) ?? null }
}

/**
 * SQL that takes the migration history to the current schema, or '' when they agree. The history is
 * replayed on a throwaway in-memory PGlite, so no shadow database has to be configured.
 */
export async function diffHistoryToSchema(source: MigrationSource = {}): Promise<string> {
  const [schema, migrationsList] = await Promise.all([
    readFile(source.schemaPath ?? defaultSchemaPath, 'utf8'),
    readMigrationList(source.migrationsDir),
  ])
  const scratch = await openDatabase({ dataDir: 'memory://' })
  try {
    return await withSchemaEngine(scratch, schema, async (engine) => {
      await engine.applyMigrations({ migrationsList, filters: noFilters })
      const result = await engine.diff({
        from: {
          tag: 'schemaDatasource',
          files: [{ path: 'schema.prisma', content: schema }],
          configDir: '.',
        },
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
        script: true,
        exitCode: null,
        filters: noFilters,
      })
      return emptyDiff(result.stdout) ? '' : (result.stdout ?? '')
    })
  } finally {
    await scratch.close()
  }
}

/** SQL that takes a live database to the current schema, or '' when it matches. */
export async function diffDatabaseToSchema(db: Database, source: MigrationSource = {}): Promise<string> {
  const schema = await readFile(source.schemaPath ?? defaultSchemaPath, 'utf8')
  return withSchemaEngine(db, schema, async (engine) => {
    const files = [{ path: 'schema.prisma', content: schema }]
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: '.' },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: noFilters,
    })
    return emptyDiff(result.stdout) ? '' : (result.stdout ?? '')
  })
}

function emptyDiff(sql: string | null): boolean {
  const text = (sql ?? '').trim()
  return text === '' || text === '-- This is an empty migration.'
}

/**
 * Writes `<UTC timestamp>_<name>/migration.sql` with the changes since the last migration, like
 * `prisma migrate dev --create-only`. Returns the folder name, or null when the schema has not changed.
 */
export async function createMigration(
  name: string,
  source: MigrationSource = {},
  now = new Date(),
): Promise<string | null> {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
  if (!slug) throw new Error('A migration needs a name, e.g. `npm run db:migration -- add_visits`.')
  const sql = await diffHistoryToSchema(source)
  if (!sql) return null
  const dir = source.migrationsDir ?? defaultMigrationsDir
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14)
  const folder = `${stamp}_${slug}`
  await mkdir(path.join(dir, folder), { recursive: true })
  await writeFile(path.join(dir, folder, MIGRATION_FILE), sql)
  await writeFile(path.join(dir, LOCKFILE), lockfileText, { flag: 'wx' }).catch(() => {})
  return folder
}

const lockfileText = `# Please do not edit this file manually
# It should be added in your version-control system (e.g., Git)
provider = "postgresql"
`
