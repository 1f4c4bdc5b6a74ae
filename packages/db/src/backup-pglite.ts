// PGlite backups are a tar.gz of the data folder, PGlite's own dump format.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import { PGlite } from '@electric-sql/pglite'
import { nothingChangedOnFailure, writeThroughPartial } from './backup-files.ts'

const gunzipAsync = promisify(gunzip)

// PGlite writes PostgreSQL's lock file while a process has the folder open and removes it on close. It does
// not stop a second process from opening the folder, so the check is ours.
const LOCK_FILE = 'postmaster.pid'

export async function backupPglite(dataDir: string, file: string) {
  const folder = folderOnDisk(dataDir)
  if (!existsSync(path.join(folder, 'PG_VERSION'))) {
    throw new Error(`There is no PGlite database in ${folder}: set DATA_DIR to the folder the server uses.`)
  }
  assertNotInUse(folder)
  const pglite = await PGlite.create(folder)
  try {
    // Writes everything to the data files, so the restored copy starts without replaying the log.
    await pglite.exec('CHECKPOINT')
    const tarball = await pglite.dumpDataDir('gzip')
    const bytes = new Uint8Array(await tarball.arrayBuffer())
    await writeThroughPartial(file, (partial) => writeFile(partial, bytes, { flag: 'wx' }))
  } finally {
    await pglite.close()
  }
}

/** Returns where the replaced folder was moved, or null when there was none. */
export async function restorePglite(dataDir: string, file: string, force: boolean): Promise<string | null> {
  const target = folderOnDisk(dataDir)
  const existing = await readdir(target).catch(() => [])
  if (existing.length && !force) {
    throw new Error(
      `${target} is not empty: restoring would replace the database in it. Stop the server and run again ` +
        `with --force (the current folder is then kept beside it as ` +
        `${path.basename(target)}.before-restore-<time>).`,
    )
  }
  if (existing.length) assertNotInUse(target)

  await mkdir(path.dirname(target), { recursive: true })
  const staging = `${target}.restoring-${randomBytes(4).toString('hex')}`
  await nothingChangedOnFailure(file, async () => {
    try {
      // Unpacked here rather than by PGlite, whose own gunzip leaves a damaged file's error unhandled.
      const tar = new Blob([await gunzipAsync(await readFile(file))], { type: 'application/x-tar' })
      const pglite = await PGlite.create({ dataDir: staging, loadDataDir: tar })
      // Opening and closing once also removes the lock file the tarball carries from its own backup.
      await pglite.query('SELECT 1').finally(() => pglite.close())
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      throw error
    }
  })
  return swapIn(staging, target, existing.length > 0)
}

async function swapIn(staging: string, target: string, keepPrevious: boolean): Promise<string | null> {
  if (!keepPrevious) {
    await rm(target, { recursive: true, force: true })
    await rename(staging, target)
    return null
  }
  const previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
  await rename(target, previous)
  try {
    await rename(staging, target)
  } catch (error) {
    await rename(previous, target)
    throw error
  }
  return previous
}

function folderOnDisk(dataDir: string): string {
  if (dataDir.startsWith('memory://')) {
    throw new Error(
      'An in-memory database (memory://) lives only in its process: it cannot be backed up or restored.',
    )
  }
  return path.resolve(dataDir)
}

function assertNotInUse(folder: string) {
  if (!existsSync(path.join(folder, LOCK_FILE))) return
  throw new Error(
    `${folder} is in use (${LOCK_FILE} is present): stop the server first, one process owns the folder. ` +
      `If no server is running, the file was left by a crash: delete it and try again.`,
  )
}
