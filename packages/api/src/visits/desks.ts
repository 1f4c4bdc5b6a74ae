import type { Database } from '@mejabantu/db'
import { deskNames, pickDesk } from '@mejabantu/domain'
import { z } from 'zod'
import { ensure } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'

/** The desks of the user's office and the one this sign-in serves at. */
export const DesksSchema = z.object({ desks: z.array(z.string()), mine: z.string().nullable() })
export type Desks = z.infer<typeof DesksSchema>

interface DeskSession {
  id: string
  desk?: string | null
  user: { id: string; office: { id: string } }
}

const officeDesks = async (db: Database, officeId: string) => {
  const { deskCount } = await db.prisma.office.findUniqueOrThrow({
    where: { id: officeId },
    select: { deskCount: true },
  })
  return deskCount
}

export async function desksOf(db: Database, session: DeskSession): Promise<Desks> {
  return { desks: deskNames(await officeDesks(db, session.user.office.id)), mine: session.desk ?? null }
}

/**
 * Sets the desk this sign-in serves at (a desk of the user's own office, or none); calling the next guest
 * then sends them there. Kept on the session, so another sign-in of the same user may sit elsewhere.
 */
export async function setDesk(
  db: Database,
  session: DeskSession,
  desk: number | null,
  ip: string | null,
): Promise<Desks> {
  const deskCount = await officeDesks(db, session.user.office.id)
  const picked = ensure(pickDesk(desk, deskCount))
  await db.prisma.$transaction(async (tx) => {
    await tx.session.update({ where: { id: session.id }, data: { desk: picked } })
    await writeAudit(tx, {
      actorId: session.user.id,
      action: 'queue.set_desk',
      targetType: 'User',
      targetId: session.user.id,
      before: { desk: session.desk ?? null },
      after: { desk: picked },
      ip,
    })
  })
  return { desks: deskNames(deskCount), mine: picked }
}
