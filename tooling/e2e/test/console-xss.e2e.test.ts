import { randomUUID } from 'node:crypto'
import { maskName } from '@mejabantu/domain'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { signInConsole, watchProblems, wibDate } from '../src/console.ts'
import { checkInNewVisitor, openKiosk, pair } from '../src/kiosk-page.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { firstAdmin, pairingCode, pairKiosk, staffClient, STAFF_PASSWORD, type Api } from '../src/staff.ts'
import { expectInert, watchDialogs, XSS } from '../src/xss.ts'

// One payload per free-text field, each with its own words, so a failure names the field.
const typed = {
  office: `KPU Kabupaten Bantul ${XSS.svg}`,
  hours: `Senin–Jumat ${XSS.img}`,
  contactChannel: `telepon ${XSS.script}`,
  contactAddress: XSS.url,
  staffName: `Sari ${XSS.script}`,
  device: `Kios lobi ${XSS.img}`,
  consentVersion: XSS.svg,
  consentBody: { id: `Persetujuan ${XSS.markup}`, en: `Consent ${XSS.markup}` },
  election: `Pilkada 2024 Bantul ${XSS.template}`,
  head: `Budi ${XSS.img}`,
  deputy: `Siti ${XSS.svg}`,
  party: `Partai ${XSS.script}`,
  liaison: `Andi ${XSS.svg}`,
  reason: `Alasan ${XSS.markup}`,
  evidence: `${XSS.url}//bukti`,
  place: `Ruang rapat ${XSS.img}`,
  attendee: `Sri ${XSS.script}`,
  documentRef: `${XSS.url}//BA-01`,
  guest: `Rahmat ${XSS.img}`,
  guestInstitution: `Partai Tamu ${XSS.svg}`,
  purpose: `Keperluan ${XSS.template}`,
  kioskGuest: `Dewi ${XSS.script}`,
  asker: `Yusuf ${XSS.svg}`,
  askerInstitution: `Partai Penanya ${XSS.img}`,
  askerContact: `${XSS.url}//kontak`,
  question: `Pertanyaan ${XSS.script}\n${XSS.markup}`,
  participant: `Peserta ${XSS.img}`,
  participantInstitution: `Instansi ${XSS.template}`,
  minutes: `Notulen ${XSS.markup}`,
  answer: `Jawaban ${XSS.markup}`,
  legalBasis: `PKPU 8/2024 ${XSS.svg}`,
  referral: `Rujukan ${XSS.template}`,
  fileName: `${XSS.img}.pdf`,
  walkIn: `Wati ${XSS.template}`,
} as const

const GUEST_PHONE = '081234567001'

interface Seeded {
  sheetId: string
  referredId: string
  pairId: string
  reportId: string
}

/** Everything a petugas and an admin enter, through the API, with a payload in every free-text field. */
async function seed(server: ServerUnderTest, admin: Api, petugas: Api): Promise<Seeded> {
  const office = (await admin.admin.offices.list.query()).find((o) => o.regionCode === '34.02')!
  await admin.admin.offices.update.mutate({
    id: office.id,
    name: typed.office,
    helpdeskHours: typed.hours,
    helpdeskContacts: { [typed.contactChannel]: typed.contactAddress },
  })
  await admin.consent.add.mutate({
    version: typed.consentVersion,
    effectiveFrom: wibDate(-1),
    retentionDays: 365,
    body: typed.consentBody,
  })
  const election = await admin.elections.create.mutate({
    name: typed.election,
    kind: 'bupati',
    regionCode: '34.02',
    year: 2024,
    // The perbaikan window is open, so a BMS document is due and the dashboard lists the pair.
    overrides: [{ stage: 'perbaikan', startsAt: `${wibDate(-1)}T00:00`, endsAt: `${wibDate(1)}T23:59` }],
  })
  const pair = await petugas.candidates.create.mutate({
    electionId: election.id,
    pair: {
      pathway: 'partai',
      parties: [typed.party],
      candidates: [
        { role: 'kepala', fullName: typed.head, birthDate: '1975-03-01' },
        { role: 'wakil', fullName: typed.deputy, birthDate: '1980-07-12' },
      ],
      liaisonOfficer: { name: typed.liaison, phone: '081234567890' },
    },
  })
  const dossier = await petugas.candidates.dossier.query({ pairId: pair.id })
  const partyCheck = dossier.groups.syarat_pencalonan.find((c) => c.subject === typed.party)!
  await petugas.requirements.record.mutate({
    checkId: partyCheck.id,
    to: 'diserahkan',
    reason: null,
    evidence: null,
  })
  // A party's document is settled at registration: returned with the typed reason, then handed in again.
  await petugas.requirements.record.mutate({
    checkId: partyCheck.id,
    to: 'dikembalikan',
    reason: typed.reason,
    evidence: typed.evidence,
  })
  await petugas.requirements.record.mutate({
    checkId: partyCheck.id,
    to: 'diserahkan',
    reason: null,
    evidence: null,
  })
  // A candidate's BMS, due within the open window, puts the pair on the dashboard's deadlines.
  const skck = dossier.groups.syarat_calon.find((c) => c.requirementCode === 'C5')!
  await petugas.requirements.record.mutate({
    checkId: skck.id,
    to: 'diserahkan',
    reason: null,
    evidence: null,
  })
  await petugas.requirements.record.mutate({
    checkId: skck.id,
    to: 'BMS',
    reason: 'SKCK kedaluwarsa',
    evidence: null,
  })
  await petugas.requirements.handover.mutate({
    pairId: pair.id,
    heldAt: new Date(),
    place: typed.place,
    attendees: [{ name: typed.attendee, institution: 'pasangan_calon', institutionName: typed.party }],
    documentRef: typed.documentRef,
  })

  const guest = { category: 'lo', consentVersion: typed.consentVersion, topic: 'syarat_calon' } as const
  await petugas.visits.checkIn.mutate({
    ...guest,
    clientId: randomUUID(),
    guest: { name: typed.guest, institution: typed.guestInstitution, phone: GUEST_PHONE, category: 'lo' },
    purpose: typed.purpose,
  })
  const tablet = await pairKiosk(server.url, admin, typed.device)
  await tablet.api.kiosk.checkIn.mutate({
    ...guest,
    clientId: randomUUID(),
    guest: { name: typed.kioskGuest, phone: '081234567002', category: 'lo' },
  })
  // The first walk-in is called and served; the desk refers the sheet the visit opened.
  const called = await petugas.queue.callNext.mutate()
  const { consultationId: referredId } = await petugas.queue.serve.mutate({ visitId: called!.id })
  await petugas.consultations.refer.mutate({ id: referredId, note: typed.referral })

  const sheet = await petugas.consultations.create.mutate({
    channel: 'grup_pesan',
    askerName: typed.asker,
    askerInstitution: typed.askerInstitution,
    askerContact: typed.askerContact,
    stakeholderCategory: 'lo',
    topic: 'syarat_calon',
    question: typed.question,
    participants: [{ name: typed.participant, institution: typed.participantInstitution }],
    minutes: typed.minutes,
    candidatePairId: pair.id,
  })
  await petugas.consultations.attach.mutate({
    consultationId: sheet.id,
    fileName: typed.fileName,
    contentType: 'application/pdf',
    contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
  })
  await petugas.consultations.answer.mutate({
    id: sheet.id,
    answer: typed.answer,
    legalBasis: typed.legalBasis,
  })
  // Leadership signs the report off, under a payload name too, so the signer's line carries one.
  const pimpinan = await staffNamed(admin, server.url, { username: 'sari.pimpinan', role: 'pimpinan' })
  const report = await pimpinan.api.reports.finalise.mutate({
    from: `${wibDate(0).slice(0, 8)}01`,
    to: wibDate(0),
  })
  return { sheetId: sheet.id, referredId, pairId: pair.id, reportId: report.id }
}

/** Staff whose display name is a payload, so every "who did it" line carries one. */
async function staffNamed(
  admin: Api,
  baseUrl: string,
  { username, role }: { username: string; role: 'petugas' | 'pimpinan' },
) {
  const { user, oneTimePassword } = await admin.admin.users.create.mutate({
    username,
    displayName: typed.staffName,
    role,
  })
  const client = staffClient(baseUrl)
  await client.signIn(user.username, oneTimePassword)
  // The password change keeps this session, so the same client goes on as this account.
  await client.api.auth.changePassword.mutate({
    currentPassword: oneTimePassword,
    newPassword: STAFF_PASSWORD,
  })
  return { username: user.username, api: client.api }
}

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
