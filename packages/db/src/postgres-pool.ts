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
