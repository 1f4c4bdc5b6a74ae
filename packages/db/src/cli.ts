// Database commands; the migration ones need no native engine:
//   deploy                    apply pending migrations to DATABASE_URL, or to the PGlite in DATA_DIR
//   create <name>             write a new migration with the schema changes since the last one
//   status                    list applied and pending migrations
//   backup <file>             write a backup of the same target (docs/BACKUP.md)
//   restore <file> [--force]  restore a backup into it; --force replaces a database that holds data
import path from 'node:path'
import process from 'node:process'
import { backupDatabase, restoreDatabase } from './backup.ts'
import { openDatabase, type DatabaseOptions } from './client.ts'
import { defaultDataDir } from './data-dir.ts'
import { applyMigrations, createMigration, migrationStatus } from './migrations.ts'

const [command, ...args] = process.argv.slice(2)
const say = (line: string) => process.stdout.write(`${line}\n`)

function targetOptions(): DatabaseOptions {
  const url = process.env.DATABASE_URL
  return url ? { url } : { dataDir: process.env.DATA_DIR ?? defaultDataDir() }
}

// npm runs workspace scripts inside the package: a file named on the command line is relative to
// where it was typed.
const fromInvocation = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file)
const pgSettings = () => (process.env.PG_BIN_DIR ? { pgBinDir: process.env.PG_BIN_DIR } : {})

async function withTarget<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(targetOptions())
  try {
    return await work(db)
  } finally {
    await db.close()
  }
}

async function main(): Promise<number> {
  switch (command) {
    case 'deploy': {
      const applied = await withTarget((db) => applyMigrations(db))
      say(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.')
      return 0
    }
    case 'create': {
      const folder = await createMigration(args.join('_'))
      say(
        folder
          ? `Created prisma/migrations/${folder}/migration.sql`
          : 'Schema unchanged: no migration created.',
      )
      return 0
    }
    case 'status': {
      const status = await withTarget((db) => migrationStatus(db))
      say(`Applied (${status.applied.length}): ${status.applied.join(', ') || '-'}`)
      say(`Pending (${status.pending.length}): ${status.pending.join(', ') || '-'}`)
      return status.pending.length ? 1 : 0
    }
    case 'backup': {
      if (args.length !== 1) return usage()
      const file = fromInvocation(args[0]!)
      const kind = await backupDatabase(targetOptions(), file, pgSettings())
      say(`Backed up the ${kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'} database to ${file}`)
      return 0
    }
    case 'restore': {
      const files = args.filter((a) => a !== '--force')
      if (files.length !== 1) return usage()
      const file = fromInvocation(files[0]!)
      const force = args.includes('--force')
      const result = await restoreDatabase(targetOptions(), file, { force, ...pgSettings() })
      say(
        `Restored ${file} into the ${result.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'} database.`,
      )
      if (result.previousDataDir) say(`The replaced data folder is kept at ${result.previousDataDir}`)
      return 0
    }
    default:
      return usage()
  }
}

function usage(): number {
  say('Usage: cli.ts deploy | create <name> | status | backup <file> | restore <file> [--force]')
  return 2
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
