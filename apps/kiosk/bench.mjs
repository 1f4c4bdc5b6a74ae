// Prints the kiosk's initial JavaScript, gzipped: the entry module and every module the built page
// preloads with it (`modulepreload`), i.e. what a tablet fetches before the welcome screen shows. Lazy
// steps the page only `prefetch`es load later, at idle time, and are listed separately.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const root = path.join(import.meta.dirname, '.output', 'public')
const html = readFileSync(path.join(root, 'index.html'), 'utf8')
const scriptsOf = (pattern) => [...new Set([...html.matchAll(pattern)].map((m) => m[1]))]
const initial = scriptsOf(
  /(?:rel="modulepreload"[^>]*href|type="module" src)="\/kiosk\/(_nuxt\/[\w.-]+\.js)"/g,
)
const lazy = scriptsOf(/rel="prefetch" as="script"[^>]*href="\/kiosk\/(_nuxt\/[\w.-]+\.js)"/g)
const gzipped = (files) =>
  files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(root, file)), { level: 9 }).length, 0)
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB gzip`
console.log(`kiosk initial JavaScript: ${initial.length} files, ${kb(gzipped(initial))} (budget 120 KB)`)
console.log(`kiosk lazy steps, fetched at idle: ${lazy.length} files, ${kb(gzipped(lazy))}`)
