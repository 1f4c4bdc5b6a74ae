import type { Database, Prisma } from '@mejabantu/db'
import { z } from 'zod'
import type { OfficeScope } from '../shared/tenancy.ts'
import { literalLike } from '../shared/literal-like.ts'
import { pageWindow } from '../shared/paging.ts'

/** Filters for reading the audit trail of one office. */
export const AuditQuerySchema = z.strictObject({
  officeId: z.uuid().optional(),
  action: z.string().trim().min(1).max(80).optional(),
  targetType: z.string().trim().min(1).max(80).optional(),
  targetId: z.string().trim().min(1).max(120).optional(),
  actorId: z.uuid().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
})
export type AuditQuery = z.infer<typeof AuditQuerySchema>

const snapshot = z.unknown().nullable()

/** One audit event as the trail shows it, with who did it. */
export const AuditEventViewSchema = z.object({
  id: z.string(),
  occurredAt: z.date(),
  actor: z.object({ id: z.uuid(), displayName: z.string(), username: z.string() }).nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  before: snapshot,
  after: snapshot,
  ip: z.string().nullable(),
})

/** A page of the trail, newest first. */
export const AuditPageSchema = z.object({
  items: z.array(AuditEventViewSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type AuditPage = z.infer<typeof AuditPageSchema>

/**
 * The audit trail of an office: every event filed under it (done by one of its users, or to one of its
 * records by no user: a kiosk check-in, a pairing, a failed sign-in), newest first. Read-only: the
 * database itself refuses to change or delete an event. `action` matches a whole action or a prefix
 * ("consultation." for every sheet event); its characters are taken literally.
 */
export async function readAuditTrail(
  db: Database,
  scope: OfficeScope,
  query: AuditQuery,
): Promise<AuditPage> {
  const officeId = scope.read(query.officeId)
  const where: Prisma.AuditEventWhereInput = {
    officeId,
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.action ? { action: { startsWith: literalLike(query.action) } } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.from || query.to ? { occurredAt: { gte: query.from, lte: query.to } } : {}),
  }
  const [rows, total] = await Promise.all([
    db.prisma.auditEvent.findMany({
      where,
      orderBy: { id: 'desc' },
      ...pageWindow(query),
    }),
    db.prisma.auditEvent.count({ where }),
  ])
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))]
  const actors = await db.prisma.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, displayName: true, username: true },
  })
  const byId = new Map(actors.map((a) => [a.id, a]))
  return {
    items: rows.map((row) => ({
      id: row.id.toString(),
      occurredAt: row.occurredAt,
      actor: row.actorId ? (byId.get(row.actorId) ?? null) : null,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      before: row.before ?? null,
      after: row.after ?? null,
      ip: row.ip,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  }
}
