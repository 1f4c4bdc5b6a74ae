import { MAX_ATTACHMENT_BYTES } from '@mejabantu/domain'

/** The JSON body limit for ordinary procedure calls. */
export const DEFAULT_BODY_LIMIT = '1mb'
/** Uploads carry the file as base64 (4/3 of its size) plus the rest of the input. */
export const UPLOAD_BODY_LIMIT = `${Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3 / 1024 / 1024) + 1}mb`

const uploads = new Set(['consultations.attach'])

/**
 * The body limit for a `/trpc` request path (`/a.b` or a batch `/a.b,c.d`): large only when every
 * procedure in it takes an upload, so no other call can smuggle a large body.
 */
export function bodyLimitFor(path: string): string {
  const procedures = path.replace(/^\//, '').split(',')
  return procedures.every((p) => uploads.has(p)) ? UPLOAD_BODY_LIMIT : DEFAULT_BODY_LIMIT
}
