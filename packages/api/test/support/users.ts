import { randomBytes } from 'node:crypto'
import type { Database } from '@mejabantu/db'
import type { Role } from '@mejabantu/domain'
import { hashPassword } from '../../src/auth/passwords.ts'

/**
 * A user in the first admin's office with a known password. There is no procedure to create users yet,
 * so the fixture writes the row the way such a procedure would.
 */
export async function addUser(
  db: Database,
  role: Role,
  { mustChangePassword = false } = {},
): Promise<{ id: string; username: string; password: string }> {
  const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } })
  const username = `${role}-${randomBytes(4).toString('hex')}`
  const password = `pw-${randomBytes(9).toString('base64url')}`
  const user = await db.prisma.user.create({
    data: {
      officeId: admin.officeId,
      username,
      displayName: `Test ${role}`,
      role,
      passwordHash: await hashPassword(password),
      mustChangePassword,
    },
  })
  return { id: user.id, username, password }
}
