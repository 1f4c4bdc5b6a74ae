import { buildMail } from '@mejabantu/mail-servers'
import { testTargets } from '@mejabantu/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pollMailbox } from '../../src/messaging/mail-poll.ts'
import { dataOf as data } from '../support/browser.ts'
import { createSheet } from '../support/consultation-fixtures.ts'
import { OFFICE_ADDRESS, openMailWorld, type MailWorld } from './mail-world.ts'

const ASKER = 'rina@partai-contoh.test'

// The asker wrote twice about one question; the desk merged the second sheet into the first. Whatever the
// asker then replies to, the reply belongs on the sheet that was kept.
describe.each(testTargets())('mail replies to a merged duplicate on $kind', (target) => {
  let world: MailWorld
  let officeId: string
  const deliver = async (options: Partial<Parameters<typeof buildMail>[0]>) =>
    world.imap.append(
      OFFICE_ADDRESS,
      await buildMail({
        from: `Rina <${ASKER}>`,
        to: OFFICE_ADDRESS,
        subject: 'C5',
        text: 'Isi',
        ...options,
      }),
    )
  const poll = () => pollMailbox(world.deps, officeId)
  const stored = (id: string) => world.api.db.prisma.consultation.findUniqueOrThrow({ where: { id } })
  const mailsOf = (consultationId: string) =>
    world.api.db.prisma.inboundMail.findMany({ where: { consultationId }, orderBy: { messageId: 'asc' } })

  let keptId: string
  let duplicate: { id: string; number: string }

  beforeAll(async () => {
    world = await openMailWorld(target)
    officeId = world.admin.officeId
    data(await world.admin.mutation('messaging.connectMailbox', world.mailboxInput()))
    keptId = (await createSheet(world.petugas, { channel: 'email', askerContact: ASKER })).id
    await deliver({ messageId: '<dup@partai-contoh.test>', subject: 'Berkas C5 lagi' })
    expect((await poll()).taken).toMatchObject({ sheet: 1 })
    const [mail] = await world.api.db.prisma.inboundMail.findMany({ where: { disposition: 'sheet' } })
    duplicate = await stored(mail!.consultationId!)
    data(await world.petugas.mutation('consultations.merge', { duplicateId: duplicate.id, keptId }))
    data(await world.petugas.mutation('consultations.answer', { id: keptId, answer: 'Lihat PKPU 8/2024.' }))
  })
  afterAll(() => world?.close())

  it('joins a reply in the duplicate’s thread to the kept sheet, reopening it there', async () => {
    await deliver({
      messageId: '<reply@partai-contoh.test>',
      subject: 'Re: Berkas C5 lagi',
      inReplyTo: '<dup@partai-contoh.test>',
      references: ['<dup@partai-contoh.test>'],
      text: 'Sudah saya kirim.',
    })
    expect((await poll()).taken).toMatchObject({ reply: 1, sheet: 0 })
    expect((await mailsOf(keptId)).map((m) => m.messageId)).toEqual(['reply@partai-contoh.test'])
    expect((await mailsOf(duplicate.id)).map((m) => m.messageId)).toEqual(['dup@partai-contoh.test'])
    // The asker wrote again: the kept sheet waits for the desk; the duplicate stays as it was merged.
    expect(await stored(keptId)).toMatchObject({ status: 'baru' })
    expect(await stored(duplicate.id)).toMatchObject({ status: 'baru', mergedIntoId: keptId })
    const audit = await world.api.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'consultation.mailReply' },
    })
    expect(audit.targetId).toBe(keptId)
  })

  it('joins a reply naming the duplicate’s number in its subject to the kept sheet too', async () => {
    await deliver({ messageId: '<tagged@partai-contoh.test>', subject: `Re: [${duplicate.number}] C5` })
    expect((await poll()).taken).toMatchObject({ reply: 1, sheet: 0 })
    expect((await mailsOf(keptId)).map((m) => m.messageId)).toEqual([
      'reply@partai-contoh.test',
      'tagged@partai-contoh.test',
    ])
    const history = data<{ status: string }[]>(
      await world.petugas.query('messaging.sheetMessages', { consultationId: keptId }),
    )
    expect(history.map((h) => h.status)).toEqual(['reply', 'reply'])
  })
})
