import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The apps' words: the same keys in both languages, and KPU's own vocabulary kept in Indonesian (one word
// for a consultation channel, no statistics jargon for leaders).
const apps = ['console', 'kiosk'] as const
const locale = (app: string, lang: 'id' | 'en') =>
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, `../../../apps/${app}/i18n/locales/${lang}.json`), 'utf8'),
  ) as Record<string, unknown>

function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]]
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  )
}

describe.each(apps)('the %s app’s words', (app) => {
  const id = new Map(leaves(locale(app, 'id')))
  const en = new Map(leaves(locale(app, 'en')))

  it('has every key in both languages', () => {
    expect([...id.keys()].filter((key) => !en.has(key))).toEqual([])
    expect([...en.keys()].filter((key) => !id.has(key))).toEqual([])
  })

  it('calls a channel "kanal" and speaks to leaders without p90 or median', () => {
    const offending = [...id].filter(([, text]) => /\bsaluran\b|\bp90\b|\bmedian\b/i.test(text))
    expect(offending).toEqual([])
  })
})
