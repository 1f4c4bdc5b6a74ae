import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

const WORKER = 'sw.js'

/**
 * Writes the build's file list into the service worker, so a newly installed kiosk holds every screen
 * (lazy steps included) before the network ever drops, and a new build changes the worker's bytes,
 * which is what makes the browser install it.
 */
export async function precacheIntoWorker(publicDir: string, baseURL: string): Promise<void> {
  const files = (await readdir(publicDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .filter((file) => file !== WORKER && !file.startsWith('builds/') && !file.endsWith('.html'))
    .sort()
  const urls = [baseURL, ...files.map((file) => `${baseURL}${file}`)]
  const version = createHash('sha256').update(urls.join('\n')).digest('hex').slice(0, 12)
  const worker = path.join(publicDir, WORKER)
  const source = await readFile(worker, 'utf8')
  await writeFile(
    worker,
    source.replace("'__PRECACHE__'", JSON.stringify(urls)).replace("'__VERSION__'", JSON.stringify(version)),
  )
}
