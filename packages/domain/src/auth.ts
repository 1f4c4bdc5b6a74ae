import { Permission, Role } from './access.ts'
import { OfficeLevel } from './office.ts'
import { TimeZone } from './time.ts'
import { z } from 'zod'

// Bounded so nobody can make the server run argon2 over megabytes.
const password = z.string().max(256)

/** Usernames are stored lower-case; what people type is trimmed and lower-cased to match. */
export const LoginInputSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: password.min(1),
})

/** A password change: the current password proves it is the user, not just their session. */
export const ChangePasswordInputSchema = z.object({
  currentPassword: password.min(1),
  // Length and the other rules are checked by the password policy, which explains itself in id/en.
  newPassword: password,
})

/** Who is signed in, what they may do, and the CSRF token every mutation must echo. */
export const SessionViewSchema = z.object({
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
  office: z.object({
    id: z.uuid(),
    name: z.string(),
    level: OfficeLevel.schema,
    regionCode: z.string(),
    /** What "today" and "this month" mean for the office's guest book and reports. */
    timeZone: TimeZone.schema,
  }),
  role: Role.schema,
  permissions: z.array(Permission.schema),
  mustChangePassword: z.boolean(),
  /** Send it back in the `x-csrf-token` header of every mutation. */
  csrfToken: z.string(),
  /** When the session ends unless used before; each request slides it forward. */
  expiresAt: z.iso.datetime(),
})
/** Who is signed in. */
export type SessionView = z.infer<typeof SessionViewSchema>
