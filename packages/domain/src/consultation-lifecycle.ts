import type { Consultation, ConsultationStatus } from './consultation.ts'
import { ConsultationStatus as Status } from './consultation.ts'
import { allow, deny, type RuleResult } from './rules.ts'
import type { OfficeNode } from './office.ts'
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

/** What staff do to a consultation, and the asker writing again in its thread (`reply`). */
export type ConsultationAction =
  { type: 'answer' } | { type: 'refer'; toOfficeId: string | null } | { type: 'close' } | { type: 'reply' }

const moves: Record<ConsultationAction['type'], Partial<Record<ConsultationStatus, ConsultationStatus>>> = {
  // A referred consultation is answered by the office it went to: "referral answered".
  answer: { baru: 'dijawab', dirujuk: 'dijawab' },
  // The receiving office may refer further up (Provinsi → KPU RI).
  refer: { baru: 'dirujuk', dirujuk: 'dirujuk' },
  close: { dijawab: 'selesai' },
  // The asker wrote again after the answer: it waits for the desk once more. A closed sheet stays closed.
  reply: { dijawab: 'baru' },
}

const verbs = {
  answer: { id: 'dijawab', en: 'answered' },
  refer: { id: 'dirujuk', en: 'referred' },
  close: { id: 'ditutup', en: 'closed' },
  reply: { id: 'dibalas penanya', en: 'replied to by the asker' },
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

/** How far ahead of the server's clock a device's clock may run before a time counts as future. */
export const CLOCK_SKEW_MINUTES = 5

/**
 * When a consultation happened: now when not given; a sheet written up later may be dated back, never
 * ahead (a typo in the year would also give it the wrong sheet number).
 */
export function checkOccurredAt(occurredAt: Date | undefined, now: Date): RuleResult<Date> {
  if (!occurredAt) return allow(now)
  if (minutesBetween(now, occurredAt) < CLOCK_SKEW_MINUTES) return allow(occurredAt)
  return deny({
    rule: 'consultation.occurredAt.future',
    params: { occurredAt: occurredAt.toISOString() },
    message: {
      id: 'Waktu konsultasi tidak boleh di masa mendatang.',
      en: 'The consultation cannot be dated in the future.',
    },
  })
}

/** Minutes from the consultation to its first answer or referral; null while nobody has responded. */
export function firstResponseMinutes(state: Pick<ConsultationState, 'occurredAt' | 'firstResponseAt'>) {
  return state.firstResponseAt ? Math.max(0, minutesBetween(state.occurredAt, state.firstResponseAt)) : null
}

/** Minutes from the consultation to its closing; null while it is open. */
export function resolutionMinutes(state: Pick<ConsultationState, 'occurredAt' | 'closedAt'>) {
  return state.closedAt ? Math.max(0, minutesBetween(state.occurredAt, state.closedAt)) : null
}

/**
 * The offices a referral has passed through: from the origin office's parent up to the office it is now
 * referred to, inclusive. Each of them handled it, so each may still read it; empty when the consultation
 * is not referred or the target is not above the origin.
 */
export function referralChain(
  offices: readonly OfficeNode[],
  originOfficeId: string,
  referredToOfficeId: string | null,
): string[] {
  if (!referredToOfficeId) return []
  const parentOf = new Map(offices.map((o) => [o.id, o.parentId]))
  const chain: string[] = []
  for (
    let id = parentOf.get(originOfficeId) ?? null;
    id && !chain.includes(id);
    id = parentOf.get(id) ?? null
  ) {
    chain.push(id)
    if (id === referredToOfficeId) return chain
  }
  return []
}
