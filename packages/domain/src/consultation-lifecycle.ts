import type { Consultation, ConsultationStatus } from './consultation.ts'
import { ConsultationStatus as Status } from './consultation.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import { minutesBetween } from './time.ts'

/** The part of a consultation its lifecycle changes. */
export type ConsultationState = Pick<
  Consultation,
  | 'status'
  | 'occurredAt'
  | 'firstResponseAt'
  | 'answeredAt'
  | 'referredAt'
  | 'closedAt'
  | 'referredToOfficeId'
>

/** What staff do to a consultation. */
export type ConsultationAction =
  { type: 'answer' } | { type: 'refer'; toOfficeId: string | null } | { type: 'close' }

const moves: Record<ConsultationAction['type'], Partial<Record<ConsultationStatus, ConsultationStatus>>> = {
  // A referred consultation is answered by the office it went to: "referral answered".
  answer: { baru: 'dijawab', dirujuk: 'dijawab' },
  // The receiving office may refer further up (Provinsi → KPU RI).
  refer: { baru: 'dirujuk', dirujuk: 'dirujuk' },
  close: { dijawab: 'selesai' },
}

const verbs = {
  answer: { id: 'dijawab', en: 'answered' },
  refer: { id: 'dirujuk', en: 'referred' },
  close: { id: 'ditutup', en: 'closed' },
}

/**
 * The lifecycle baru → dijawab | dirujuk → selesai: a consultation is answered or referred to the parent
 * office, a referral is answered there, and only an answered consultation is closed. The first answer or
 * referral is the first response.
 */
export function applyConsultationAction(
  state: ConsultationState,
  action: ConsultationAction,
  now: Date,
): RuleResult<ConsultationState> {
  const to = moves[action.type][state.status]
  if (!to) {
    return deny({
      rule: 'consultation.transition',
      params: { from: state.status, action: action.type },
      message: {
        id: `Konsultasi berstatus ${Status.label(state.status)} tidak dapat ${verbs[action.type].id}.`,
        en: `A consultation that is ${Status.label(state.status, 'en')} cannot be ${verbs[action.type].en}.`,
      },
    })
  }
  if (action.type === 'refer' && !action.toOfficeId) {
    return deny({
      rule: 'consultation.refer.noParent',
      params: {},
      message: {
        id: 'Kantor ini tidak memiliki kantor atasan untuk rujukan.',
        en: 'This office has no parent office to refer to.',
      },
    })
  }
  const next: ConsultationState = { ...state, status: to, firstResponseAt: state.firstResponseAt ?? now }
  if (action.type === 'answer') next.answeredAt = now
  if (action.type === 'refer') Object.assign(next, { referredAt: now, referredToOfficeId: action.toOfficeId })
  if (action.type === 'close') next.closedAt = now
  return allow(next)
}

/** Minutes from the consultation to its first answer or referral; null while nobody has responded. */
export function firstResponseMinutes(state: Pick<ConsultationState, 'occurredAt' | 'firstResponseAt'>) {
  return state.firstResponseAt ? Math.max(0, minutesBetween(state.occurredAt, state.firstResponseAt)) : null
}

/** Minutes from the consultation to its closing; null while it is open. */
export function resolutionMinutes(state: Pick<ConsultationState, 'occurredAt' | 'closedAt'>) {
  return state.closedAt ? Math.max(0, minutesBetween(state.occurredAt, state.closedAt)) : null
}
