// Migration commands that need no native engine:
//   deploy          apply pending migrations to DATABASE_URL, or to the embedded PGlite in DATA_DIR
//   create <name>   write a new migration with the schema changes since the last one
//   status          list applied and pending migrations
import process from 'node:process'
import { openDatabase } from './client.ts'
import { defaultDataDir } from './data-dir.ts'
import { applyMigrations, createMigration, migrationStatus } from './migrations.ts'

const [command, ...args] = process.argv.slice(2)
const say = (line: string) => process.stdout.write(`${line}\n`)

async function withTarget<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL
  const db = await openDatabase(url ? { url } : { dataDir: process.env.DATA_DIR ?? defaultDataDir() })
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
    default:
      say('Usage: cli.ts deploy | create <name> | status')
      return 2
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
