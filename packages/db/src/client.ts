import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from './generated/prisma/client.ts'
import { IntrospectionPool, listenOnPostgres, MigrationPg } from './postgres-pool.ts'

export type DatabaseKind = 'pglite' | 'postgresql'

export interface Database {
  kind: DatabaseKind
  prisma: PrismaClient
  /** A connection for the schema engine (migrations, diffs); close it when done. */
  openMigrationAdapter(): Promise<MigrationAdapter>
  /**
   * Calls `onPayload` for every NOTIFY on `channel` (from any process on PostgreSQL) until the returned
   * function stops listening. PostgreSQL holds one connection of its own for it.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

export interface MigrationAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory
  close(): Promise<void>
}

export type DatabaseOptions =
  /** PostgreSQL, e.g. `postgresql://user:pass@host:5432/mejabantu`. */
  | { url: string }
  /** Embedded PGlite in a directory, or in memory with `memory://`. */
  | { dataDir: string }

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite. Nothing else opens connections. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) return openPostgres(options.url)
  return openPglite(options.dataDir)
}

function openPostgres(url: string): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
  return {
    kind: 'postgresql',
    prisma,
    openMigrationAdapter: async () => {
      const pool = new IntrospectionPool({ connectionString: url, max: 1 })
      return { factory: new MigrationPg(pool), close: () => pool.end() }
    },
    listen: (channel, onPayload) => listenOnPostgres(url, channel, onPayload),
    close: () => prisma.$disconnect(),
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true })
  const pglite = await PGlite.create(dataDir)
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
  return {
    kind: 'pglite',
    prisma,
    // PGlite is a single connection: the engine shares it, and closing stays with `close`.
    openMigrationAdapter: async () => ({ factory: new PrismaPGlite(pglite), close: async () => {} }),
    listen: async (channel, onPayload) => {
      const stop = await pglite.listen(channel, onPayload)
      return () => stop()
    },
    close: async () => {
      await prisma.$disconnect()
      await pglite.close()
    },
  }
}
