import type { Label, RuleViolation } from '@mejabantu/domain'
import type { TRPC_ERROR_CODE_KEY, TRPCDefaultErrorShape, TRPCError } from '@trpc/server'
import { z } from 'zod'
import { violation, RuleViolationError } from './errors.ts'

/** One field the input schema refused, with what to tell the person who typed it. */
export interface FieldIssue {
  path: (string | number)[]
  message: Label
}

/** What every failed procedure answers with in `error.data`; stable, translated, no internals. */
export interface ErrorData {
  code: TRPC_ERROR_CODE_KEY
  httpStatus: number
  path?: string
  rule: string
  params: Record<string, string>
  message: Label
  /** Only for `rule: 'input.invalid'`. */
  issues?: FieldIssue[]
}

export interface ErrorShape {
  code: number
  /** The Indonesian text of `data.message`, for clients that show only one string. */
  message: string
  data: ErrorData
}

/** Also what the body limits answer for a body they cannot read, or one over its limit. */
export const unreadableRequest = violation(
  'request.malformed',
  {},
  'Permintaan tidak dapat dibaca.',
  'The request could not be read.',
)
export const tooLargeRequest = violation(
  'request.too_large',
  {},
  'Permintaan terlalu besar.',
  'The request is too large.',
)

const serverError = violation(
  'server.error',
  {},
  'Terjadi kesalahan di server. Silakan coba lagi.',
  'Something went wrong on the server. Please try again.',
)

// Errors raised by tRPC itself or thrown without a violation: their own messages may name internals
// (a Prisma error carries SQL), so clients get a fixed text per code instead.
const byCode: Partial<Record<TRPC_ERROR_CODE_KEY, RuleViolation>> = {
  INTERNAL_SERVER_ERROR: serverError,
  NOT_FOUND: violation('request.not_found', {}, 'Permintaan tidak dikenal.', 'Unknown request.'),
  PARSE_ERROR: unreadableRequest,
  BAD_REQUEST: violation('request.invalid', {}, 'Permintaan tidak valid.', 'Invalid request.'),
  METHOD_NOT_SUPPORTED: violation(
    'request.method',
    {},
    'Metode permintaan tidak didukung.',
    'Request method not supported.',
  ),
  PAYLOAD_TOO_LARGE: tooLargeRequest,
}
const fallback = violation(
  'request.failed',
  {},
  'Permintaan tidak dapat diproses.',
  'The request could not be processed.',
)

const inputInvalid = violation(
  'input.invalid',
  {},
  'Isian tidak valid. Periksa kolom yang ditandai.',
  'Invalid input. Check the marked fields.',
)

/** The errorFormatter of every procedure: the violation, or a fixed text for the code; never a stack. */
export function formatError({
  shape,
  error,
}: {
  shape: TRPCDefaultErrorShape
  error: TRPCError
}): ErrorShape {
  const issues = inputIssues(error)
  const { rule, params, message } =
    error instanceof RuleViolationError
      ? error.violation
      : issues
        ? inputInvalid
        : (byCode[error.code] ?? fallback)
  return {
    code: shape.code,
    message: message.id,
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      ...(shape.data.path === undefined ? {} : { path: shape.data.path }),
      rule,
      params,
      message,
      ...(issues ? { issues } : {}),
    },
  }
}

/** Field issues when the input schema refused the input (tRPC wraps the ZodError in a BAD_REQUEST). */
function inputIssues(error: TRPCError): FieldIssue[] | null {
  if (error.code !== 'BAD_REQUEST' || !(error.cause instanceof z.ZodError)) return null
  return error.cause.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: { id: indonesian(issue), en: issue.message },
  }))
}

const indonesianLocale = z.locales.id().localeError

function indonesian(issue: z.core.$ZodIssue): string {
  // Zod drops the received value from finished issues, so its "diterima …" part would be wrong here.
  if (issue.code === 'invalid_type') return `Input tidak valid: diharapkan ${issue.expected}`
  const text = indonesianLocale(issue as unknown as Parameters<typeof indonesianLocale>[0])
  return (typeof text === 'string' ? text : text?.message) ?? 'Input tidak valid'
}
