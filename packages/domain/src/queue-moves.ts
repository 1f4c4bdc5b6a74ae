import { moveVisit, VisitStatus } from './guest.ts'
import { deny, type RuleResult } from './rules.ts'

/**
 * Calling a visitor again. Only a visit already called and not yet at the desk can be recalled; a
 * waiting visit is called with "call next", in the queue's order, never picked out of it.
 */
export function recallVisit(from: VisitStatus): RuleResult<VisitStatus> {
  if (from === 'dipanggil') return moveVisit(from, 'dipanggil')
  return deny({
    rule: 'visit.recall',
    params: { from },
    message: {
      id: `Hanya kunjungan berstatus Dipanggil yang dapat dipanggil ulang; kunjungan ini ${VisitStatus.label(from)}.`,
      en: `Only a called visit can be called again; this one is ${VisitStatus.label(from, 'en')}.`,
    },
  })
}
