import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { procedureDocs, withProcedureDocs } from '../src/procedure-docs.ts'
import { appRouter } from '../src/root.ts'

/** The README as it should read: its procedure table generated from the router, formatted. */
export async function expectedReadme(): Promise<{ path: string; current: string; expected: string }> {
  const path = fileURLToPath(new URL('../README.md', import.meta.url))
  const current = readFileSync(path, 'utf8')
  const options = { ...(await resolveConfig(path)), filepath: path }
  const expected = await format(withProcedureDocs(current, procedureDocs(appRouter)), options)
  return { path, current, expected }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { path, expected } = await expectedReadme()
  writeFileSync(path, expected)
}
