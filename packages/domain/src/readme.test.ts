import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The README's examples are the developer documentation; running them keeps them true.
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const examples = [...readme.matchAll(/^## (.+)$[\s\S]*?^```ts\n([\s\S]*?)^```$/gm)].map((m) => ({
  title: m[1]!,
  code: m[2]!,
}))
const dir = join(root, '.examples')

describe('README examples', () => {
  it('has an example for adding a topic, a catalog version and a channel', () => {
    expect(examples.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        'Add a topic',
        'Add a requirement catalog version',
        'Add a consultation channel',
      ]),
    )
  })

  // The first example to run transforms the whole domain for its import: seconds on a busy machine.
  it.each(examples)('$title runs', { timeout: 30_000 }, async ({ title, code }) => {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const file = join(dir, `${title.replace(/\W+/g, '-')}.ts`)
    writeFileSync(file, code)
    await expect(import(/* @vite-ignore */ file)).resolves.toBeDefined()
  })
})
