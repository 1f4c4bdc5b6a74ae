import { buildMail } from '@mejabantu/mail-servers'
import { testTargets } from '@mejabantu/db/testing'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliverDueMessages } from '../../src/messaging/outbox.ts'
import { messagingNotifiers } from '../../src/messaging/notifiers.ts'
import { pollMailbox } from '../../src/messaging/mail-poll.ts'
import { dataOf as data } from '../support/browser.ts'
import { addCandidatePair } from '../support/consultation-fixtures.ts'
import { OFFICE_ADDRESS, openMailWorld, type MailWorld } from './mail-world.ts'

const LO = 'andi.lo@partai-contoh.test'
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 250]), Buffer.from('\n%%EOF')])

describe.each(testTargets())('the office mailbox on $kind', (target) => {
  let world: MailWorld
  let officeId: string
  const mail = (options: Partial<Parameters<typeof buildMail>[0]> = {}) =>
    buildMail({
      from: `Andi LO <${LO}>`,
      to: OFFICE_ADDRESS,
      subject: 'Format SKCK',
      text: 'Pertanyaan',
      ...options,
    })
  const deliver = async (options: Partial<Parameters<typeof buildMail>[0]> = {}) =>
    world.imap.append(OFFICE_ADDRESS, await mail(options))
  const poll = () => pollMailbox(world.deps, officeId)
  const send = () =>
    deliverDueMessages({
      db: world.api.db,
      secrets: world.deps.secrets,
      notifiers: messagingNotifiers(world.api.db),
    })
  const sheets = () =>
    world.api.db.prisma.consultation.findMany({ where: { channel: 'email' }, orderBy: { number: 'asc' } })

  beforeAll(async () => {
    world = await openMailWorld(target)
    officeId = world.admin.officeId
    const pairId = await addCandidatePair(world.api.db, officeId)
    await world.api.db.prisma.candidatePair.update({ where: { id: pairId }, data: { loEmail: LO } })
  })
  afterAll(() => world?.close())

  it('refuses settings the servers refuse, storing nothing', async () => {
    const reply = await world.admin.mutation(
      'messaging.connectMailbox',
      world.mailboxInput({ password: 'salah' }),
    )
    expect(reply.status).toBe(400)
    expect(reply.body.error?.data.rule).toBe('mailbox.unreachable')
    expect(await world.api.db.prisma.mailbox.count()).toBe(0)
  })

  it('lets only an admin connect it, and keeps the passwords sealed', async () => {
    const refused = await world.petugas.mutation('messaging.connectMailbox', world.mailboxInput())
    expect(refused.status).toBe(403)
    const view = data<Record<string, unknown>>(
      await world.admin.mutation('messaging.connectMailbox', world.mailboxInput()),
    )
    expect(view).toMatchObject({
      address: OFFICE_ADDRESS,
      imap: { secretSet: true },
      smtp: { secretSet: true },
    })
    expect(JSON.stringify(view)).not.toContain('rahasia')
    const row = await world.api.db.prisma.mailbox.findUniqueOrThrow({ where: { officeId } })
    expect(row.imapSecret).toMatch(/^v1\./)
    expect(row.imapSecret).not.toContain('rahasia')
    const audit = await world.api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'mailbox.connect' },
    })
    expect(JSON.stringify([audit.before, audit.after])).not.toContain('rahasia')
  })

  it('turns a new mail into a sheet of channel e-mail, with its attachment and the raw message kept', async () => {
    await deliver({
      messageId: '<first@partai-contoh.test>',
      html: '<p>Selamat siang,</p><p>Apakah <b>SKCK</b> boleh difotokopi?</p><script>alert(1)</script>',
      text: undefined,
      attachments: [{ filename: 'SKCK.pdf', content: pdf, contentType: 'application/pdf' }],
    })
    const polled = await poll()
    expect(polled).toMatchObject({ error: null, taken: { sheet: 1 } })
    const [sheet] = await sheets()
    expect(sheet).toMatchObject({
      askerName: 'Andi LO',
      askerContact: LO,
      stakeholderCategory: 'lo',
      staffId: null,
    })
    expect(sheet!.question).toContain('Apakah SKCK boleh difotokopi?')
    expect(sheet!.question).not.toContain('<script>')
    expect(sheet!.candidatePairId).not.toBeNull()
    const files = await world.api.db.prisma.attachment.findMany({ where: { consultationId: sheet!.id } })
    expect(files.map((f) => [f.fileName, f.size, f.uploadedById])).toEqual([['SKCK.pdf', pdf.length, null]])
    const inbound = await world.api.db.prisma.inboundMail.findFirstOrThrow({
      where: { consultationId: sheet!.id },
    })
    expect(inbound.messageId).toBe('first@partai-contoh.test')
    const raw = await world.deps.storage.get(inbound.rawStorageKey!)
    expect(Buffer.from(raw!).toString()).toContain('Message-ID: <first@partai-contoh.test>')
  })

  it('takes nothing twice: a second poll, a restart, the same mail delivered again', async () => {
    expect((await poll()).taken).toEqual({ sheet: 0, reply: 0, skipped: 0, duplicate: 0 })
    await deliver({ messageId: '<first@partai-contoh.test>' })
    expect((await poll()).taken).toMatchObject({ sheet: 0, duplicate: 1 })
    // A server restart reads the state from the database, as a fresh process would.
    const again = await world.api.connectAgain()
    expect((await pollMailbox({ ...world.deps, db: again }, officeId)).taken.sheet).toBe(0)
    // A mailbox rebuilt with a new UIDVALIDITY is read from the start, and still doubles nothing.
    await world.api.db.prisma.mailbox.update({ where: { officeId }, data: { uidValidity: 1n } })
    expect((await poll()).taken).toMatchObject({ sheet: 0, duplicate: 2 })
    expect(await sheets()).toHaveLength(1)
  })

  it('skips auto-replies and bounces', async () => {
    await deliver({
      messageId: '<ooo@partai-contoh.test>',
      subject: 'Out of office',
      headers: { 'Auto-Submitted': 'auto-replied' },
    })
    await deliver({
      from: 'Mail Delivery System <MAILER-DAEMON@partai-contoh.test>',
      messageId: '<bounce@partai-contoh.test>',
      subject: 'Undelivered Mail Returned to Sender',
    })
    await deliver({
      from: 'Buletin <berita@partai-contoh.test>',
      messageId: '<news@partai-contoh.test>',
      subject: 'Buletin September',
      headers: { 'List-Id': 'Buletin <buletin.partai-contoh.test>' },
    })
    await deliver({
      from: 'Sistem <sistem@partai-contoh.test>',
      messageId: '<returned@partai-contoh.test>',
      subject: 'Pesan tidak terkirim',
      headers: { 'Return-Path': '<>' },
    })
    expect((await poll()).taken).toMatchObject({ sheet: 0, skipped: 4 })
    const reasons = await world.api.db.prisma.inboundMail.findMany({
      where: { messageId: { in: ['news@partai-contoh.test', 'returned@partai-contoh.test'] } },
      orderBy: { messageId: 'asc' },
    })
    expect(reasons.map((m) => m.skipReason)).toEqual(['bulk', 'bounce'])
    expect(await sheets()).toHaveLength(1)
  })

  it('joins a reply in the thread to its sheet', async () => {
    await deliver({
      messageId: '<second@partai-contoh.test>',
      subject: 'Re: Format SKCK',
      inReplyTo: '<first@partai-contoh.test>',
      references: ['<first@partai-contoh.test>'],
      text: 'Tambahan: SKCK dari Polres.\n\nOn Mon, 2 Sep 2024 Andi wrote:\n> Pertanyaan',
    })
    expect((await poll()).taken).toMatchObject({ reply: 1, sheet: 0 })
    const [sheet] = await sheets()
    const history = data<{ direction: string; status: string; text: string }[]>(
      await world.petugas.query('messaging.sheetMessages', { consultationId: sheet!.id }),
    )
    expect(history.map((h) => h.status)).toEqual(['sheet', 'reply'])
    expect(history[1]!.text).toBe('Tambahan: SKCK dari Polres.')
  })

  it('sends the answer in the thread by SMTP, and takes the answer to it in on the same sheet', async () => {
    const [sheet] = await sheets()
    const answer = { id: sheet!.id, answer: 'SKCK asli wajib diunggah.', legalBasis: 'PKPU 8/2024 Pasal 14' }
    expect((await world.petugas.mutation('consultations.answer', answer)).status).toBe(200)
    expect(await send()).toEqual({ sent: 1, failed: 0 })
    const [received] = await world.smtp.waitFor(1)
    const sent = await simpleParser(received!.raw)
    expect(sent.subject).toBe(`[${sheet!.number}] Re: Format SKCK`)
    expect(sent.inReplyTo).toBe('<second@partai-contoh.test>')
    expect([sent.references].flat()).toEqual(['<first@partai-contoh.test>', '<second@partai-contoh.test>'])
    expect(sent.text).toContain('SKCK asli wajib diunggah.')
    expect(sent.text).toContain('Helpdesk Pencalonan KPU Kabupaten Bantul')
    expect(received!.to).toEqual([LO])

    await deliver({
      messageId: '<third@partai-contoh.test>',
      subject: 'Terima kasih',
      inReplyTo: sent.messageId,
    })
    expect((await poll()).taken).toMatchObject({ reply: 1 })
    const history = data<{ direction: string }[]>(
      await world.petugas.query('messaging.sheetMessages', { consultationId: sheet!.id }),
    )
    expect(history.map((h) => h.direction)).toEqual(['masuk', 'masuk', 'keluar', 'masuk'])
    // The asker wrote again: the sheet waits for the desk once more.
    expect(
      (await world.api.db.prisma.consultation.findUniqueOrThrow({ where: { id: sheet!.id } })).status,
    ).toBe('baru')
  })

  it('starts a new sheet for a reply to a closed one', async () => {
    const [sheet] = await sheets()
    await world.petugas.mutation('consultations.answer', { id: sheet!.id, answer: 'Sama-sama.' })
    expect((await world.petugas.mutation('consultations.close', { id: sheet!.id })).status).toBe(200)
    await deliver({
      messageId: '<late@partai-contoh.test>',
      subject: `Re: [${sheet!.number}] Format SKCK`,
      text: 'Satu lagi.',
    })
    expect((await poll()).taken).toMatchObject({ sheet: 1, reply: 0 })
    expect(
      (await world.api.db.prisma.consultation.findUniqueOrThrow({ where: { id: sheet!.id } })).status,
    ).toBe('selesai')
    const created = (await sheets()).at(-1)!
    expect(created.question).toContain('Satu lagi.')
    await world.api.db.prisma.outboxMessage.updateMany({
      data: { status: 'sent' },
      where: { status: 'pending' },
    })
  })

  it('survives an outage of either server: the admin sees it, nothing is lost, it catches up', async () => {
    await world.imap.stop()
    const down = await poll()
    expect(down.error).not.toBeNull()
    const box = await world.api.db.prisma.mailbox.findUniqueOrThrow({ where: { officeId } })
    expect(box.lastError).not.toBeNull()
    expect(box.failingSince).not.toBeNull()
    await world.imap.start()
    await deliver({ messageId: '<fourth@partai-contoh.test>', subject: 'Jadwal perbaikan' })
    expect((await poll()).taken.sheet).toBe(1)
    expect(
      (await world.api.db.prisma.mailbox.findUniqueOrThrow({ where: { officeId } })).lastError,
    ).toBeNull()

    const fourth = (await sheets()).find((s) => s.question.startsWith('Jadwal perbaikan'))
    world.smtp.rejectNext(1, 451)
    await world.petugas.mutation('consultations.answer', {
      id: fourth!.id,
      answer: 'Tanggal 6–8 September 2024.',
    })
    expect(await send()).toEqual({ sent: 0, failed: 1 })
    const queued = await world.api.db.prisma.outboxMessage.findFirstOrThrow({
      where: { consultationId: fourth!.id },
    })
    expect(queued).toMatchObject({ status: 'pending', attempts: 1 })
    await world.api.db.prisma.outboxMessage.update({
      where: { id: queued.id },
      data: { nextAttemptAt: new Date() },
    })
    expect(await send()).toEqual({ sent: 1, failed: 0 })
    expect(await world.smtp.waitFor(2)).toHaveLength(2)
  })

  it('erases an asker’s mails and the messages to them with the rest of their data (UU PDP)', async () => {
    const [sheet] = await sheets()
    const mails = await world.api.db.prisma.inboundMail.findMany({ where: { consultationId: sheet!.id } })
    expect((await world.admin.mutation('privacy.erase', { consultationId: sheet!.id })).status).toBe(200)
    const after = await world.api.db.prisma.inboundMail.findMany({ where: { consultationId: sheet!.id } })
    expect(after.map((m) => [m.fromAddress, m.text, m.rawStorageKey])).toEqual(
      after.map(() => [null, null, null]),
    )
    for (const mail of mails) expect(await world.deps.storage.get(mail.rawStorageKey!)).toBeNull()
    const sent = await world.api.db.prisma.outboxMessage.findMany({ where: { consultationId: sheet!.id } })
    expect(sent.length).toBeGreaterThan(0)
    expect(sent.every((m) => m.recipient === 'Anonim' && m.text === 'Anonim')).toBe(true)
  })
})
