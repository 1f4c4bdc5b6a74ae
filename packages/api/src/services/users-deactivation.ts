import { hash } from '@node-rs/argon2'
import { oneTimePassword } from './passwords.ts'

// The schema has no "active" column. A deactivated account keeps an argon2id hash of a random password
// nobody ever sees, made with this fixed salt: no password opens it, and the salt in the PHC string
// ($argon2id$v=19$m=…$<salt>$<hash>) marks it as deactivated rather than merely forgotten.
const DEACTIVATED_SALT = Buffer.from('mejabantu:deactivated')
const marker = `$${DEACTIVATED_SALT.toString('base64').replace(/=+$/, '')}$`

/** A password hash that no password matches and that reads as deactivated. */
export const deactivatedPasswordHash = () => hash(oneTimePassword(32), { salt: DEACTIVATED_SALT })

/** Whether a stored hash is the mark of a deactivated account. */
export const isDeactivatedHash = (passwordHash: string) => passwordHash.includes(marker)

/** A Prisma filter on `passwordHash` for accounts that are still active. */
export const activeAccountFilter = { NOT: { passwordHash: { contains: marker } } } as const
