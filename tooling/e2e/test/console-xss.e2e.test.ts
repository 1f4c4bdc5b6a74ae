import { maskName } from '@mejabantu/domain'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { signInConsole, watchProblems } from '../src/console.ts'
import { checkInNewVisitor, openKiosk, pair } from '../src/kiosk-page.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { firstAdmin, pairingCode, STAFF_PASSWORD, type Api } from '../src/staff.ts'
import { expectInert, watchDialogs, XSS } from '../src/xss.ts'
import { GUEST_PHONE, seed, staffNamed, typed, type Seeded } from './console-xss-seed.ts'

/** Who looks: a petugas, an admin, or anyone on the public page. */
type Viewer = 'petugas' | 'admin' | 'public'

interface ConsolePage {
  path: () => string
  shows: (viewer: Viewer) => string[]
  /** Opens what the page keeps folded: a history row, a modal. */
  open?: (page: Page) => Promise<void>
}

let seeded: Seeded

/** The dossier row of the party's document, returned with the typed reason. */
const researchedRow = (page: Page) =>
  page.getByRole('row').filter({ has: page.getByTestId('check-reason'), hasText: typed.party })

const staffPages: Record<string, ConsolePage> = {
  dashboard: {
    path: () => '/',
    shows: (viewer) => [
      typed.office,
      typed.election,
      typed.head,
      typed.deputy,
      typed.liaison,
      ...(viewer === 'petugas' ? [typed.staffName] : []),
    ],
  },
  queue: { path: () => '/queue', shows: () => [typed.guest, typed.kioskGuest] },
  'consultation list': {
    path: () => '/consultations',
    shows: () => [typed.asker, typed.guest, `Pertanyaan ${XSS.script}`],
  },
  'consultation sheet': {
    path: () => `/consultations/${seeded.sheetId}`,
    shows: () => [
      typed.office,
      typed.asker,
      typed.askerInstitution,
      typed.askerContact,
      typed.staffName,
      typed.question,
      `${typed.participant} (${typed.participantInstitution})`,
      typed.minutes,
      typed.answer,
      typed.legalBasis,
      typed.fileName,
    ],
  },
  'referred sheet': {
    path: () => `/consultations/${seeded.referredId}`,
    shows: () => [typed.guest, typed.guestInstitution, typed.purpose, typed.referral],
  },
  'printable sheet': {
    path: () => `/consultations/${seeded.sheetId}/print`,
    shows: () => [typed.office, typed.asker, typed.question, typed.answer, typed.staffName],
  },
  pairs: { path: () => '/pairs', shows: () => [typed.head, typed.deputy, typed.party] },
  dossier: {
    path: () => `/pairs/${seeded.pairId}`,
    shows: () => [
      typed.head,
      typed.deputy,
      typed.election,
      typed.party,
      typed.liaison,
      typed.reason,
      typed.evidence,
      typed.staffName,
      typed.place,
      typed.attendee,
      typed.documentRef,
      typed.asker,
      `“${typed.reason}”`,
    ],
    open: async (page) => {
      await researchedRow(page).getByRole('button', { name: 'Riwayat penelitian' }).click()
    },
  },
  'research form': {
    path: () => `/pairs/${seeded.pairId}`,
    shows: () => [typed.party, typed.head],
    open: async (page) => {
      await researchedRow(page).getByTestId('research').click()
      await page.getByTestId('research-form').waitFor()
      expect(await page.getByTestId('research-reason').inputValue()).toBe(typed.reason)
    },
  },
  'pair edit form': {
    path: () => `/pairs/${seeded.pairId}`,
    shows: () => [typed.head],
    open: async (page) => {
      await page.getByTestId('edit-pair').click()
      const form = page.getByTestId('pair-edit-form')
      await expect.poll(() => form.getByLabel('Nama LO').inputValue()).toBe(typed.liaison)
    },
  },
  'report draft': { path: () => '/reports', shows: () => [typed.office, typed.staffName] },
  'finalised reports': { path: () => '/reports/final', shows: () => [typed.office, typed.staffName] },
  'finalised report': {
    path: () => `/reports/${seeded.reportId}`,
    shows: () => [typed.office, typed.staffName],
  },
}

const adminPages: Record<string, ConsolePage> = {
  users: { path: () => '/admin/users', shows: () => [typed.staffName] },
  offices: { path: () => '/admin/offices', shows: () => [typed.office] },
  devices: { path: () => '/admin/devices', shows: () => [typed.device] },
  elections: { path: () => '/admin/elections', shows: () => [typed.election] },
  'consent texts': {
    path: () => '/admin/consent',
    shows: () => [typed.consentVersion, typed.consentBody.id],
  },
  'privacy search': {
    path: () => '/admin/privacy',
    shows: () => [maskName(typed.guest)],
    open: async (page) => {
      await page.getByTestId('privacy-query').fill(GUEST_PHONE)
      await page.getByTestId('privacy-query').press('Enter')
    },
  },
}

describe('script typed into free-text fields shows as text and never runs', () => {
  let server: ServerUnderTest
  let browser: Browser
  let adminApi: Api
  const sessions = {} as Record<Viewer, { page: Page; problems: string[]; dialogs: string[] }>

  // The CSP alone would block inline handlers; with it bypassed, only inert rendering keeps payloads from running.
  async function openPage(viewer: Viewer) {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      bypassCSP: true,
      timezoneId: 'Asia/Jakarta',
    })
    const page = await context.newPage()
    sessions[viewer] = { page, problems: watchProblems(page), dialogs: watchDialogs(page) }
    return page
  }

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    const admin = await firstAdmin(server)
    adminApi = admin.api
    const petugas = await staffNamed(admin.api, server.url, { username: 'sari', role: 'petugas' })
    seeded = await seed(server, admin.api, petugas.api)
    await signInConsole(await openPage('petugas'), server.url, petugas.username, STAFF_PASSWORD)
    await signInConsole(await openPage('admin'), server.url, admin.username, admin.password)
    await openPage('public')
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  async function visit(viewer: Viewer, target: ConsolePage) {
    const { page, problems, dialogs } = sessions[viewer]
    await page.goto(`${server.url}/console${target.path()}`)
    await target.open?.(page)
    await expectInert(page, target.shows(viewer))
    expect(problems).toEqual([])
    expect(dialogs).toEqual([])
  }

  for (const role of ['petugas', 'admin'] as const) {
    describe(`signed in as ${role}`, () => {
      for (const [name, target] of Object.entries(staffPages)) {
        it(`the ${name}`, () => visit(role, target))
      }
    })
  }

  describe('on the admin pages', () => {
    for (const [name, target] of Object.entries(adminPages)) {
      it(`the ${name}`, () => visit('admin', target))
    }
  })

  describe('on the public page, signed out', () => {
    it('the list of offices', () =>
      visit('public', { path: () => '/publik', shows: () => [typed.office, typed.hours] }))

    it('the office page and its share post', async () => {
      await visit('public', {
        path: () => '/publik/34.02',
        shows: () => [typed.office, typed.hours, typed.contactChannel, typed.contactAddress],
      })
      const { page } = sessions.public
      await expect.poll(() => page.getByTestId('share-text').inputValue()).toContain(typed.office)
      await expectInert(page, [])
    })
  })

  it('on the kiosk: the office name and the consent text a visitor reads', async () => {
    const { context, page, problems } = await openKiosk(browser, server.url)
    await pair(page, await pairingCode(adminApi))
    await checkInNewVisitor(
      page,
      { category: 'lo', phone: '081234567003', name: typed.walkIn, topic: 'silon' },
      async (current, step) => {
        if (step === 'category') await expectInert(current, [typed.office])
        if (step === 'consent') await expectInert(current, [typed.consentBody.id])
      },
    )
    await context.close()
    expect(problems).toEqual([])
  })
})
