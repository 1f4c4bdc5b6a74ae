import { ImapFlow } from 'imapflow'
import nodemailer from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildMail,
  startImapServer,
  startSmtpServer,
  type ImapServer,
  type SmtpServer,
} from '../src/index.ts'

const office = { user: 'office@kpu.test', password: 'office-secret' }
const clerk = { user: 'clerk', password: 'p@ss w0rd' }

let imap: ImapServer
let smtp: SmtpServer

beforeAll(async () => {
  imap = await startImapServer({ users: [office, clerk] })
  smtp = await startSmtpServer({ users: [clerk], deliverTo: { imap, user: office.user } })
})

afterAll(async () => {
  await smtp?.close()
  await imap?.close()
})

function imapClient(user: { user: string; password: string }) {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: false,
    auth: { user: user.user, pass: user.password },
    logger: false,
  })
  client.on('error', () => {})
  return client
}

function transport(auth?: { user: string; pass: string }) {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: false,
    ...(auth ? { auth } : {}),
  })
}

describe('IMAP (dovecot)', () => {
  it('appends a message that an IMAP client reads back', async () => {
    const raw = await buildMail({
      from: 'Budi <budi@example.test>',
      to: office.user,
      subject: 'Berkas syarat calon',
      text: 'Terlampir.',
      messageId: '<first@example.test>',
      attachments: [{ filename: 'ktp.txt', content: Buffer.from('KTP'), contentType: 'text/plain' }],
    })
    const { uid, uidValidity } = await imap.append(office.user, raw, { flags: ['\\Seen'] })
    expect(uid).toBe(1)
    expect(typeof uidValidity).toBe('bigint')

    const client = imapClient(office)
    await client.connect()
    try {
      const mailbox = await client.mailboxOpen('INBOX')
      expect(mailbox.uidValidity).toBe(uidValidity)
      const message = await client.fetchOne(String(uid), { source: true, envelope: true }, { uid: true })
      expect(message && message.envelope?.messageId).toBe('<first@example.test>')
      expect(message && message.source?.toString()).toContain('filename=ktp.txt')
    } finally {
      await client.logout()
    }
    expect(await imap.list(office.user)).toEqual([
      { uid: 1, flags: ['\\Seen'], subject: 'Berkas syarat calon' },
    ])
  })

  it('appends into other folders, creating them, and keeps users apart', async () => {
    const raw = await buildMail({ from: 'clerk@kpu.test', to: 'budi@example.test', subject: 'Balasan' })
    await imap.append(clerk.user, raw, { folder: 'Sent' })
    await imap.append(clerk.user, raw, { folder: 'Arsip/2026' })
    expect(await imap.list(clerk.user, 'Sent')).toMatchObject([{ uid: 1, subject: 'Balasan' }])
    expect(await imap.list(clerk.user, 'Arsip/2026')).toHaveLength(1)
    expect(await imap.list(clerk.user)).toEqual([])
  })

  it('refuses a wrong password', async () => {
    const client = imapClient({ user: office.user, password: 'wrong' })
    await expect(client.connect()).rejects.toThrow()
  })

  it('keeps UIDVALIDITY and the messages across stop and start on the same port', async () => {
    const before = await imap.list(office.user)
    const port = imap.port
    await imap.stop()
    await expect(imapClient(office).connect()).rejects.toThrow()
    await imap.start()
    expect(imap.port).toBe(port)
    expect(await imap.list(office.user)).toEqual(before)
    const raw = await buildMail({ from: 'a@example.test', to: office.user, subject: 'Setelah restart' })
    const appended = await imap.append(office.user, raw)
    expect(appended.uid).toBe(before.length + 1)
    const client = imapClient(office)
    await client.connect()
    try {
      expect((await client.mailboxOpen('INBOX')).uidValidity).toBe(appended.uidValidity)
    } finally {
      await client.logout()
    }
  })

  it('runs several instances at once', async () => {
    const other = await startImapServer({ users: [office] })
    try {
      expect(other.port).not.toBe(imap.port)
      expect(await other.list(office.user)).toEqual([])
    } finally {
      await other.close()
    }
  })
})

describe('SMTP (smtp-server)', () => {
  it('receives an authenticated message and delivers it into the IMAP inbox', async () => {
    const inboxBefore = (await imap.list(office.user)).length
    const count = smtp.received.length
    await transport({ user: clerk.user, pass: clerk.password }).sendMail({
      from: 'budi@example.test',
      to: [office.user, 'cc@kpu.test'],
      subject: 'Lewat SMTP',
      text: 'Halo kantor',
    })
    const [mail] = (await smtp.waitFor(count + 1)).slice(count)
    expect(mail).toMatchObject({
      from: 'budi@example.test',
      to: [office.user, 'cc@kpu.test'],
      user: clerk.user,
    })
    expect(mail!.raw.toString()).toContain('Subject: Lewat SMTP')
    const inbox = await imap.list(office.user)
    expect(inbox).toHaveLength(inboxBefore + 1)
    expect(inbox.at(-1)).toMatchObject({ subject: 'Lewat SMTP', flags: [] })
  })

  it('refuses mail without AUTH and a wrong password', async () => {
    await expect(
      transport().sendMail({ from: 'a@example.test', to: 'b@example.test', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 530 })
    await expect(
      transport({ user: clerk.user, pass: 'wrong' }).sendMail({
        from: 'a@example.test',
        to: 'b@example.test',
      }),
    ).rejects.toMatchObject({ responseCode: 535 })
  })

  it('rejects the next messages with the given code, then accepts again', async () => {
    const send = () =>
      transport({ user: clerk.user, pass: clerk.password }).sendMail({
        from: 'a@example.test',
        to: 'b@example.test',
        subject: 'Coba lagi',
      })
    const count = smtp.received.length
    smtp.rejectNext(2)
    await expect(send()).rejects.toMatchObject({ responseCode: 451 })
    await expect(send()).rejects.toMatchObject({ responseCode: 451 })
    smtp.rejectNext(1, 550)
    await expect(send()).rejects.toMatchObject({ responseCode: 550 })
    await send()
    expect(smtp.received).toHaveLength(count + 1)
  })

  it('goes away on stop and comes back on the same port', async () => {
    await smtp.stop()
    await expect(
      transport({ user: clerk.user, pass: clerk.password }).sendMail({
        from: 'a@example.test',
        to: 'b@example.test',
      }),
    ).rejects.toMatchObject({ code: 'ESOCKET' })
    await smtp.start()
    const count = smtp.received.length
    await transport({ user: clerk.user, pass: clerk.password }).sendMail({
      from: 'a@example.test',
      to: 'b@t.test',
    })
    await expect(smtp.waitFor(count + 1)).resolves.toHaveLength(count + 1)
    await expect(smtp.waitFor(count + 2, 100)).rejects.toThrow(/of/)
  })

  it('accepts anyone without users', async () => {
    const open = await startSmtpServer({})
    try {
      await nodemailer
        .createTransport({ host: open.host, port: open.port, secure: false })
        .sendMail({ from: 'a@example.test', to: 'b@example.test', subject: 'Tanpa login' })
      const [mail] = await open.waitFor(1)
      expect(mail!.user).toBeUndefined()
    } finally {
      await open.close()
    }
  })
})
