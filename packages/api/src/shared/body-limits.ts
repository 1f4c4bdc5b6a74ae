import {
  checkBatchSize,
  checkInputDepth,
  MAX_ATTACHMENT_BYTES,
  MAX_INPUT_DEPTH,
  type RuleResult,
} from '@mejabantu/domain'
import type { AnyTRPCRouter } from '@trpc/server'
import express, { type Request, type RequestHandler } from 'express'
import { violation } from './errors.ts'
import { tooLargeRequest, unreadableRequest } from './error-format.ts'
import { sendRefusal } from './request-guards.ts'

/** The JSON body limit for ordinary procedure calls. */
export const DEFAULT_BODY_LIMIT = '1mb'
/** Uploads carry the file as base64 (4/3 of its size) plus the rest of the input. */
export const UPLOAD_BODY_LIMIT = `${Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3 / 1024 / 1024) + 1}mb`

const uploads = new Set(['consultations.attach', 'messaging.chatPreview', 'messaging.chatImport'])

/**
 * The body limit for a `/trpc` request path (`/a.b` or a batch `/a.b,c.d`): large only when every
 * procedure in it takes an upload, so no other call can smuggle a large body.
 */
export function bodyLimitFor(path: string): string {
  const procedures = path.replace(/^\//, '').split(',')
  return procedures.every((p) => uploads.has(p)) ? UPLOAD_BODY_LIMIT : DEFAULT_BODY_LIMIT
}

/**
 * What `/trpc` does to a request before tRPC reads it, the same in apps/server and in the tests: at most
 * `MAX_BATCH_CALLS` calls, a JSON body within its limit, and no input (body or `?input=`) nested deeper
 * than `MAX_INPUT_DEPTH`. Each refusal is a typed 4xx in tRPC's own shape; no procedure runs.
 */
export function trpcRequestLimits(router: AnyTRPCRouter): RequestHandler[] {
  return [limitBatchSize(router), jsonBody(router), limitInputDepth(router)]
}

const notJson = violation(
  'request.not_json',
  {},
  'Isi permintaan harus berupa JSON.',
  'The request body must be JSON.',
)

// tRPC reads the procedure list from the decoded path, so a comma sent as %2C counts too.
function batchedCalls(req: Request): number {
  if (req.query.batch !== '1') return 1
  const path = req.path.replace(/^\//, '')
  try {
    return decodeURIComponent(path).split(',').length
  } catch {
    return path.split(',').length
  }
}

function limitBatchSize(router: AnyTRPCRouter): RequestHandler {
  return (req, res, next) => {
    const checked = checkBatchSize(batchedCalls(req))
    if (checked.ok) next()
    else sendRefusal(res, router, 'BAD_REQUEST', checked.violation)
  }
}

/** JSON bodies up to the limit of the procedures a request calls: uploads get room, nothing else does. */
function jsonBody(router: AnyTRPCRouter): RequestHandler {
  const parsers = new Map<string, RequestHandler>()
  return (req, res, next) => {
    // tRPC would read any other body itself, without a size limit; its clients send only JSON.
    if (req.method === 'POST' && hasBody(req) && !req.is('application/json')) {
      sendRefusal(res, router, 'UNSUPPORTED_MEDIA_TYPE', notJson)
      return
    }
    const limit = bodyLimitFor(req.path)
    if (!parsers.has(limit)) parsers.set(limit, express.json({ limit }))
    parsers.get(limit)!(req, res, (error?: unknown) => {
      if (!error) next()
      else if ((error as { status?: number }).status === 413) {
        sendRefusal(res, router, 'PAYLOAD_TOO_LARGE', tooLargeRequest)
      } else if ((error as { status?: number }).status === 415) {
        sendRefusal(res, router, 'UNSUPPORTED_MEDIA_TYPE', unreadableRequest)
      } else sendRefusal(res, router, 'BAD_REQUEST', unreadableRequest)
    })
  }
}

const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0'

// On the wire an input sits in superjson's `{ json }` and, in a batch, under its index: two levels more
// than the procedure's own guard allows, which then names the same rule.
const checkWireDepth = (value: unknown) => checkInputDepth(value, MAX_INPUT_DEPTH + 2)

function limitInputDepth(router: AnyTRPCRouter): RequestHandler {
  return (req, res, next) => {
    const checked = req.method === 'GET' ? checkQueryInput(req) : checkWireDepth(req.body)
    if (checked.ok) next()
    else sendRefusal(res, router, 'BAD_REQUEST', checked.violation)
  }
}

// A query's input is JSON in `?input=`, which tRPC parses itself; read it here as tRPC will.
function checkQueryInput(req: Request): RuleResult<true> {
  const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : ''
  const input = new URLSearchParams(search).get('input')
  if (input === null) return checkWireDepth(undefined)
  try {
    return checkWireDepth(JSON.parse(input))
  } catch {
    return { ok: false, violation: unreadableRequest }
  }
}
