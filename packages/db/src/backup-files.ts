import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

export interface BackupSettings {
  /** Folder holding `pg_dump` and `pg_restore`, e.g. `/usr/lib/postgresql/16/bin`; default: the PATH. */
  pgBinDir?: string
}

export interface RestoreSettings extends BackupSettings {
  /** Replace a database that already holds data; without it such a restore is refused. */
  force?: boolean
}

/** Both restores leave the target as it was when they fail; the message says so. */
export async function nothingChangedOnFailure(file: string, restore: () => Promise<void>) {
  try {
    await restore()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(
      `${file} could not be restored (${reason}). Nothing was changed; ` +
        `check that the file is a complete backup.`,
      { cause: error },
    )
  }
}

/** Writes through a temporary name beside `file`, so a failed backup never leaves a truncated file behind. */
export async function writeThroughPartial(file: string, write: (partial: string) => Promise<unknown>) {
  const target = path.resolve(file)
  await mkdir(path.dirname(target), { recursive: true })
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`
  try {
    await write(partial)
    await rename(partial, target)
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}
