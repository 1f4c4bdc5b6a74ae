/** Where attachment bytes live. Keys are made by the server, never taken from a client. */
export interface AttachmentStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>
  /** Removes the bytes; removing a missing key is not an error. */
  delete(key: string): Promise<void>
}

// Segments of letters, digits, dot, dash and underscore, each starting with a letter or digit: no "..",
// no absolute path, no backslash, nothing a file system or an object store would read differently.
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){0,7}$/

/** Throws unless `key` is a storage key this server could have made. */
export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error('invalid storage key')
}
