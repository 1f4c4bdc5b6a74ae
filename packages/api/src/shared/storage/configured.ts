import type { AttachmentStorage } from './attachment-storage.ts'
import { attachmentsDir, diskStorage } from './disk.ts'
import { s3ConfigFromEnv, s3Storage } from './s3.ts'

export type { AttachmentStorage } from './attachment-storage.ts'

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
