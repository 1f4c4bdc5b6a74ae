import type { Label } from './labels.ts'

/** A domain rule that said no: a stable rule name for code and logs, and a message for people. */
export interface RuleViolation {
  rule: string
  params: Record<string, string>
  message: Label
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; violation: RuleViolation }

export const allow = <T>(value: T): RuleResult<T> => ({ ok: true, value })
export const deny = <T = never>(violation: RuleViolation): RuleResult<T> => ({ ok: false, violation })
