import { checkSafeInput, normaliseInput } from '@mejabantu/domain'
import superjson from 'superjson'
import { ensure, violation, refuse } from './errors.ts'

const malformedInput = violation(
  'input.malformed',
  {},
  'Isian tidak dapat dibaca.',
  'The input could not be read.',
)

/**
 * The raw input of any call, before its schema reads it: refused (BAD_REQUEST, nothing done) when it
 * nests too deeply, carries a control character or a lone surrogate in any text, or a key that reaches
 * a prototype; otherwise returned with its text in NFC.
 */
export function guardInput(raw: unknown): unknown {
  ensure(checkSafeInput(raw))
  return normaliseInput(raw)
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * superjson for inputs, over HTTP. The payload as sent goes through the same check first, since
 * superjson's copy would make a `__proto__` key the copy's prototype, hidden from any later walk; a
 * payload it then cannot turn back into values (unknown types, paths through a prototype) is refused as
 * the caller's mistake, not failed as ours.
 */
export const inputTransformer = {
  serialize: (value: unknown) => superjson.serialize(value),
  deserialize: (payload: unknown): unknown => {
    // The input and superjson's notes on it are checked apart, so paths and depth are the input's own.
    const { json, meta } = isRecord(payload) ? payload : { json: payload, meta: undefined }
    ensure(checkSafeInput(json))
    ensure(checkSafeInput(meta))
    try {
      return superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0])
    } catch {
      refuse('BAD_REQUEST', malformedInput)
    }
  },
}
