import type { Database } from '@mejabantu/db'
import { READ_AUDIT_WINDOW_MS, readTarget } from '@mejabantu/domain'
import { writeAudit } from '../shared/audit-writer.ts'

interface Read {
  userId: string
  path: string
  input: unknown
  ip: string | null
  now: Date
}

/**
 * Records an observer's read, naming the record read; a repeat of the same read within the window (a
 * polling board or dashboard) is already on the record and writes nothing.
 */
export async function auditRead(db: Database, read: Read): Promise<void> {
  const target = readTarget(read.path, read.input)
  const since = new Date(read.now.getTime() - READ_AUDIT_WINDOW_MS)
  const recent = await db.prisma.auditEvent.findFirst({
    where: { actorId: read.userId, action: 'read', ...target, occurredAt: { gte: since } },
    select: { id: true },
  })
  if (recent) return
  await writeAudit(db.prisma, {
    actorId: read.userId,
    action: 'read',
    ...target,
    after: { procedure: read.path },
    ip: read.ip,
  })
}
