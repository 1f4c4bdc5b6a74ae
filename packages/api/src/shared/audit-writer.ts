import type { Transaction } from '@mejabantu/db'
import { redactSnapshot } from '@mejabantu/domain'

type AuditValue = string | number | boolean | null
/** A snapshot for `before`/`after`: plain fields only, and never a password, hash or token. */
export type AuditSnapshot = Record<string, AuditValue | AuditValue[]>

export interface AuditEntry {
  actorId: string | null
  action: string
  targetType: string
  targetId: string
  /**
   * The office whose trail shows the event, when the caller knows it; otherwise the database fills in the
   * actor's office, or the target's for events without a user.
   */
  officeId?: string
  before?: AuditSnapshot
  after?: AuditSnapshot
  ip: string | null
}

// Personal values never reach the append-only trail: see PERSONAL_SNAPSHOT_KEYS in the domain.
const redacted = (snapshot: AuditSnapshot | undefined) => snapshot && redactSnapshot(snapshot)

/** Appends an audit event inside the caller's transaction, so it commits or rolls back with the change. */
export async function writeAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: { ...entry, before: redacted(entry.before), after: redacted(entry.after) },
  })
}

/**
 * Appends several audit events in one statement, inside the caller's transaction. A plain multi-row
 * insert of arrays: one statement text for any number of events, where the ORM would build a new query
 * for each count.
 */
export async function writeAudits(tx: Transaction, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  const column = <T>(pick: (e: AuditEntry) => T) => entries.map(pick)
  const json = (value: AuditSnapshot | undefined) =>
    value === undefined ? null : JSON.stringify(redacted(value))
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("officeId", "actorId", "action", "targetType", "targetId", "before", "after", "ip")
    SELECT office, actor, action, target_type, target_id, before::jsonb, after::jsonb, ip
    FROM unnest(${column((e) => e.officeId ?? null)}::uuid[], ${column((e) => e.actorId)}::uuid[],
                ${column((e) => e.action)}::text[], ${column((e) => e.targetType)}::text[],
                ${column((e) => e.targetId)}::text[], ${column((e) => json(e.before))}::text[],
                ${column((e) => json(e.after))}::text[], ${column((e) => e.ip)}::text[])
      AS e(office, actor, action, target_type, target_id, before, after, ip)`
}
