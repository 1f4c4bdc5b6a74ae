import { randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

// @node-rs/argon2 defaults to argon2id with OWASP-recommended cost parameters.
export const hashPassword = (password: string) => hash(password)
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password)

let dummyHash: Promise<string> | undefined

/**
 * Always false, after the same argon2id work as a real check: an unknown username must cost as much time
 * as a wrong password, or the response time would tell which usernames exist.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword(oneTimePassword(24))
  await verifyPassword(await dummyHash, password)
  return false
}

/** A one-time password that is easy to read aloud: no 0/O or 1/l/I. */
export function oneTimePassword(length = 14): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('')
}
