import fc from 'fast-check'
import superjson from 'superjson'

/** One probe: the text a client sends as a call's input, and whether the server must refuse it. */
export interface Probe {
  wire: string
  /** Refused whatever the procedure: control characters, lone surrogates, prototype keys, deep nesting. */
  mustRefuse: boolean
}

// Zod keeps a schema's structure in `_zod.def`; reading it lets the fuzzer fill the fields a procedure
// actually reads, so hostile text reaches past the top level (`guest.name`, not only `guest`).
interface SchemaDef {
  type: string
  shape?: Record<string, { _zod: { def: SchemaDef } }>
  innerType?: { _zod: { def: SchemaDef } }
  in?: { _zod: { def: SchemaDef } }
  element?: { _zod: { def: SchemaDef } }
  options?: { _zod: { def: SchemaDef } }[]
  entries?: Record<string, string | number>
  values?: unknown[]
}

const controls = ['\u0000', '\u0001', '\u0008', '\u000B', '\u001B', '\u007F', '\u0085', '\u009F']
const around = (inner: fc.Arbitrary<string>) =>
  fc.tuple(fc.string({ maxLength: 8 }), inner, fc.string({ maxLength: 8 })).map((parts) => parts.join(''))

/** Text no field may hold. */
export const forbiddenText = fc.oneof(
  around(fc.constantFrom(...controls)),
  around(fc.constantFrom('\uD800', '\uDFFF', '\uDBFFx')),
)

/**
 * Text that is allowed but awkward: bidi controls, decomposed letters, scripts, emoji, sheer length (in
 * a body past its 1 MB limit; in a URL only what Node reads before its header limit cuts the connection).
 */
export const awkwardText = (query: boolean) =>
  fc.oneof(
    around(fc.constantFrom('\u202E', '\u202A', '\u2066', '\u2069')),
    around(fc.constantFrom('e\u0301', 'سند', '候选人', '😀', '\'; DROP TABLE "Visit"; --', '<script>')),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(...(query ? [2_000, 6_000] : [20_000, 1_100_000])).map((n) => 'x'.repeat(n)),
  )

const leaf = (hostile: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 3, arbitrary: hostile },
    fc.string({ maxLength: 30 }),
    fc.uuid(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
  )

/** Values shaped like `def`: its object fields and enum values, with `hostile` text at the leaves. */
function shaped(def: SchemaDef | undefined, hostile: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<unknown> {
  if (!def || depth > 6) return leaf(hostile)
  const inner = (next?: { _zod: { def: SchemaDef } }) => shaped(next?._zod.def, hostile, depth + 1)
  switch (def.type) {
    case 'object': {
      const fields = Object.entries(def.shape ?? {}).map(([key, schema]) => [key, inner(schema)] as const)
      return fc.record(Object.fromEntries(fields), { requiredKeys: [] })
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType)
    case 'pipe':
      return inner(def.in)
    case 'array':
      return fc.array(inner(def.element), { maxLength: 3 })
    case 'union':
      return def.options?.length ? fc.oneof(...def.options.map((o) => inner(o))) : leaf(hostile)
    case 'enum':
      return fc.oneof(fc.constantFrom(...Object.values(def.entries ?? { x: 'x' })), leaf(hostile))
    case 'literal':
      return fc.oneof(fc.constantFrom(...(def.values ?? ['x'])), leaf(hostile))
    default:
      return leaf(hostile)
  }
}

const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Whether any text in `value` holds a control character or a lone surrogate. */
function holdsForbidden(value: unknown): boolean {
  if (typeof value === 'string') return FORBIDDEN.test(value)
  if (Array.isArray(value)) return value.some(holdsForbidden)
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).some(([key, item]) => FORBIDDEN.test(key) || holdsForbidden(item))
  }
  return false
}

// Shaped values may have drawn no text at all; then the forbidden text is added where it still counts.
function withForbidden(value: unknown, bad: string): unknown {
  if (holdsForbidden(value)) return value
  if (Array.isArray(value)) return [...value, bad]
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return { ...value, q: bad }
  return bad
}

const asObject = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
    ? { ...value }
    : {}

const serialize = (input: unknown) => JSON.stringify(superjson.serialize(input))
const nestedText = (levels: number, open: string, close: string) =>
  `{"json":${open.repeat(levels)}0${close.repeat(levels)}}`

// A key that reaches a prototype, set as an own key at the top or one level down, as JSON.parse makes it.
function withPrototypeKey(input: unknown, key: string, nested: boolean): string {
  const hostile = { polluted: true }
  const base = asObject(input)
  const target: Record<string, unknown> = nested ? {} : base
  if (nested) base.nested = target
  Object.defineProperty(target, key, { value: hostile, enumerable: true })
  return JSON.stringify({ json: base })
}

/**
 * Probes for one procedure: arbitrary values and shapes (allowed to pass or fail), and hostile ones the
 * input guard must refuse whatever the procedure does with its input.
 */
export function probesFor(inputSchema: unknown, query: boolean): fc.Arbitrary<Probe> {
  const def = (inputSchema as { _zod?: { def: SchemaDef } } | undefined)?._zod?.def
  const allowed = (wire: string): Probe => ({ wire, mustRefuse: false })
  const refused = (wire: string): Probe => ({ wire, mustRefuse: true })
  // A URL holds only so much: queries nest less, so the refusal is ours and not Node's header limit.
  const maxLevels = query ? 1_500 : 20_000
  const awkward = awkwardText(query)
  return fc.oneof(
    fc
      .oneof(fc.anything(), fc.jsonValue(), fc.object())
      .map((v) => allowed(JSON.stringify({ json: v }) ?? '{}')),
    shaped(def, awkward).map((v) => allowed(serialize(v))),
    fc
      .tuple(shaped(def, awkward), fc.jsonValue())
      .map(([v, meta]) => allowed(JSON.stringify({ json: v, meta }))),
    fc.jsonValue().map((v) => allowed(JSON.stringify(v))),
    fc
      .tuple(shaped(def, forbiddenText), forbiddenText)
      .map(([v, bad]) => refused(serialize(withForbidden(v, bad)))),
    fc
      .tuple(shaped(def, awkward), forbiddenText)
      .map(([v, bad]) => refused(JSON.stringify({ json: { ...asObject(v), [bad]: 'x' } }))),
    fc
      .tuple(shaped(def, awkward), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.boolean())
      .map(([v, key, nested]) => refused(withPrototypeKey(v, key, nested))),
    fc
      .tuple(fc.integer({ min: 66, max: maxLevels }), fc.constantFrom(['[', ']'], ['{"a":', '}']))
      .map(([levels, [open, close]]) => refused(nestedText(levels, open!, close!))),
  )
}
