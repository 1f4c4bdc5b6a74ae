import { randomBytes } from 'node:crypto'
import {
  buildMail,
  freePort,
  startImapServer,
  startSmtpServer,
  type ImapServer,
  type SmtpServer,
} from '@mejabantu/mail-servers'
import { simpleParser } from 'mailparser'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { screenshot, signInConsole, watchProblems } from '../src/console.ts'
import { checkInNewVisitor, checkStep, openKiosk, pair, screenshot as kioskShot } from '../src/kiosk-page.ts'
import { answerAndClose, checkInReturning, ratingLinkIn } from '../src/rating.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { firstAdmin, pairingCode, type StaffAccount } from '../src/staff.ts'

const OFFICE = 'helpdesk@kpu-bantul.test'
const PASSWORD = 'rahasia-kotak-surat'

// The asker rates the service 1–5: through the link in the closing mail, or at the kiosk on their next
// visit. The server knows its public address (PUBLIC_URL), so the mail carries the link in full.
describe('the asker rates a closed consultation', () => {
  let server: ServerUnderTest
  let browser: Browser
  let admin: StaffAccount
  let imap: ImapServer
  let smtp: SmtpServer

  beforeAll(async () => {
    const users = [{ user: OFFICE, password: PASSWORD }]
    const port = await freePort()
    ;[imap, smtp, server, browser] = await Promise.all([
      startImapServer({ users }),
      startSmtpServer({ users }),
      startBuiltServer(
        {
          MAIL_SECRET_KEY: randomBytes(32).toString('base64'),
          MESSAGING_INTERVAL_MINUTES: '0',
          PUBLIC_URL: `http://127.0.0.1:${port}/`,
        },
        { port },
      ),
      launchBrowser(),
    ])
    admin = await firstAdmin(server)
    const mailServer = (p: number) => ({
      host: '127.0.0.1',
      port: p,
      tls: false,
      user: OFFICE,
      secret: PASSWORD,
    })
    await admin.api.messaging.connectMailbox.mutate({
      address: OFFICE,
      imap: mailServer(imap.port),
      smtp: mailServer(smtp.port),
      signature: 'Helpdesk Pencalonan KPU Kabupaten Bantul',
    })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await imap?.close()
    await smtp?.close()
  })

  it('rates 4 with a comment through the closing mail’s link, and the desk reads it on the sheet', async () => {
    await imap.append(
      OFFICE,
      await buildMail({
        from: 'Andi LO <andi.lo@partai-contoh.test>',
        to: OFFICE,
        subject: 'Format SKCK',
        messageId: '<skck-nilai@partai-contoh.test>',
        text: 'Apakah SKCK boleh berupa hasil pindaian?',
      }),
    )
    expect((await admin.api.messaging.pollNow.mutate()).taken.sheet).toBe(1)
    const [sheet] = (await admin.api.consultations.list.query({ channel: 'email' })).items
    await answerAndClose(admin.api, sheet!.id, 'SKCK asli hasil pindaian boleh diunggah ke SILON.')
    await admin.api.messaging.pollNow.mutate()
    const mails = await Promise.all((await smtp.waitFor(2)).map((sent) => simpleParser(sent.raw)))
    const closing = mails.find((mail) => mail.text?.includes('/nilai/'))!
    expect(closing.inReplyTo).toBe('<skck-nilai@partai-contoh.test>')
    const link = ratingLinkIn(closing.text!)
    expect(link.startsWith(`${server.url}/nilai/`)).toBe(true)

    // The asker, on a phone, signed in nowhere.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })
    const page = await context.newPage()
    const problems = watchProblems(page)
    await page.goto(link)
    await page.waitForURL(/\/console\/publik\/nilai\/[A-Za-z0-9_-]+$/)
    const card = page.getByTestId('rating-sheet')
    await expect.poll(() => card.textContent()).toContain(sheet!.number)
    expect(await page.content()).not.toMatch(/Andi|partai-contoh|pindaian/)
    await page.getByTestId('rating-score-4').click()
    expect(await page.getByTestId('rating-score-4').getAttribute('aria-checked')).toBe('true')
    await page.getByTestId('rating-comment').fill('Jawabannya jelas, terima kasih.')
    await screenshot(page, 'public-rating')
    await page.getByTestId('rating-submit').click()
    const thanks = page.getByTestId('rating-thanks')
    await expect.poll(() => thanks.textContent()).toContain('Terima kasih atas penilaian Anda')
    expect(await thanks.textContent()).toContain('nilai 4 (Baik)')

    // Once only: the link now says so, in the asker's language.
    await page.reload()
    await expect
      .poll(() => page.getByTestId('rating-refused').getAttribute('data-rule'))
      .toBe('consultation.rating.done')
    await page.getByRole('button', { name: /English/ }).click()
    await expect
      .poll(() => page.getByTestId('rating-refused').textContent())
      .toContain('This service has already been rated')
    expect(problems).toEqual([])
    await context.close()

    const desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    await signInConsole(desk, server.url, admin.username, admin.password)
    await desk.goto(`${server.url}/console/consultations/${sheet!.id}`)
    const rating = desk.getByTestId('sheet-rating')
    await expect.poll(() => rating.textContent()).toContain('4 dari 5')
    expect(await rating.textContent()).toContain('Jawabannya jelas, terima kasih.')
    // This month's report counts the rating by topic and staff member, with the mean in Indonesian form.
    await desk.goto(`${server.url}/console/reports`)
    const byTopic = desk.getByTestId('report-satisfaction-byTopic')
    await expect.poll(() => byTopic.textContent()).toMatch(/1 penilaian, rata-rata 4,0 dari 5/)
    expect(await desk.getByTestId('report-satisfaction-byStaff').textContent()).toContain('4,0')
    await desk.context().close()
  })

  it('tells a visitor with a wrong link so, in words', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const problems = watchProblems(page, [/404 .*public\.ratingForm/])
    await page.goto(`${server.url}/nilai/${'x'.repeat(32)}`)
    await expect
      .poll(() => page.getByTestId('rating-unknown').textContent())
      .toContain('Tautan penilaian tidak dikenal')
    expect(problems).toEqual([])
    await context.close()
  })

  it('lets a returning guest rate one closed sheet at the kiosk and skip the other, then gives the ticket', async () => {
    const { context, page, problems } = await openKiosk(browser, server.url)
    await pair(page, await pairingCode(admin.api, 'Kios penilaian'))
    const visitor = { category: 'lo', phone: '081298765432', name: 'Budi Santoso', topic: 'silon' }
    await checkInNewVisitor(page, visitor)
    await page.getByTestId('done').click()

    // Two questions of that visit, answered and closed at the desk.
    const visit = (await admin.api.visits.today.query({})).visits.find((v) => v.guest.name === visitor.name)!
    const sheets = []
    for (const question of ['Cara unggah KTP di SILON?', 'Batas waktu perbaikan?']) {
      const sheet = await admin.api.consultations.create.mutate({
        channel: 'tatap_muka',
        askerName: visitor.name,
        stakeholderCategory: 'lo',
        topic: 'silon',
        question,
        visitId: visit.id,
      })
      sheets.push(await answerAndClose(admin.api, sheet.id))
    }
    // Offered newest first.
    const [newest, older] = sheets.reverse() as [(typeof sheets)[number], (typeof sheets)[number]]

    await checkInReturning(page, visitor.phone)
    const step = page.getByTestId('step-rating')
    await step.waitFor()
    expect(await step.getByRole('heading', { level: 1 }).textContent()).toBe('Bagaimana layanan kami?')
    await expect.poll(() => page.getByTestId('rating-number').textContent()).toBe(newest.number)
    expect(await page.getByTestId('rating-queued').textContent()).toMatch(/A-\d{3}/)
    await checkStep(page, 'rating')
    expect(await page.getByTestId('rating-send').isDisabled()).toBe(true)
    await page.getByTestId('rating-4').click()
    await kioskShot(page, '13-rating')
    await page.getByTestId('rating-send').click()
    await expect.poll(() => page.getByTestId('rating-number').textContent()).toBe(older.number)
    await page.getByTestId('rating-skip').click()
    await page.getByTestId('step-ticket').waitFor()

    const rated = await admin.api.consultations.get.query({ id: newest.id })
    expect(rated.rating).toMatchObject({ score: 4, via: 'kiosk', comment: null })
    expect((await admin.api.consultations.get.query({ id: older.id })).rating).toBeNull()
    expect(problems).toEqual([])
    await context.close()
  })
})
