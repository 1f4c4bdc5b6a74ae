import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Database } from '../src/client.ts'
import { applyMigrations } from '../src/migrations.ts'
import { migrationsDir } from '../src/paths.ts'

/** A copy of the migrations folder holding only the history up to `last`: a database as it was then. */
async function historyUpTo(last: string): Promise<{ dir: string; dispose(): Promise<void> }> {
  const work = await mkdtemp(path.join(tmpdir(), 'mejabantu-history-'))
  await cp(migrationsDir, work, {
    recursive: true,
    filter: (source) => {
      const folder = path.relative(migrationsDir, source).split(path.sep)[0]
      return !/^\d{14}_/.test(folder ?? '') || folder! <= last
    },
  })
  return { dir: work, dispose: () => rm(work, { recursive: true, force: true }) }
}

/** Applies the history up to and including `last`; returns the migrations this run applied. */
export async function migrateUpTo(db: Database, last: string): Promise<string[]> {
  const history = await historyUpTo(last)
  try {
    return await applyMigrations(db, { migrationsDir: history.dir })
  } finally {
    await history.dispose()
  }
}

/** The office and the staff account the migration tests' earlier rows belong to. */
export const OFFICE = '11111111-1111-4111-8111-111111111111'
export const USER = '22222222-2222-4222-8222-222222222222'

/** Inserts KPU Kabupaten Bantul and one petugas, as an earlier version of the schema holds them. */
export async function insertOfficeAndUser(db: Database) {
  await db.prisma.$executeRawUnsafe(`INSERT INTO "Office" ("id", "level", "regionCode", "name") VALUES
    ('${OFFICE}', 'KABKOTA', '34.02', 'KPU Kabupaten Bantul')`)
  await db.prisma
    .$executeRawUnsafe(`INSERT INTO "User" ("id", "officeId", "username", "displayName", "role", "passwordHash")
    VALUES ('${USER}', '${OFFICE}', 'petugas', 'Petugas', 'petugas', 'x')`)
}

/**
 * Reads rows with SQL. Migration tests never read through the generated client: it selects every column of
 * the newest schema, which a database stopped at an earlier migration does not have.
 */
export function rowsOf<Row = Record<string, unknown>>(db: Database, query: string): Promise<Row[]> {
  return db.prisma.$queryRawUnsafe<Row[]>(query)
}
