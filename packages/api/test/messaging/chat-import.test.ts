import { testTargets } from '@mejabantu/db/testing'
import { instantAt } from '@mejabantu/domain'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chatExportText, type ExportMessage } from '../../../domain/src/chat-export.fixture.ts'
import { dataOf as data } from '../support/browser.ts'
import { openConsultationDesk, type ConsultationDesk } from '../support/consultation-fixtures.ts'

interface Thread {
  key: string
  asker: string
  question: string
  messageCount: number
  attachments: string[]
  imported: boolean
}

const at = (local: string) => instantAt(local, 'WIB')
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 250]), Buffer.from('\n%%EOF')])

const conversation = (staff: string): ExportMessage[] => [
  { at: at('2024-09-06T09:00'), author: null, text: 'Pesan dan panggilan terenkripsi secara end-to-end.' },
  {
    at: at('2024-09-06T09:05'),
    author: 'Andi LO Paslon 1',
    text: 'Selamat pagi, apakah SKCK boleh\nberupa hasil pindaian?',
  },
  { at: at('2024-09-06T09:06'), author: 'Andi LO Paslon 1', attachment: 'DOC-20240906-WA0001.pdf' },
  { at: at('2024-09-06T09:20'), author: staff, text: 'Boleh, asal dari Polres setempat.' },
  { at: at('2024-09-06T14:00'), author: 'Rina LO Paslon 2', text: 'Kapan batas unggah perbaikan di SILON?' },
  { at: at('2024-09-06T14:10'), author: staff, text: 'Sampai 8 September pukul 23.59 WIB.' },
]

describe.each(testTargets())('importing a WhatsApp group export on $kind', (target) => {
  let desk: ConsultationDesk
  let staffName: string

  const file = (
    messages: ExportMessage[],
    format: 'android' | 'ios' = 'android',
    locale: 'id' | 'en' = 'id',
  ) => {
    const text = chatExportText({ format, locale, zone: 'WIB', messages })
    return {
      fileName: 'WhatsApp Chat dengan LO Pilkada Bantul.txt',
      contentBase64: Buffer.from(text).toString('base64'),
    }
  }
  const preview = async (input: { fileName: string; contentBase64: string }) =>
    data<{ threads: Thread[] }>(await desk.bantul.mutation('messaging.chatPreview', input)).threads
  const confirm = (input: { fileName: string; contentBase64: string }, keys: string[]) =>
    desk.bantul.mutation('messaging.chatImport', {
      ...input,
      keys,
      stakeholderCategory: 'lo',
      topic: 'silon',
    })

  beforeAll(async () => {
    desk = await openConsultationDesk(target)
    staffName = (await desk.api.db.prisma.user.findUniqueOrThrow({ where: { id: desk.bantul.userId } }))
      .displayName
  })
  afterAll(() => desk?.api.close())

  it('proposes one sheet per question thread, the asker being the first who is not staff', async () => {
    for (const [format, locale] of [
      ['android', 'id'],
      ['android', 'en'],
      ['ios', 'id'],
      ['ios', 'en'],
    ] as const) {
      const threads = await preview(file(conversation(staffName), format, locale))
      expect(threads.map((t) => [t.asker, t.messageCount, t.imported])).toEqual([
        ['Andi LO Paslon 1', 3, false],
        ['Rina LO Paslon 2', 2, false],
      ])
      expect(threads[0]!.question).toContain('hasil pindaian')
    }
  })

  it('makes confirmed threads sheets of channel grup pesan, with minutes and media, and never twice', async () => {
    const messages = conversation(staffName)
    const zip = zipSync({
      'WhatsApp Chat dengan LO Pilkada Bantul.txt': strToU8(
        chatExportText({ format: 'android', locale: 'id', zone: 'WIB', messages }),
      ),
      'DOC-20240906-WA0001.pdf': new Uint8Array(pdf),
    })
    const upload = { fileName: 'WhatsApp Chat.zip', contentBase64: Buffer.from(zip).toString('base64') }
    const [first] = await preview(upload)
    expect(first!.attachments).toEqual(['DOC-20240906-WA0001.pdf'])
    const made = data<{ created: string[]; skipped: number }>(await confirm(upload, [first!.key]))
    expect(made).toMatchObject({ created: [expect.stringMatching(/^LK-34\.02-2024-/)], skipped: 0 })
    const sheet = await desk.api.db.prisma.consultation.findUniqueOrThrow({
      where: { number: made.created[0]! },
      include: { attachments: true },
    })
    expect(sheet).toMatchObject({
      channel: 'grup_pesan',
      askerName: 'Andi LO Paslon 1',
      stakeholderCategory: 'lo',
      topic: 'silon',
    })
    expect(sheet.occurredAt.toISOString()).toBe('2024-09-06T02:05:00.000Z')
    expect(sheet.minutes).toContain('Boleh, asal dari Polres setempat.')
    expect(sheet.participants).toEqual([{ name: 'Andi LO Paslon 1' }, { name: staffName }])
    expect(sheet.attachments.map((a) => a.fileName)).toEqual(['DOC-20240906-WA0001.pdf'])

    // The same export again, and a later one holding these messages and more: only the new thread is new.
    expect(data<{ created: string[]; skipped: number }>(await confirm(upload, [first!.key]))).toEqual({
      created: [],
      skipped: 1,
    })
    const later = file([
      ...messages,
      { at: at('2024-09-07T10:00'), author: 'Dewi LO Paslon 3', text: 'Apakah ada format surat?' },
    ])
    const threads = await preview(later)
    expect(threads.map((t) => t.imported)).toEqual([true, false, false])
    const before = await desk.api.db.prisma.consultation.count()
    data(
      await confirm(
        later,
        threads.map((t) => t.key),
      ),
    )
    expect(await desk.api.db.prisma.consultation.count()).toBe(before + 2)
  })

  it('refuses a file that is not a chat export, and a thread not in the file, creating nothing', async () => {
    const before = await desk.api.db.prisma.consultation.count()
    const junk = { fileName: 'catatan.txt', contentBase64: Buffer.from('bukan ekspor').toString('base64') }
    expect((await desk.bantul.mutation('messaging.chatPreview', junk)).body.error?.data.rule).toMatch(
      /^chatExport\./,
    )
    const unknown = await confirm(file(conversation(staffName)), ['tidak-ada'])
    expect(unknown.body.error?.data.rule).toBe('chatImport.unknownThread')
    expect(await desk.api.db.prisma.consultation.count()).toBe(before)
  })
})
