import type { Database } from '@mejabantu/db'

/** Everything a procedure may use; built once per request by the HTTP adapter. */
export interface Context {
  db: Database
  version: string
  ip: string | null
}

export interface ContextDeps {
  db: Database
  version: string
}

export function createContextFactory(deps: ContextDeps) {
  return ({ ip }: { ip: string | null }): Context => ({ ...deps, ip })
}
