import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { defaultDataDir } from '@mejabantu/db'
import { assertStorageKey, type AttachmentStorage } from './attachment-storage.ts'

/** Files under `root`: written to a temporary name first, so a reader never sees half a file. */
export function diskStorage(root: string): AttachmentStorage {
  const base = path.resolve(root)
  const fileOf = (key: string) => {
    assertStorageKey(key)
    const file = path.resolve(base, key)
    // The pattern already rules escapes out; this keeps it so if the pattern is ever loosened.
    if (!file.startsWith(base + path.sep)) throw new Error('invalid storage key')
    return file
  }
  return {
    async put(key, bytes) {
      const file = fileOf(key)
      await mkdir(path.dirname(file), { recursive: true })
      const partial = `${file}.${randomUUID()}.partial`
      await writeFile(partial, bytes, { flag: 'wx' })
      await rename(partial, file)
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fileOf(key)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true })
    },
  }
}

/**
 * The folder for attachments on disk: `ATTACHMENTS_DIR`, or `attachments` beside the embedded database
 * folder (`./.data/attachments` by default).
 */
export function attachmentsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ATTACHMENTS_DIR) return path.resolve(env.ATTACHMENTS_DIR)
  return path.join(path.dirname(path.resolve(env.DATA_DIR || defaultDataDir())), 'attachments')
}
