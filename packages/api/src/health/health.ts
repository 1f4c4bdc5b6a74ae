import { migrationStatus, type Database } from '@mejabantu/db'
import type { Health } from '@mejabantu/domain'

/** Database reachability and migration level; `degraded` whenever either is not as it should be. */
export async function readHealth(db: Database, version: string, now = new Date()): Promise<Health> {
  const database: Health['database'] = {
    kind: db.kind,
    reachable: false,
    migration: null,
    pendingMigrations: 0,
  }
  try {
    const status = await migrationStatus(db)
    database.reachable = true
    database.migration = status.latest
    database.pendingMigrations = status.pending.length
  } catch {
    database.reachable = false
  }
  const ok = database.reachable && database.pendingMigrations === 0
  return { status: ok ? 'ok' : 'degraded', version, database, time: now.toISOString() }
}
