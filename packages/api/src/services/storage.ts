import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { defaultDataDir } from '@mejabantu/db'
import { assertStorageKey } from './storage-key.ts'
import { s3ConfigFromEnv, s3Storage } from './storage-s3.ts'

/** Where attachment bytes live. Keys are made by the server, never taken from a client. */
export interface AttachmentStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>
  /** Removes the bytes; removing a missing key is not an error. */
  delete(key: string): Promise<void>
}

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

const built = new Map<string, AttachmentStorage>()

/**
 * The storage the environment configures: S3-compatible when `S3_BUCKET` is set (several server processes
 * then share it), otherwise the disk folder of {@link attachmentsDir}. Built once per configuration.
 */
export function attachmentStorage(env: NodeJS.ProcessEnv = process.env): AttachmentStorage {
  const s3 = s3ConfigFromEnv(env)
  const id = s3 ? `s3:${JSON.stringify(s3)}` : `disk:${attachmentsDir(env)}`
  let storage = built.get(id)
  if (!storage) {
    storage = s3 ? s3Storage(s3) : diskStorage(attachmentsDir(env))
    built.set(id, storage)
  }
  return storage
}
