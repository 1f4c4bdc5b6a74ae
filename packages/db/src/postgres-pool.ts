import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'

const PG_CHAR_OID = 18
const PG_TEXT_OID = 25

/**
 * A pool for the schema engine. Its introspection selects catalog columns of PostgreSQL's one-byte
 * `"char"` type, which @prisma/adapter-pg does not map; they arrive as one-letter strings, so reporting
 * them as text lets the engine read them.
 */
export class IntrospectionPool extends pg.Pool {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args)
    if (result instanceof Promise) {
      return result.then((res: pg.QueryResult) => {
        for (const field of res.fields ?? []) {
          if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID
        }
        return res
      }) as never
    }
    return result as never
  }
}

/**
 * adapter-pg runs a migration script by splitting it on every `;`, which breaks function bodies such as
 * the full-text search trigger. PostgreSQL's simple query protocol runs a whole multi-statement script in
 * one round trip, so the migration connection sends it unsplit.
 */
export class MigrationPg extends PrismaPg {
  constructor(private readonly pool: pg.Pool) {
    super(pool)
  }

  override async connect() {
    const adapter = await super.connect()
    adapter.executeScript = async (script: string) => {
      try {
        await this.pool.query(script)
      } catch (error) {
        // The adapter's own mapping turns a pg error into the DriverAdapterError the engine expects.
        ;(adapter as unknown as { onError(e: unknown): never }).onError(error)
      }
    }
    return adapter
  }
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries). Should the
 * connection drop, the listener is gone: callers treat notifications as a hint, never as the record.
 */
export async function listenOnPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url })
  // A dropped connection must not crash the process; the in-process bus still serves this server.
  client.on('error', () => {})
  await client.connect()
  client.on('notification', (message) => {
    if (message.channel === channel) onPayload(message.payload ?? '')
  })
  await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
  return async () => {
    await client.end().catch(() => {})
  }
}
