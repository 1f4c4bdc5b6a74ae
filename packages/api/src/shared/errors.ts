import type { RuleResult, RuleViolation } from '@mejabantu/domain'
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server'

/**
 * The one way a procedure says no: a tRPC error (its code picks the HTTP status) carrying a domain-style
 * violation, which the error formatter hands to the client as `data.rule`, `data.params`, `data.message`.
 */
export class RuleViolationError extends TRPCError {
  readonly violation: RuleViolation

  constructor(code: TRPC_ERROR_CODE_KEY, violation: RuleViolation) {
    super({ code, message: violation.message.en })
    this.violation = violation
  }
}

/** Throws the violation as a tRPC error with the given code. */
export function refuse(code: TRPC_ERROR_CODE_KEY, violation: RuleViolation): never {
  throw new RuleViolationError(code, violation)
}

/** The value of an allowed rule result; a denied one is thrown with `code` (default BAD_REQUEST). */
export function ensure<T>(result: RuleResult<T>, code: TRPC_ERROR_CODE_KEY = 'BAD_REQUEST'): T {
  if (!result.ok) refuse(code, result.violation)
  return result.value
}

/** A refusal worded in both languages; `params` are what a client needs to word it itself. */
export const violation = (
  rule: string,
  params: Record<string, string>,
  id: string,
  en: string,
): RuleViolation => ({
  rule,
  params,
  message: { id, en },
})
