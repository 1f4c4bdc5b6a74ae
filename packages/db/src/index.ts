import type { Database } from './client.ts'
import type { Prisma } from './generated/prisma/client.ts'

export { openDatabase, type Database, type DatabaseKind, type DatabaseOptions } from './client.ts'
export { defaultDataDir } from './data-dir.ts'
export {
  applyMigrations,
  createMigration,
  diffDatabaseToSchema,
  diffHistoryToSchema,
  migrationStatus,
  type MigrationStatus,
} from './migrations.ts'
export type { Prisma, PrismaClient } from './generated/prisma/client.ts'

/** The client inside `prisma.$transaction(async (tx) => …)`: services take it to join one transaction. */
export type Transaction = Prisma.TransactionClient
/** Reads and writes that work alike on the client and inside a transaction. */
export type Queryable = Database['prisma'] | Transaction
