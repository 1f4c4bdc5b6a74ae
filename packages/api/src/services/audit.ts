import type { Transaction } from '@mejabantu/db'

type AuditValue = string | number | boolean | null
/** A snapshot for `before`/`after`: plain fields only, and never a password, hash or token. */
export type AuditSnapshot = Record<string, AuditValue | AuditValue[]>

export interface AuditEntry {
  actorId: string | null
  action: string
  targetType: string
  targetId: string
  before?: AuditSnapshot
  after?: AuditSnapshot
  ip: string | null
}

/** Appends an audit event inside the caller's transaction, so it commits or rolls back with the change. */
export async function writeAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: entry })
}

/**
 * Appends several audit events in one statement, inside the caller's transaction. A plain multi-row
 * insert of arrays: one statement text for any number of events, where the ORM would build a new query
 * for each count.
 */
export async function writeAudits(tx: Transaction, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  const column = <T>(pick: (e: AuditEntry) => T) => entries.map(pick)
  const json = (value: AuditSnapshot | undefined) => (value === undefined ? null : JSON.stringify(value))
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("actorId", "action", "targetType", "targetId", "before", "after", "ip")
    SELECT actor, action, target_type, target_id, before::jsonb, after::jsonb, ip
    FROM unnest(${column((e) => e.actorId)}::uuid[], ${column((e) => e.action)}::text[],
                ${column((e) => e.targetType)}::text[], ${column((e) => e.targetId)}::text[],
                ${column((e) => json(e.before))}::text[], ${column((e) => json(e.after))}::text[],
                ${column((e) => e.ip)}::text[])
      AS e(actor, action, target_type, target_id, before, after, ip)`
}
