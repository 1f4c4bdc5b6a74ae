import { describe, expect, it } from 'vitest'
import {
  checkBatchSize,
  checkInputDepth,
  checkSafeInput,
  hasBidiControl,
  hasControlCharacter,
  MAX_BATCH_CALLS,
  MAX_INPUT_DEPTH,
  normaliseInput,
  normaliseText,
} from './safe-text.ts'

const nest = (levels: number): unknown => {
  let value: unknown = 'x'
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value }
  return value
}
const ruleOf = (result: ReturnType<typeof checkSafeInput>) => (result.ok ? null : result.violation.rule)

describe('control characters', () => {
  it('finds NUL, other C0 and C1 controls and DEL, but not tab and line breaks', () => {
    for (const text of ['a\u0000b', '\u0007', '\u001B[31m', '\u007F', '\u0085', '\u009F']) {
      expect(hasControlCharacter(text), JSON.stringify(text)).toBe(true)
    }
    expect(hasControlCharacter('Baris satu\r\nbaris\tdua\n')).toBe(false)
    expect(hasControlCharacter('Ngayogyakarta Hadiningrat, ĕ, 候选人')).toBe(false)
  })

  it('finds bidi embeddings, overrides and isolates', () => {
    for (const c of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      expect(hasBidiControl(`a${c}b`)).toBe(true)
    }
    expect(hasBidiControl('سند رسمي')).toBe(false)
  })
})

describe('safe input', () => {
  it('takes ordinary input, dates and text with line breaks', () => {
    const input = { guest: { name: 'Budi', note: 'satu\ndua' }, on: new Date(), tags: ['a', 1, null, true] }
    expect(checkSafeInput(input)).toEqual({ ok: true, value: true })
    expect(checkSafeInput('text')).toEqual({ ok: true, value: true })
    expect(checkSafeInput(undefined)).toEqual({ ok: true, value: true })
  })

  it('refuses a control character in any value or key, naming where', () => {
    const found = checkSafeInput({ guest: { name: 'Budi\u0000' } })
    expect(found.ok || found.violation).toMatchObject({
      rule: 'input.controlCharacter',
      params: { path: 'guest.name' },
      message: { id: expect.stringContaining('karakter kendali'), en: expect.stringContaining('control') },
    })
    expect(ruleOf(checkSafeInput({ list: [['ok', 'no\u0001']] }))).toBe('input.controlCharacter')
    const inKey = checkSafeInput({ ['na\u0000me']: 'x' })
    expect(inKey.ok || inKey.violation).toMatchObject({ params: { path: 'na\uFFFDme' } })
    expect(ruleOf(checkSafeInput(new Map([['k', 'v\u0000']])))).toBe('input.controlCharacter')
    expect(ruleOf(checkSafeInput(new Set(['\u0085'])))).toBe('input.controlCharacter')
  })

  it('refuses a lone surrogate but takes a pair', () => {
    expect(ruleOf(checkSafeInput({ q: 'a\uD800b' }))).toBe('input.malformedText')
    expect(ruleOf(checkSafeInput({ q: '\uDC00' }))).toBe('input.malformedText')
    expect(checkSafeInput({ q: 'senyum 😀' }).ok).toBe(true)
  })

  it('refuses keys that reach a prototype, however they were made', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const parsed = JSON.parse(`{"contacts": {"${key}": {"polluted": true}}}`) as unknown
      const found = checkSafeInput(parsed)
      expect(found.ok || found.violation).toMatchObject({
        rule: 'input.prototypeKey',
        params: { key, path: `contacts.${key}` },
      })
    }
    expect(ruleOf(checkSafeInput([{ ok: 1 }, { constructor: 'x' }]))).toBe('input.prototypeKey')
  })

  it(`allows ${MAX_INPUT_DEPTH} levels of nesting and refuses one more, without recursion`, () => {
    expect(checkInputDepth(nest(MAX_INPUT_DEPTH)).ok).toBe(true)
    expect(checkSafeInput(nest(MAX_INPUT_DEPTH)).ok).toBe(true)
    const deeper = checkSafeInput(nest(MAX_INPUT_DEPTH + 1))
    expect(deeper.ok || deeper.violation).toMatchObject({
      rule: 'input.tooDeep',
      params: { max: String(MAX_INPUT_DEPTH) },
    })
    // Deep enough to overflow any recursive walk.
    expect(ruleOf(checkInputDepth(nest(200_000)))).toBe('input.tooDeep')
    expect(checkInputDepth([[[[]]]], 3).ok).toBe(false)
    expect(checkInputDepth([[[]]], 3).ok).toBe(true)
  })
})

describe('normalised text', () => {
  it('turns decomposed letters into composed ones, in values and keys', () => {
    const decomposed = 'Kulon Progo e\u0301'
    expect(normaliseText(decomposed)).toBe('Kulon Progo \u00E9')
    const on = new Date(0)
    expect(normaliseInput({ ['e\u0301']: [decomposed, 1], on })).toEqual({
      ['\u00E9']: ['Kulon Progo \u00E9', 1],
      on,
    })
    expect(normaliseInput('ascii')).toBe('ascii')
  })
})

describe('batch size', () => {
  it(`takes up to ${MAX_BATCH_CALLS} calls in one request`, () => {
    expect(checkBatchSize(MAX_BATCH_CALLS).ok).toBe(true)
    const over = checkBatchSize(1000)
    expect(over.ok || over.violation).toMatchObject({
      rule: 'request.batchTooLarge',
      params: { calls: '1000', max: String(MAX_BATCH_CALLS) },
    })
  })
})
