import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

// Mailbox passwords and gateway secrets are stored as `v1.<iv>.<tag>.<ciphertext>` (base64url), sealed with
// AES-256-GCM under a key only the environment holds: a copy of the database alone opens no mailbox.
const VERSION = 'v1'

/** Seals and opens the secrets of an office's integrations with the key from MAIL_SECRET_KEY. */
export interface SecretBox {
  seal(plain: string): string
  open(sealed: string): string
}

/** Reads a 32-byte key written as base64 or hex; null for anything else. */
export function parseSecretKey(text: string): Buffer | null {
  const hex = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : null
  const key = hex ?? Buffer.from(text, 'base64')
  return key.length === 32 ? key : null
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes')
  return {
    seal(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [VERSION, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.')
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      )
    },
  }
}
