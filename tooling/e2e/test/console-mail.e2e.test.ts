import { randomBytes } from 'node:crypto'
import {
  buildMail,
  startImapServer,
  startSmtpServer,
  type ImapServer,
  type SmtpServer,
} from '@mejabantu/mail-servers'
import { simpleParser } from 'mailparser'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../src/browser.ts'
import { screenshot, signInConsole, watchProblems } from '../src/console.ts'
import { startBuiltServer, type ServerUnderTest } from '../src/server.ts'
import { firstAdmin } from '../src/staff.ts'

const OFFICE = 'helpdesk@kpu-bantul.test'
const PASSWORD = 'rahasia-kotak-surat'

describe('an admin connects the office mailbox, and a mail is answered from the console', () => {
  let server: ServerUnderTest
  let browser: Browser
  let page: Page
  let imap: ImapServer
  let smtp: SmtpServer
  let problems: string[]

  beforeAll(async () => {
    const users = [{ user: OFFICE, password: PASSWORD }]
    ;[imap, smtp] = await Promise.all([startImapServer({ users }), startSmtpServer({ users })])
    ;[server, browser] = await Promise.all([
      startBuiltServer({
        MAIL_SECRET_KEY: randomBytes(32).toString('base64'),
        MESSAGING_INTERVAL_MINUTES: '0',
      }),
      launchBrowser(),
    ])
    const admin = await firstAdmin(server)
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    // The first connection is refused on purpose (a wrong password).
    problems = watchProblems(page, [/messaging\.connectMailbox/])
    await signInConsole(page, server.url, admin.username, admin.password)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await imap?.close()
    await smtp?.close()
  })

  const fillServer = async (side: 'imap' | 'smtp', port: number, secret: string) => {
    await page.getByTestId(`mail-${side}-host`).fill('127.0.0.1')
    await page.getByTestId(`mail-${side}-port`).fill(String(port))
    await page.getByTestId(`mail-${side}`).getByRole('switch').setChecked(false)
    await page.getByTestId(`mail-${side}-user`).fill(OFFICE)
    await page.getByTestId(`mail-${side}-secret`).fill(secret)
  }

  it('refuses a wrong password in words, then connects the mailbox', async () => {
    await page.goto(`${server.url}/console/admin/messaging`)
    await page.getByTestId('mail-address').fill(OFFICE)
    await fillServer('imap', imap.port, 'salah')
    await fillServer('smtp', smtp.port, PASSWORD)
    await page.getByTestId('mail-signature').fill('Helpdesk Pencalonan KPU Kabupaten Bantul')
    await page.getByTestId('mailbox-connect').click()
    await page
      .getByText(/Server IMAP tidak dapat dihubungi atau menolak masuk/)
      .first()
      .waitFor()
    await page.getByTestId('mail-imap-secret').fill(PASSWORD)
    await page.getByTestId('mailbox-connect').click()
    await page.getByTestId('mailbox-status').getByText('Tersambung').waitFor()
    await screenshot(page, 'admin-mailbox')
  })

  it('takes a mail in as a sheet and sends the answer back in its thread', async () => {
    await imap.append(
      OFFICE,
      await buildMail({
        from: 'Andi LO <andi.lo@partai-contoh.test>',
        to: OFFICE,
        subject: 'Format SKCK',
        messageId: '<skck-1@partai-contoh.test>',
        text: 'Apakah SKCK boleh berupa hasil pindaian?',
      }),
    )
    await page.getByTestId('mailbox-poll').click()
    await expect.poll(() => page.getByTestId('mailbox-poll-result').textContent()).toContain('1 lembar baru')

    await page.goto(`${server.url}/console/consultations`)
    await page.getByRole('link', { name: /LK-/ }).first().click()
    await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/)
    const sheetUrl = page.url()
    await page.getByText('Apakah SKCK boleh berupa hasil pindaian?').first().waitFor()
    await page.getByTestId('answer').fill('SKCK asli hasil pindaian boleh diunggah ke SILON.')
    await page.getByTestId('submit-answer').click()
    const history = page.getByTestId('message-history')
    await expect.poll(() => history.textContent()).toContain('Menunggu')

    await page.goto(`${server.url}/console/admin/messaging`)
    await page.getByTestId('mailbox-poll').click()
    const [sent] = await smtp.waitFor(1)
    const mail = await simpleParser(sent!.raw)
    expect(mail.inReplyTo).toBe('<skck-1@partai-contoh.test>')
    expect(mail.subject).toMatch(/^\[LK-\d{2}\.\d{2}-\d{4}-\d{5}\] Re: Format SKCK$/)
    expect(mail.text).toContain('SKCK asli hasil pindaian boleh diunggah ke SILON.')
    expect(mail.text).toContain('Helpdesk Pencalonan KPU Kabupaten Bantul')

    await page.goto(sheetUrl)
    await expect.poll(() => page.getByTestId('message-history').textContent()).toContain('Terkirim')
    await screenshot(page, 'sheet-mail')
    expect(problems).toEqual([])
  })
})
