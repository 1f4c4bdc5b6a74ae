import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import express, { type Router } from 'express'
import { securityHeaders } from './security.ts'

export interface StaticApp {
  /** URL prefix, e.g. `/console`. */
  mount: string
  /** Folder with the generated SPA (`nuxt generate` output). */
  root: string
}

const require = createRequire(import.meta.url)

/** The console and the kiosk, located through their package names so the source and the bundle agree. */
export function builtApps(): StaticApp[] {
  return (['console', 'kiosk'] as const).map((name) => ({
    mount: `/${name}`,
    root: path.join(path.dirname(require.resolve(`@mejabantu/${name}/package.json`)), '.output', 'public'),
  }))
}

/** sha256 sources for every inline <script> of a page, so the CSP can allow exactly those. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? '')
    .filter((body) => body.length > 0)
    .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`)
}

/**
 * Serves one SPA: hashed assets with long caching, any other path falls back to the app's page so client
 * routing works after a reload. An app that has not been built answers 503 with the command to build it.
 */
export function staticAppRouter(app: StaticApp): Router {
  const router = express.Router()
  const fallback = ['200.html', 'index.html'].map((f) => path.join(app.root, f)).find((f) => existsSync(f))
  if (!fallback) {
    router.use((_req, res) => {
      res.status(503).type('text/plain').send(`${app.mount} is not built yet: run \`npm run build\`.\n`)
    })
    return router
  }
  const page = readFileSync(fallback, 'utf8')
  router.use(securityHeaders(inlineScriptHashes(page)))
  router.use('/_nuxt', express.static(path.join(app.root, '_nuxt'), { immutable: true, maxAge: '365d' }))
  router.use(express.static(app.root, { index: false, maxAge: 0 }))
  router.get('/{*path}', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(page)
  })
  return router
}
