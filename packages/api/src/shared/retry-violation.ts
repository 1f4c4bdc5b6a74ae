import type { RuleViolation } from '@mejabantu/domain'
import { violation } from './errors.ts'

type Unit = 'minutes' | 'seconds'
const UNIT_MS: Record<Unit, number> = { minutes: 60_000, seconds: 1000 }
const UNIT_TEXT: Record<Unit, { id: string; en: string }> = {
  minutes: { id: 'menit', en: 'minute' },
  seconds: { id: 'detik', en: 'second' },
}

/**
 * A refusal that says when to try again, rounded up to whole units (at least one), with the instant in
 * `params.retryAt` and the count under the unit's name for clients that word it themselves.
 */
export function retryViolation(
  rule: string,
  retryAt: Date,
  now: Date,
  unit: Unit,
  why: { id: string; en: string },
): RuleViolation {
  const count = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / UNIT_MS[unit]))
  const { id, en } = UNIT_TEXT[unit]
  return violation(
    rule,
    { retryAt: retryAt.toISOString(), [unit]: String(count) },
    `${why.id} Coba lagi dalam ${count} ${id}.`,
    `${why.en} Try again in ${count} ${en}${count === 1 ? '' : 's'}.`,
  )
}
