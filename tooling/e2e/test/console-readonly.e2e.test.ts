import { TRPCClientError } from '@trpc/client'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousA11yViolations } from '../src/axe.ts'
import { launchBrowser } from '../src/browser.ts'
import { electionWithPair, pairedKiosk, screenshot, signInConsole, watchProblems } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { addStaff, firstAdmin, type Api } from '../src/staff.ts'

/** The rule code of a refused call, or 'accepted' when the server let it through. */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call
    return 'accepted'
  } catch (error) {
    return error instanceof TRPCClientError ? String(error.data?.code) : String(error)
  }
}

describe('a pengawas reads everything and changes nothing; the console speaks English on request', () => {
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let problems: string[]
  let pengawas: Api
  let consultationId: string
  let pairId: string
  let checkId: string
  let visitId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startBuiltServer(), launchBrowser()])
    const admin = await firstAdmin(server)
    const observer = await addStaff(server, admin.api, 'pengawas')
    pengawas = observer.api
    const kiosk = await pairedKiosk(server, admin.api)
    await kiosk.checkIn('Rahmat Hidayat')
    visitId = (await kiosk.checkIn('Dewi Lestari', 'silon')).visitId
    const called = await admin.api.queue.callNext.mutate()
    consultationId = (await admin.api.queue.serve.mutate({ visitId: called!.id })).consultationId
    const { pair } = await electionWithPair(admin.api)
    pairId = pair.id
    const dossier = await admin.api.candidates.dossier.query({ pairId })
    checkId = dossier.groups.syarat_calon[0]!.id
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    problems = watchProblems(page)
    await signInConsole(page, server.url, observer.username, observer.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows the queue without a single queue action', async () => {
    await page.getByRole('link', { name: 'Antrean', exact: true }).click()
    await page.getByTestId('queue-list').waitFor()
    expect(await page.getByTestId('queue-list').textContent()).toContain('Dewi Lestari')
    expect(await page.getByTestId('call-next').count()).toBe(0)
    expect(await page.getByTestId('queue-list').getByRole('button').count()).toBe(0)
  })

  it('opens a consultation read-only, with its history from the audit trail', async () => {
    await page.goto(`${server.url}/console/consultations/${consultationId}`)
    await page.getByTestId('sheet-facts').waitFor()
    await page.getByTestId('sheet-history').waitFor()
    expect(await page.getByTestId('sheet-history').textContent()).toContain('Lembar dibuat')
    for (const testId of ['sheet-editor', 'answer-form', 'close-consultation']) {
      expect(await page.getByTestId(testId).count(), testId).toBe(0)
    }
    expect(await page.locator('input[type=file]').count()).toBe(0)
    await page.getByRole('link', { name: 'Konsultasi', exact: true }).click()
    await page.getByTestId('consultation-table').waitFor()
    expect(await page.getByTestId('new-consultation').count()).toBe(0)
  })

  it('reads the dossier with no research or handover buttons, and no admin screens', async () => {
    await page.goto(`${server.url}/console/pairs/${pairId}`)
    await page.getByTestId('dossier').waitFor()
    await page.getByTestId('check-status').first().waitFor()
    expect(await page.getByTestId('research').count()).toBe(0)
    expect(await page.getByTestId('edit-pair').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Catat penyerahan' }).count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Administrasi' }).count()).toBe(0)
    await page.goto(`${server.url}/console/admin/users`)
    await page.getByTestId('dashboard').waitFor()
  })

  it('is refused by the server when it tries anyway', async () => {
    expect(await refusal(pengawas.queue.callNext.mutate())).toBe('FORBIDDEN')
    expect(await refusal(pengawas.queue.noShow.mutate({ visitId }))).toBe('FORBIDDEN')
    expect(
      await refusal(pengawas.consultations.answer.mutate({ id: consultationId, answer: 'Jawaban pengawas' })),
    ).toBe('FORBIDDEN')
    expect(
      await refusal(
        pengawas.requirements.record.mutate({ checkId, to: 'diserahkan', reason: null, evidence: null }),
      ),
    ).toBe('FORBIDDEN')
    expect(await refusal(pengawas.admin.users.list.query({}))).toBe('FORBIDDEN')
  })

  it('switches to English: navigation, labels, statuses and dates', async () => {
    // The language button's name starts with what it shows (EN), so voice control can say it.
    const toggle = page.getByRole('button', { name: 'Ganti bahasa ke English' })
    expect(await toggle.getAttribute('aria-label')).toMatch(/^EN\b/)
    const mismatched = (await seriousA11yViolations(page)).filter(
      (v) => v.id === 'label-content-name-mismatch',
    )
    expect(mismatched).toEqual([])
    await toggle.click()
    await page.getByRole('link', { name: 'Dashboard', exact: true }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en/)
    await page.getByRole('link', { name: 'Queue', exact: true }).click()
    await expect.poll(() => page.getByTestId('queue-list').textContent()).toContain('Waiting')
    await page.getByRole('link', { name: 'Candidate pairs', exact: true }).click()
    await page.getByTestId('pair-list').waitFor()
    await page.getByTestId('pair-list').getByRole('link').first().click()
    await expect.poll(() => page.getByTestId('group-syarat_calon').textContent()).toContain('Not submitted')
    await screenshot(page, 'dossier-en')
    await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click()
    await page.getByRole('link', { name: 'Dasbor', exact: true }).waitFor()
    expect(problems).toEqual([])
  })
})
