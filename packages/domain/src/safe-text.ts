import { allow, deny, type RuleResult, type RuleViolation } from './rules.ts'

/** How deeply objects and arrays may nest in one procedure's input; no form comes near it. */
export const MAX_INPUT_DEPTH = 64

/** How many calls one request may batch; the browser apps' clients split larger batches themselves. */
export const MAX_BATCH_CALLS = 20

/** Object keys that reach an object's prototype when assigned; never a field of ours. */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype']

// C0 and C1 controls and DEL, except tab, line feed and carriage return. NUL among them is what
// PostgreSQL refuses to store; the others only hide or garble text on a screen or in a report.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
// Embeddings, overrides and isolates: they reorder how text is shown, so `a\u202Egnp.pdf` reads as
// `afdp.png`.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
const NON_ASCII = /[^\u0000-\u007F]/
// Half of a surrogate pair on its own: no character at all, and stored as U+FFFD, so not as sent.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Whether `text` holds a control character other than tab, line feed and carriage return. */
export const hasControlCharacter = (text: string): boolean => CONTROL_CHARACTER.test(text)

/** Whether `text` holds a Unicode bidirectional embedding, override or isolate. */
export const hasBidiControl = (text: string): boolean => BIDI_CONTROL.test(text)

/** Whether `key` would reach the prototype of the object it is set on. */
export const isPrototypeKey = (key: string): boolean => PROTOTYPE_KEYS.includes(key)

/** `text` in Unicode NFC, so the same name typed on two keyboards is stored and found as one. */
export function normaliseText(text: string): string {
  // Most input is ASCII (uploads are base64), which NFC leaves as it is; skip the costly call then.
  return NON_ASCII.test(text) ? text.normalize('NFC') : text
}

const violation = (rule: string, params: Record<string, string>, id: string, en: string): RuleViolation => ({
  rule,
  params,
  message: { id, en },
})

const inputTooDeep = () =>
  violation(
    'input.tooDeep',
    { max: String(MAX_INPUT_DEPTH) },
    `Isian bersarang terlalu dalam (lebih dari ${MAX_INPUT_DEPTH} tingkat).`,
    `The input is nested too deeply (more than ${MAX_INPUT_DEPTH} levels).`,
  )

/** A request may batch at most {@link MAX_BATCH_CALLS} calls. */
export function checkBatchSize(calls: number): RuleResult<true> {
  if (calls <= MAX_BATCH_CALLS) return allow(true)
  return deny(
    violation(
      'request.batchTooLarge',
      { calls: String(calls), max: String(MAX_BATCH_CALLS) },
      `Satu permintaan memuat paling banyak ${MAX_BATCH_CALLS} panggilan.`,
      `One request may carry at most ${MAX_BATCH_CALLS} calls.`,
    ),
  )
}

type Visit = (value: unknown, path: string) => RuleViolation | null

/**
 * Walks plain objects, arrays, Maps and Sets without recursion (so no input can overflow the stack),
 * calling `visit` on every key and value; stops at the first violation or at a container nested
 * deeper than `maxDepth`.
 */
function walk(value: unknown, maxDepth: number, visit: Visit): RuleResult<true> {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }]
  while (pending.length > 0) {
    const { value: current, path, depth } = pending.pop()!
    const found = visit(current, path)
    if (found) return deny(found)
    const children = childrenOf(current, path)
    if (!children) continue
    if (depth >= maxDepth) return deny(inputTooDeep())
    for (const child of children) pending.push({ ...child, depth: depth + 1 })
  }
  return allow(true)
}

type Child = { value: unknown; path: string }

/** The keys and values inside a container; null for anything that holds none. */
function childrenOf(value: unknown, path: string): Child[] | null {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key))
  if (Array.isArray(value)) return value.map((item, i) => ({ value: item, path: at(i) }))
  if (value instanceof Set) return [...value].map((item, i) => ({ value: item, path: at(i) }))
  if (value instanceof Map) {
    return [...value].flatMap(([key, item], i) => [
      { value: key, path: at(i) },
      { value: item, path: at(i) },
    ])
  }
  if (!isPlainObject(value)) return null
  // Own keys only, `__proto__` included: JSON.parse makes it an ordinary own key.
  return Object.entries(value).flatMap(([key, item]) => [
    { value: new ObjectKey(key), path: at(printable(key)) },
    { value: item, path: at(printable(key)) },
  ])
}

// Marks a key among the walked values, so keys and strings are checked by one visitor.
class ObjectKey {
  constructor(readonly key: string) {}
}

// A path names the field for the client; a hostile key must not carry its controls into the answer.
const printable = (key: string) => key.replace(new RegExp(CONTROL_CHARACTER, 'g'), '\uFFFD').slice(0, 60)

// What JSON and superjson make of an object; Dates and the walk's own key markers hold nothing to check.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** Whether `value` nests objects and arrays at most `maxDepth` levels deep. */
export function checkInputDepth(value: unknown, maxDepth = MAX_INPUT_DEPTH): RuleResult<true> {
  return walk(value, maxDepth, () => null)
}

/**
 * What any procedure's input must be before its schema reads it: nested at most {@link MAX_INPUT_DEPTH}
 * levels, no text (value or key) with a control character other than tab and line breaks or with a
 * lone UTF-16 surrogate, and no key that reaches a prototype.
 */
export function checkSafeInput(value: unknown, maxDepth = MAX_INPUT_DEPTH): RuleResult<true> {
  return walk(value, maxDepth, (item, path) => {
    const text = item instanceof ObjectKey ? item.key : item
    if (item instanceof ObjectKey && isPrototypeKey(item.key)) {
      return violation(
        'input.prototypeKey',
        { key: item.key, path },
        `Nama kolom "${item.key}" tidak diizinkan.`,
        `The field name "${item.key}" is not allowed.`,
      )
    }
    if (typeof text !== 'string') return null
    if (hasControlCharacter(text)) {
      return violation(
        'input.controlCharacter',
        { path },
        'Isian mengandung karakter kendali yang tidak diizinkan.',
        'The input contains a control character that is not allowed.',
      )
    }
    if (LONE_SURROGATE.test(text)) {
      return violation(
        'input.malformedText',
        { path },
        'Isian mengandung teks Unicode yang rusak.',
        'The input contains broken Unicode text.',
      )
    }
    return null
  })
}

/**
 * A copy of `value` with every string (and object key) in NFC; anything else as it was. Recursive:
 * call it on input {@link checkSafeInput} has passed, whose depth is bounded.
 */
export function normaliseInput<T>(value: T): T {
  if (typeof value === 'string') return normaliseText(value) as T
  if (Array.isArray(value)) return value.map(normaliseInput) as T
  if (!isPlainObject(value)) return value
  // Plain objects only (Dates, Maps and Sets pass as they are); defineProperty, so no key is a setter.
  const copy = {}
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(copy, normaliseText(key), {
      value: normaliseInput(item),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return copy as T
}
