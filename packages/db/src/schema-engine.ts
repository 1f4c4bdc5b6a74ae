import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import type { SchemaEngine } from '@prisma/schema-engine-wasm'
import type * as SchemaEngineBindings from '@prisma/schema-engine-wasm/schema_engine_bg'
import type { Database } from './client.ts'

type Bindings = typeof SchemaEngineBindings

let bindings: Promise<Bindings> | undefined

// Node's global WebAssembly; its types live in the DOM lib, which Node packages do not load.
const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly
interface WebAssemblyApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }>
}

/**
 * Prisma's schema engine compiled to WebAssembly: the same migration logic as the native CLI, driven
 * through a driver adapter, so nothing is downloaded. The package's entry imports the .wasm file as an ES
 * module, which Node does not support, so the module is instantiated here by hand, once per process.
 */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg')
    const wasmPath = createRequire(import.meta.url)
      .resolve('@prisma/schema-engine-wasm/schema_engine_bg')
      .replace(/\.js$/, '.wasm')
    const { instance } = await webAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bg,
    })
    const exports = instance.exports as { __wbindgen_start(): void }
    bg.__wbg_set_wasm(exports)
    exports.__wbindgen_start()
    return bg
  })()
  return bindings
}

export type EngineLog = (line: string) => void

/** Runs `work` with an engine bound to `db`, then frees the engine and its connection. */
export async function withSchemaEngine<T>(
  db: Pick<Database, 'openMigrationAdapter'>,
  schema: string,
  work: (engine: SchemaEngine) => Promise<T>,
  log: EngineLog = () => {},
): Promise<T> {
  const [{ SchemaEngine }, adapter] = await Promise.all([loadBindings(), db.openMigrationAdapter()])
  try {
    const engine = await SchemaEngine.new(
      { datamodels: [['schema.prisma', schema]] },
      log,
      bindMigrationAwareSqlAdapterFactory(adapter.factory),
    )
    try {
      return await work(engine)
    } finally {
      engine.free()
    }
  } finally {
    await adapter.close()
  }
}
