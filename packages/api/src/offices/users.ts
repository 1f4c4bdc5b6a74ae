import type { Transaction } from '@mejabantu/db'
import {
  checkAccountChange,
  type AccountChange,
  type IssuedAccount,
  type UserAccount,
  type UserInput,
} from '@mejabantu/domain'
import { ensure, refuse } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { isUniqueViolation, type Acting } from './acting.ts'
import { hashPassword, oneTimePassword } from '../auth/passwords.ts'
import { userViolations } from './users-violations.ts'

const accountSelect = {
  id: true,
  officeId: true,
  username: true,
  displayName: true,
  role: true,
  mustChangePassword: true,
  createdAt: true,
  deactivatedAt: true,
} as const

type AccountRow = Omit<UserAccount, 'active'> & { deactivatedAt: Date | null }

const toAccount = ({ deactivatedAt, ...row }: AccountRow): UserAccount => ({
  ...row,
  active: deactivatedAt === null,
})

/** The accounts of an office the admin manages (their own by default, or one below it), by username. */
export async function listUsers({ db, scope }: Acting, officeId?: string): Promise<UserAccount[]> {
  const rows = await db.prisma.user.findMany({
    where: { officeId: scope.read(officeId) },
    select: accountSelect,
    orderBy: { username: 'asc' },
  })
  return rows.map(toAccount)
}

/**
 * A new account with a generated one-time password, returned this once (only its argon2id hash is kept);
 * the first sign-in must replace it. The office is the admin's own or one below it, so a Provinsi can
 * give a Kab/Kota it added its first admin.
 */
export async function createUser(acting: Acting, input: UserInput): Promise<IssuedAccount> {
  const officeId = acting.scope.read(input.officeId)
  const password = oneTimePassword()
  const passwordHash = await hashPassword(password)
  try {
    return await acting.db.prisma.$transaction(async (tx) => {
      const user = toAccount(
        await tx.user.create({
          data: { ...input, officeId, passwordHash, mustChangePassword: true },
          select: accountSelect,
        }),
      )
      await writeAudit(tx, {
        actorId: acting.user.id,
        action: 'user.create',
        targetType: 'User',
        targetId: user.id,
        after: { officeId, username: user.username, displayName: user.displayName, role: user.role },
        ip: acting.ip,
      })
      return { user, oneTimePassword: password }
    })
  } catch (error) {
    if (isUniqueViolation(error)) refuse('CONFLICT', userViolations.usernameTaken(input.username))
    throw error
  }
}

/**
 * Applies one account change under the domain's rule. The office row is locked first, so two admins
 * demoting each other at once cannot both succeed and leave the office without one.
 */
async function changeAccount(
  acting: Acting,
  userId: string,
  change: AccountChange,
  apply: (tx: Transaction, target: UserAccount) => Promise<Record<string, string | number | boolean>>,
): Promise<UserAccount> {
  return acting.db.prisma.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: userId }, select: { officeId: true } })
    if (!found) refuse('NOT_FOUND', userViolations.notFound(userId))
    acting.scope.read(found.officeId)
    await tx.$queryRaw`SELECT id FROM "Office" WHERE id = ${found.officeId}::uuid FOR UPDATE`
    const target = toAccount(
      await tx.user.findUniqueOrThrow({ where: { id: userId }, select: accountSelect }),
    )
    const activeAdmins = await tx.user.count({
      where: { officeId: target.officeId, role: 'admin', deactivatedAt: null },
    })
    ensure(checkAccountChange({ actorId: acting.user.id, target, activeAdmins }, change))
    const after = await apply(tx, target)
    await writeAudit(tx, {
      actorId: acting.user.id,
      action: `user.${change.kind}`,
      targetType: 'User',
      targetId: userId,
      before: { role: target.role, active: target.active, mustChangePassword: target.mustChangePassword },
      after,
      ip: acting.ip,
    })
    return toAccount(await tx.user.findUniqueOrThrow({ where: { id: userId }, select: accountSelect }))
  })
}

/** Gives an account another role; it takes effect on the user's next request. */
export function setRole(acting: Acting, userId: string, role: UserAccount['role']): Promise<UserAccount> {
  return changeAccount(acting, userId, { kind: 'setRole', role }, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role } })
    return { role }
  })
}

/** Ends every session of the account and keeps it from signing in until an admin reactivates it. */
export async function deactivateUser(acting: Acting, userId: string): Promise<UserAccount> {
  return changeAccount(acting, userId, { kind: 'deactivate' }, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } })
    const { count } = await tx.session.deleteMany({ where: { userId } })
    return { active: false, sessionsEnded: count }
  })
}

/** A new one-time password (returned once) for an account, ending its sessions; reactivates or resets. */
async function issuePassword(
  acting: Acting,
  userId: string,
  change: Extract<AccountChange, { kind: 'reactivate' | 'resetPassword' }>,
): Promise<IssuedAccount> {
  const password = oneTimePassword()
  const passwordHash = await hashPassword(password)
  const user = await changeAccount(acting, userId, change, async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: true, deactivatedAt: null },
    })
    const { count } = await tx.session.deleteMany({ where: { userId } })
    return { active: true, mustChangePassword: true, sessionsEnded: count }
  })
  return { user, oneTimePassword: password }
}

/** Opens a deactivated account again with a new one-time password. */
export const reactivateUser = (acting: Acting, userId: string) =>
  issuePassword(acting, userId, { kind: 'reactivate' })

/** Replaces a forgotten password with a new one-time password and ends the account's sessions. */
export const resetPassword = (acting: Acting, userId: string) =>
  issuePassword(acting, userId, { kind: 'resetPassword' })
