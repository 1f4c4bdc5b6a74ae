import { z } from 'zod'
import { Role } from './access.ts'
import { allow, deny, type RuleResult } from './rules.ts'

/** Usernames are stored lower-case (sign-in lower-cases what people type): letters, digits, `.`, `_`, `-`. */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/)

/** A new console account as an admin enters it; the password is generated, never typed. */
export const UserInputSchema = z.object({
  /** The office the account belongs to; the admin's own when not given. */
  officeId: z.uuid().optional(),
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(120),
  role: Role.schema,
})
/** A new account as entered. */
export type UserInput = z.infer<typeof UserInputSchema>

/** A console account as the admin pages list it; never its password or hash. */
export const UserAccountSchema = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role.schema,
  /** Still on a one-time password: the first sign-in must change it. */
  mustChangePassword: z.boolean(),
  /** False once deactivated: no password opens it until an admin reactivates it. */
  active: z.boolean(),
  createdAt: z.date(),
})
/** A console account. */
export type UserAccount = z.infer<typeof UserAccountSchema>

/** An account with the one-time password it was just given; the only time the password is shown. */
export const IssuedAccountSchema = z.object({
  user: UserAccountSchema,
  oneTimePassword: z.string().min(10),
})
/** An account and its one-time password. */
export type IssuedAccount = z.infer<typeof IssuedAccountSchema>

/** What an admin does to an existing account. */
export type AccountChange =
  | { kind: 'setRole'; role: Role }
  | { kind: 'deactivate' }
  | { kind: 'reactivate' }
  | { kind: 'resetPassword' }

/** The facts an account change is judged on. */
export interface AccountChangeContext {
  actorId: string
  target: { id: string; role: Role; active: boolean }
  /** Active admins of the target's office, the target included if it is one. */
  activeAdmins: number
}

/**
 * Whether an admin may change an account: nobody deactivates or resets their own account (they would
 * lose the session doing it; `auth.changePassword` is for one's own password), a deactivated account is
 * only reactivated, an active one is not reactivated, and no change may leave an office without an
 * active admin.
 */
export function checkAccountChange(ctx: AccountChangeContext, change: AccountChange): RuleResult<true> {
  const { target } = ctx
  const self = target.id === ctx.actorId
  if (self && (change.kind === 'deactivate' || change.kind === 'resetPassword')) {
    return deny({
      rule: 'user.self',
      params: { change: change.kind },
      message: {
        id: 'Anda tidak dapat menonaktifkan atau mengatur ulang kata sandi akun Anda sendiri.',
        en: 'You cannot deactivate your own account or reset its password.',
      },
    })
  }
  if (change.kind === 'reactivate' && target.active) {
    return deny({
      rule: 'user.active',
      params: {},
      message: { id: 'Akun ini sudah aktif.', en: 'This account is already active.' },
    })
  }
  if (change.kind !== 'reactivate' && !target.active) {
    return deny({
      rule: 'user.inactive',
      params: { change: change.kind },
      message: {
        id: 'Akun ini nonaktif; aktifkan kembali terlebih dahulu.',
        en: 'This account is deactivated; reactivate it first.',
      },
    })
  }
  const removesAdmin =
    target.role === 'admin' &&
    (change.kind === 'deactivate' || (change.kind === 'setRole' && change.role !== 'admin'))
  if (removesAdmin && ctx.activeAdmins <= 1) {
    return deny({
      rule: 'user.lastAdmin',
      params: {},
      message: {
        id: 'Kantor harus tetap memiliki setidaknya satu admin aktif.',
        en: 'The office must keep at least one active admin.',
      },
    })
  }
  return allow(true)
}
