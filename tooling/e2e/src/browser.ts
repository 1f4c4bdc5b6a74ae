import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]

/** Debian's chromium (or CHROMIUM_PATH), headless, with no background traffic to the internet. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = candidates.find((p): p is string => !!p && existsSync(p))
  if (!executablePath) {
    throw new Error(
      'No Chromium found: `apt-get install chromium`, or set CHROMIUM_PATH to a Chrome/Chromium binary.',
    )
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
