/** The record a read names, for an observer's audited read. */
export interface ReadTarget {
  targetType: string
  targetId: string
}

// Procedures that read one record, and the input field (a dotted path) that names it.
const RECORD_READS: Record<string, { targetType: string; field: string }> = {
  'consultations.get': { targetType: 'Consultation', field: 'id' },
  'consultations.attachments': { targetType: 'Consultation', field: 'consultationId' },
  'consultations.download': { targetType: 'Attachment', field: 'id' },
  'candidates.dossier': { targetType: 'CandidatePair', field: 'pairId' },
  'candidates.list': { targetType: 'Election', field: 'electionId' },
  'elections.get': { targetType: 'Election', field: 'id' },
  'reports.get': { targetType: 'Report', field: 'id' },
  'reports.export': { targetType: 'Report', field: 'source.id' },
}

/**
 * What an observer's (pengawas) read is filed under: the record it opened (which sheet, attachment, dossier
 * or report) when the procedure reads one, else the procedure itself (a list, a board, a summary).
 */
export function readTarget(path: string, input: unknown): ReadTarget {
  const record = RECORD_READS[path]
  const id = record?.field
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      input,
    )
  return record && typeof id === 'string'
    ? { targetType: record.targetType, targetId: id }
    : { targetType: 'procedure', targetId: path }
}

/**
 * One audit event per observer, procedure and record in this window: a board or a dashboard that polls
 * every few seconds is recorded as watched, not as thousands of reads.
 */
export const READ_AUDIT_WINDOW_MS = 15 * 60_000
