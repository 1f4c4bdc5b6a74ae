import type { AttachmentStorage } from './attachment-storage.ts'

/**
 * Removes the stored bytes of attachments whose rows a committed transaction deleted. After the commit,
 * so a rolled-back erasure never loses a file; a file that cannot be removed now stays orphaned, pointed
 * at by no row and so shown to no one, and is reported.
 */
export async function discardFiles(storage: AttachmentStorage, keys: readonly string[]): Promise<string[]> {
  const results = await Promise.allSettled(keys.map((key) => storage.delete(key)))
  return keys.filter((_, i) => results[i]!.status === 'rejected')
}
