import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/server.ts'
import { freshConfig, silentLog } from './helpers.ts'

const PUBLIC_URL = 'https://helpdesk.kpu-bantul.go.id'

// The asker's rating link end to end through the real app: PUBLIC_URL from the config down to the
// closing message, and the short path it carries sent on to the console's public page.
describe.each(testTargets())('the closing message’s rating link on $kind', (target) => {
  let server: RunningServer
  let cleanup: () => Promise<void>
  let session: { cookie: string; csrf: string }

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, ...headers },
      body: JSON.stringify({ json: body }),
    })
    const cookie = res.headers.getSetCookie()[0]?.split(';')[0]
    const reply = (await res.json()) as { result?: { data: { json: Record<string, unknown> } } }
    return { status: res.status, cookie, data: reply.result?.data.json }
  }
  const signIn = async (username: string, password: string) => {
    const login = await post('auth.login', { username, password })
    return { cookie: login.cookie!, csrf: login.data!.csrfToken as string }
  }
  const asAdmin = () => ({ cookie: session.cookie, 'x-csrf-token': session.csrf })

  beforeAll(async () => {
    const fresh = await freshConfig(target)
    cleanup = fresh.cleanup
    server = await startServer({ ...fresh.config, publicUrl: PUBLIC_URL }, silentLog)
    const { username, password } = server.firstRun.admin!
    session = await signIn(username, password)
    const changed = await post(
      'auth.changePassword',
      { currentPassword: password, newPassword: 'Kantor-KPU-bantul-2024' },
      asAdmin(),
    )
    expect(changed.status).toBe(200)
    session = await signIn(username, 'Kantor-KPU-bantul-2024')
  })
  afterAll(async () => {
    await server.close()
    await cleanup()
  })

  /** An answered sheet that came by mail to the office's mailbox, as intake and answering leave it. */
  async function answeredMailSheet() {
    const prisma = server.db.prisma
    const office = await prisma.office.findFirstOrThrow({ where: { regionCode: '34.02' } })
    const sheet = await prisma.consultation.create({
      data: {
        officeId: office.id,
        number: 'LK-34.02-2024-900',
        channel: 'email',
        askerName: 'Penanya Surel',
        askerContact: 'penanya@contoh.id',
        stakeholderCategory: 'lo',
        topic: 'silon',
        question: 'Cara unggah dokumen?',
        answer: 'Lewat menu unggah.',
        status: 'dijawab',
        occurredAt: new Date(),
        firstResponseAt: new Date(),
        answeredAt: new Date(),
      },
    })
    await prisma.mailbox.create({
      data: {
        officeId: office.id,
        address: 'helpdesk@kpu-bantul.test',
        imapHost: '127.0.0.1',
        imapPort: 1143,
        imapTls: false,
        imapUser: 'helpdesk@kpu-bantul.test',
        imapSecret: 'sealed',
        smtpHost: '127.0.0.1',
        smtpPort: 1025,
        smtpTls: false,
        smtpUser: 'helpdesk@kpu-bantul.test',
        smtpSecret: 'sealed',
        signature: 'Helpdesk Pencalonan KPU Kabupaten Bantul',
      },
    })
    await prisma.inboundMail.create({
      data: {
        officeId: office.id,
        messageId: 'tanya-1@contoh.id',
        uidValidity: 1n,
        uid: 1,
        fromAddress: 'penanya@contoh.id',
        subject: 'Unggah dokumen',
        sentAt: new Date(),
        disposition: 'sheet',
        consultationId: sheet.id,
      },
    })
    return sheet
  }

  it('puts the full address of PUBLIC_URL in the closing mail, whose path leads to the rating page', async () => {
    const sheet = await answeredMailSheet()
    const closed = await post('consultations.close', { id: sheet.id }, asAdmin())
    expect(closed.status).toBe(200)
    const { ratingToken } = await server.db.prisma.consultation.findUniqueOrThrow({
      where: { id: sheet.id },
    })
    const mail = await server.db.prisma.outboxMessage.findFirstOrThrow({
      where: { consultationId: sheet.id },
    })
    const link = `${PUBLIC_URL}/nilai/${ratingToken}`
    expect(mail.text.split('\n')).toContain(link)

    const redirect = await fetch(`${server.url}${new URL(link).pathname}`, { redirect: 'manual' })
    expect(redirect.status).toBe(302)
    expect(redirect.headers.get('location')).toBe(`/console/publik/nilai/${ratingToken}`)
    expect(redirect.headers.get('cache-control')).toBe('no-store')
    const page = await fetch(`${server.url}/nilai/${ratingToken}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('/console/_nuxt/')
  })

  it('keeps whatever follows /nilai/ one path segment on the page it sends to', async () => {
    const odd = await fetch(`${server.url}/nilai/a%2F..%2Fadmin`, { redirect: 'manual' })
    expect(odd.status).toBe(302)
    expect(odd.headers.get('location')).toBe('/console/publik/nilai/a%2F..%2Fadmin')
    expect((await fetch(`${server.url}/nilai/`, { redirect: 'manual' })).status).toBe(404)
  })
})
