import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'

const artifacts = path.resolve(import.meta.dirname, '..', 'artifacts')

describe('the console renders the server health through tRPC', () => {
  let server: ServerUnderTest
  let browser: Browser

  beforeAll(async () => {
    await mkdir(artifacts, { recursive: true })
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it.each(['console'])('%s shows the health status', async (app) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${message.text()} ${message.location().url}`)
    })
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`)
    })

    await page.goto(`${server.url}/${app}/`)
    const status = page.getByTestId('health-status')
    await status.waitFor({ timeout: 20_000 })
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('ok')
    await page.screenshot({ path: path.join(artifacts, `${app}-health.png`) })

    expect(problems, 'no script errors or CSP violations').toEqual([])
    await page.close()
  })
})
