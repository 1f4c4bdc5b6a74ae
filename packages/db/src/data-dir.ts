import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * `./.data` of the checkout: the nearest folder upwards whose package.json declares workspaces, so
 * `npm start`, the server and the migration commands agree whichever package they run from.
 */
export function defaultDataDir(from = process.cwd()): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) {
      return path.join(dir, '.data', 'pglite')
    }
    if (path.dirname(dir) === dir) return path.resolve(from, '.data', 'pglite')
  }
}
