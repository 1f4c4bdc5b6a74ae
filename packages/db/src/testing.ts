import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase, type Database, type DatabaseKind, type DatabaseOptions } from './client.ts'

export interface TestTarget {
  kind: DatabaseKind
  /** A new, empty database: in-memory PGlite, or a fresh PostgreSQL database dropped on `dispose`. */
  create(): Promise<{ options: DatabaseOptions; dispose(): Promise<void> }>
}

/**
 * Where integration tests run: always embedded PGlite, and PostgreSQL too when DATABASE_URL_TEST points at
 * a server whose role may create databases (CI sets it).
 */
export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [
    { kind: 'pglite', create: async () => ({ options: { dataDir: 'memory://' }, dispose: async () => {} }) },
  ]
  const adminUrl = process.env.DATABASE_URL_TEST
  if (adminUrl) targets.push({ kind: 'postgresql', create: () => freshPostgresDatabase(adminUrl) })
  return targets
}

async function freshPostgresDatabase(adminUrl: string) {
  const name = `mejabantu_test_${randomBytes(6).toString('hex')}`
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    options: { url: url.toString() },
    dispose: () => dropDatabase(adminUrl, name),
  }
}

// An autovacuum worker may be visiting the new database: it runs as the bootstrap superuser, which a test
// role may not terminate (42501), so the drop waits for it to move on, and at worst leaves the database.
async function dropDatabase(adminUrl: string, name: string, attempts = 40) {
  for (let attempt = 1; ; attempt++) {
    try {
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
      return
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error
      if (attempt === attempts) return
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Opens a fresh database of the target and returns it with a disposer that closes and drops it. */
export async function openTestDatabase(target: TestTarget): Promise<Database & { dispose(): Promise<void> }> {
  const fresh = await target.create()
  const db = await openDatabase(fresh.options)
  return {
    ...db,
    dispose: async () => {
      await db.close()
      await fresh.dispose()
    },
  }
}
