import { randomInt, randomUUID } from 'node:crypto'
import path from 'node:path'
import type { AppRouter } from '@mejabantu/api'
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client'
import type { Page } from 'playwright-core'
import superjson from 'superjson'
import type { ServerUnderTest } from './server.ts'
import { pairingCode, type Api } from './staff.ts'

/**
 * Collects what must never happen on a page: script errors, console errors and failed requests. A test
 * may expect some refusals (a pengawas trying to write) and passes them in `allowed`.
 */
export function watchProblems(page: Page, allowed: RegExp[] = []): string[] {
  const problems: string[] = []
  // Before signing in, the console asks `auth.me` who is there; nobody is a 401 by design.
  const expected = [/401.*\/trpc\/auth\.me\b/, ...allowed]
  const keep = (text: string) => {
    if (!expected.some((pattern) => pattern.test(text))) problems.push(text)
  }
  page.on('pageerror', (error) => keep(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') keep(`${message.text()} ${message.location().url}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) keep(`${response.status()} ${response.url()}`)
  })
  return problems
}

/** Signs in through the console's own form and waits for the dashboard. */
export async function signInConsole(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/console/login`)
  await page.getByLabel(/Nama pengguna|Username/).fill(username)
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password)
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click()
  await page.getByTestId('dashboard').waitFor({ timeout: 20_000 })
}

/** A tablet paired with a one-time code from the admin's office; it checks walk-ins in by its token. */
export async function pairedKiosk(server: ServerUnderTest, admin: Api) {
  let token = ''
  const kiosk: TRPCClient<AppRouter> = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.url}/trpc`,
        transformer: superjson,
        headers: () => ({ origin: server.url, ...(token && { authorization: `Bearer ${token}` }) }),
      }),
    ],
  })
  token = (await kiosk.kiosk.pair.mutate({ code: await pairingCode(admin) })).token
  return {
    /** A walk-in as the kiosk sends it, with the default consent text. */
    checkIn: (name: string, topic: 'syarat_calon' | 'silon' = 'syarat_calon') =>
      kiosk.kiosk.checkIn.mutate({
        clientId: randomUUID(),
        guest: {
          name,
          institution: 'Partai Contoh',
          phone: `+62812${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
          category: 'lo',
        },
        topic,
        purpose: 'Menanyakan syarat calon',
        consentVersion: 'default-2024',
      }),
  }
}

/** A date in WIB, the Bantul office's zone, `offsetDays` from today. */
export const wibDate = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10)

/**
 * A Bantul regent election whose perbaikan window is open now and closes within 72 hours, and one party
 * pair registered for it: what the research journey and the dashboard's deadlines need.
 */
export async function electionWithPair(admin: Api) {
  const election = await admin.elections.create.mutate({
    name: 'Pilkada 2024 Bupati dan Wakil Bupati Bantul',
    kind: 'bupati',
    regionCode: '34.02',
    year: 2024,
    overrides: [{ stage: 'perbaikan', startsAt: `${wibDate(-1)}T00:00`, endsAt: `${wibDate(1)}T23:59` }],
  })
  const pair = await admin.candidates.create.mutate({
    electionId: election.id,
    ballotNumber: 1,
    pair: {
      pathway: 'partai',
      parties: ['Partai Amanah', 'Partai Bintang'],
      candidates: [
        { role: 'kepala', fullName: 'Budi Santoso', birthDate: '1975-03-01' },
        { role: 'wakil', fullName: 'Siti Aminah', birthDate: '1980-07-12' },
      ],
      liaisonOfficer: { name: 'Andi Wijaya', phone: '081234567890', email: 'andi.wijaya@example.id' },
    },
  })
  return { election, pair }
}

const screenshots = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'apps',
  'console',
  'docs',
  'screenshots',
)

/** A screenshot for the console's README (apps/console/docs/screenshots), without passing toasts. */
export async function screenshot(page: Page, name: string) {
  const style = await page.addStyleTag({ content: 'ol[data-slot="viewport"] { visibility: hidden; }' })
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) })
  await style.evaluate((node) => (node as Element).remove())
}
