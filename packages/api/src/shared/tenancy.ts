import { can, officeSubtree, type Permission } from '@mejabantu/domain'
import type { Database } from '@mejabantu/db'
import { refuse, violation } from './errors.ts'
import type { SessionUser } from '../auth/sessions.ts'

/**
 * The offices a signed-in user may touch: they write only in their own office; they read their own, and
 * with `rollup.read` (pimpinan, pengawas, admin of a Provinsi or KPU RI) every office below it.
 * Every procedure goes through this, so tenancy is decided in one place.
 */
export interface OfficeScope {
  officeId: string
  readable: ReadonlySet<string>
  /** The office a read is about: the user's own when not given; refused when outside the scope. */
  read(officeId?: string | null): string
  /** The office a write goes to: always the user's own; another office is refused. */
  write(officeId?: string | null): string
}

const outside = (officeId: string, permission: Permission | 'write') =>
  refuse(
    'FORBIDDEN',
    violation(
      'tenancy.office',
      { officeId, access: permission },
      'Data kantor ini berada di luar wewenang Anda.',
      'This office’s records are outside your access.',
    ),
  )

/** Builds the scope of a user from the office tree. */
export async function officeScope(db: Database, user: SessionUser): Promise<OfficeScope> {
  const own = user.office.id
  const readable = can(user.role, 'rollup.read')
    ? new Set(officeSubtree(await db.prisma.office.findMany({ select: { id: true, parentId: true } }), own))
    : new Set([own])
  return {
    officeId: own,
    readable,
    read: (officeId) => {
      const target = officeId ?? own
      return readable.has(target) ? target : outside(target, 'office.read')
    },
    write: (officeId) => {
      const target = officeId ?? own
      return target === own ? target : outside(target, 'write')
    },
  }
}
