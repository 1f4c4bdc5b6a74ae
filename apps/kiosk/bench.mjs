// Prints the kiosk's initial JavaScript: every script the built page loads or preloads, gzipped.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const root = path.join(import.meta.dirname, '.output', 'public')
const html = readFileSync(path.join(root, 'index.html'), 'utf8')
const scripts = [...new Set([...html.matchAll(/\/kiosk\/(_nuxt\/[\w.-]+\.js)/g)].map((m) => m[1]))]
const bytes = scripts.map((file) => gzipSync(readFileSync(path.join(root, file)), { level: 9 }).length)
const total = bytes.reduce((a, b) => a + b, 0)
console.log(`kiosk initial JavaScript: ${scripts.length} files, ${(total / 1024).toFixed(1)} KB gzip`)
