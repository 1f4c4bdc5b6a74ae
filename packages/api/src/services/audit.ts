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

/** Appends several audit events in one statement, inside the caller's transaction. */
export async function writeAudits(tx: Transaction, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length > 0) await tx.auditEvent.createMany({ data: [...entries] })
}
