import type { RuleViolation } from '@mejabantu/domain'
import {
  getTRPCErrorShape,
  transformTRPCResponse,
  type AnyTRPCRouter,
  type TRPC_ERROR_CODE_KEY,
} from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import type { Response } from 'express'
import type { Context } from './context.ts'
import { refuse, RuleViolationError } from './errors.ts'
import { authViolations } from '../auth/violations.ts'

/**
 * Refuses a mutation another site's page sent. Browsers add `Origin` to every POST and `Sec-Fetch-Site`
 * to every request; clients that are not browsers send neither and are held to the CSRF token instead.
 */
export function ensureSameOrigin(request: Context['request']): void {
  const origin = request.header('origin')
  const site = request.header('sec-fetch-site')
  const crossOrigin =
    (origin !== undefined && origin !== request.origin) ||
    (site !== undefined && site !== 'same-origin' && site !== 'none')
  if (crossOrigin) refuse('FORBIDDEN', authViolations.crossOrigin())
}

/**
 * Answers a `/trpc` request refused before tRPC reads it exactly as tRPC answers a refusal: the
 * router's error formatter and transformer, the status of the code. One answer for the whole request,
 * which the tRPC client hands to every call of a batch.
 */
export function sendRefusal(
  res: Response,
  router: AnyTRPCRouter,
  code: TRPC_ERROR_CODE_KEY,
  violation: RuleViolation,
): void {
  const error = new RuleViolationError(code, violation)
  const config = router._def._config
  const shape = getTRPCErrorShape({
    config,
    error,
    type: 'unknown',
    path: undefined,
    input: undefined,
    ctx: undefined,
  })
  res.status(getHTTPStatusCodeFromError(error)).json(transformTRPCResponse(config, { error: shape }))
}
