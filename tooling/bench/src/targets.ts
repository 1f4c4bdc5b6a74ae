import { openDatabase, type Database, type DatabaseKind } from '@mejabantu/db'
import { testTargets } from '@mejabantu/db/testing'
import { startBuiltServer, type ServerUnderTest } from '@mejabantu/e2e'

/** A built server on one kind of database, restartable on the same data and address. */
export interface ServerTarget {
  kind: DatabaseKind
  server: ServerUnderTest
  /** The PostgreSQL URL of this target's own database, or null on PGlite. */
  databaseUrl: string | null
  /** Starts the server again on the same database and port (after `stop({ keepData })` or `crash()`). */
  restart(): Promise<ServerUnderTest>
  /** Opens the database directly; on PGlite only once the server has stopped (one process owns it). */
  openDatabase(): Promise<Database>
  dispose(): Promise<void>
}

/** Every database the resilience scenarios run on: PGlite, and PostgreSQL when DATABASE_URL_TEST is set. */
export const targetKinds = (): DatabaseKind[] => testTargets().map((t) => t.kind)

export async function startTarget(
  kind: DatabaseKind,
  env: Record<string, string> = {},
): Promise<ServerTarget> {
  const target = testTargets().find((t) => t.kind === kind)!
  const fresh = kind === 'postgresql' ? await target.create() : null
  const databaseUrl = fresh && 'url' in fresh.options ? fresh.options.url : null
  const serverEnv = { ...env, ...(databaseUrl && { DATABASE_URL: databaseUrl }) }
  const state: ServerTarget = {
    kind,
    databaseUrl,
    server: await startBuiltServer(serverEnv),
    async restart() {
      const { dataDir, port } = state.server
      state.server = await startBuiltServer(serverEnv, { dataDir, port })
      return state.server
    },
    openDatabase: () => openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: state.server.dataDir }),
    async dispose() {
      await state.server.stop()
      await fresh?.dispose()
    },
  }
  return state
}
