import { z } from 'zod'
import type { Label } from './labels.ts'

/** A domain rule that said no: a stable rule name for code and logs, and a message for people. */
export interface RuleViolation {
  rule: string
  params: Record<string, string>
  message: Label
}

/** A violation as it travels to a client that shows it (e.g. a finding in the dossier). */
export const RuleViolationSchema = z.object({
  rule: z.string(),
  params: z.record(z.string(), z.string()),
  message: z.object({ id: z.string(), en: z.string() }),
})

/** What a rule returns: the value it allows, or why it refuses. */
export type RuleResult<T> = { ok: true; value: T } | { ok: false; violation: RuleViolation }

/** A rule's yes. */
export const allow = <T>(value: T): RuleResult<T> => ({ ok: true, value })
/** A rule's no, with the violation. */
export const deny = <T = never>(violation: RuleViolation): RuleResult<T> => ({ ok: false, violation })
