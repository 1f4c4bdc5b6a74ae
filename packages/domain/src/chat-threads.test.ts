import { describe, expect, it } from 'vitest'
import { parseChatExport, type ChatMessage, type ParsedChat } from './chat-export.ts'
import { chatExportText, systemText, type ExportMessage, type ExportOptions } from './chat-export.fixture.ts'
import { proposeThreads, THREAD_MINUTES_MAX, THREAD_QUESTION_MAX } from './chat-threads.ts'

const utc = (iso: string) => new Date(iso)
const rahmat = 'Rahmat Hidayat'
const sari = 'Sari Wulandari'
const dewi = 'Dewi KPU'
const andi = 'Andi Petugas'
const staffNames = [dewi, andi]

// An LO group of a kabupaten in Makassar during the perbaikan window, 6–8 September 2024 (WITA = UTC+8).
const perbaikan: ExportMessage[] = [
  { at: utc('2024-09-06T05:40:00Z'), author: null, text: systemText.encrypted('id') },
  {
    at: utc('2024-09-06T05:50:00Z'),
    author: andi,
    text: 'Selamat siang, Bapak/Ibu LO. Masa perbaikan dibuka hari ini.',
  },
  {
    at: utc('2024-09-06T06:05:00Z'),
    author: rahmat,
    text: 'Selamat siang, Bu. Surat keterangan sehat calon wakil belum lengkap.',
  },
  { at: utc('2024-09-06T06:06:00Z'), author: rahmat, text: 'Apakah boleh diunggah ulang di SILON?' },
  { at: utc('2024-09-06T06:20:00Z'), author: dewi, text: 'Boleh, Pak.\nUnggah di menu perbaikan.' },
  {
    at: utc('2024-09-06T06:25:00Z'),
    author: rahmat,
    attachment: 'IMG-20240906-WA0001.jpg',
    text: 'Sudah, Bu',
  },
  { at: utc('2024-09-06T11:30:00Z'), author: rahmat, text: 'Bu, statusnya masih BMS.' },
  { at: utc('2024-09-06T11:31:00Z'), author: null, text: systemText.added('id', dewi, sari) },
  { at: utc('2024-09-07T00:00:00Z'), author: dewi, text: 'Pagi, Pak. Sudah kami teliti ulang, sekarang MS.' },
  { at: utc('2024-09-07T00:10:00Z'), author: rahmat, text: 'Terima kasih, Bu.' },
  {
    at: utc('2024-09-07T15:50:00Z'),
    author: sari,
    text: 'Izin bertanya, B.1-KWK perbaikan dikirim ke mana?',
  },
  { at: utc('2024-09-07T16:10:00Z'), author: sari, text: 'Maaf, untuk calon wakil.' },
  { at: utc('2024-09-07T16:15:00Z'), author: andi, omitted: true, text: 'Diunggah di SILON, Bu.' },
  { at: utc('2024-09-08T15:40:00Z'), author: rahmat, text: 'Bu, kalau lewat 23.59 bagaimana?' },
  { at: utc('2024-09-08T15:45:00Z'), author: sari, text: 'Kami juga, Bu.' },
  { at: utc('2024-09-08T15:50:00Z'), author: dewi, text: 'Batasnya 23.59 WITA, Pak/Bu.' },
]

function chatOf(messages: ExportMessage[], v: Partial<ExportOptions> = {}): ParsedChat {
  const text = chatExportText({ format: 'android', locale: 'id', zone: 'WITA', messages, ...v })
  const result = parseChatExport(text, 'WITA')
  if (!result.ok) throw new Error(result.violation.rule)
  return result.value
}
const threadsOf = (chat: ParsedChat, more: { gapMinutes?: number; staffNames?: string[] } = {}) =>
  proposeThreads(chat, { zone: 'WITA', staffNames, ...more })

const message = (iso: string, author: string | null, text: string, more: Partial<ChatMessage> = {}) => ({
  at: utc(iso),
  author,
  text,
  attachments: [],
  mediaOmitted: false,
  ...more,
})
const chat = (...messages: ChatMessage[]): ParsedChat => ({ format: 'android', dayFirst: true, messages })

describe('threads of a perbaikan-window conversation', () => {
  const threads = threadsOf(chatOf(perbaikan))

  it('opens a thread per question: after two hours of silence, or on a new day in WITA', () => {
    expect(
      threads.map((t) => [t.asker, t.startedAt.toISOString(), t.endedAt.toISOString(), t.messageCount]),
    ).toEqual([
      [rahmat, '2024-09-06T06:05:00.000Z', '2024-09-06T06:25:00.000Z', 4],
      [rahmat, '2024-09-06T11:30:00.000Z', '2024-09-07T00:10:00.000Z', 3],
      [sari, '2024-09-07T15:50:00.000Z', '2024-09-07T15:50:00.000Z', 1],
      // 00.10 WITA is the next office day, though only 20 minutes later and the same day in UTC.
      [sari, '2024-09-07T16:10:00.000Z', '2024-09-07T16:15:00.000Z', 2],
      [rahmat, '2024-09-08T15:40:00.000Z', '2024-09-08T15:50:00.000Z', 3],
    ])
  })

  it("takes the asker's opening messages as the question", () => {
    expect(threads[0]!.question).toBe(
      'Selamat siang, Bu. Surat keterangan sehat calon wakil belum lengkap.\nApakah boleh diunggah ulang di SILON?',
    )
    expect(threads[2]!.question).toBe('Izin bertanya, B.1-KWK perbaikan dikirim ke mana?')
  })

  it('names everyone who wrote, the asker first, and marks staff', () => {
    expect(threads[4]!.participants).toEqual([
      { name: rahmat, staff: false },
      { name: sari, staff: false },
      { name: dewi, staff: true },
    ])
  })

  it('quotes every message in minutes on the WITA clock, with files, missing media and day changes', () => {
    expect(threads[0]!.minutes).toBe(
      [
        `[14.05] ${rahmat}: Selamat siang, Bu. Surat keterangan sehat calon wakil belum lengkap.`,
        `[14.06] ${rahmat}: Apakah boleh diunggah ulang di SILON?`,
        `[14.20] ${dewi}: Boleh, Pak.\nUnggah di menu perbaikan.`,
        `[14.25] ${rahmat}: [lampiran: IMG-20240906-WA0001.jpg] Sudah, Bu`,
      ].join('\n'),
    )
    expect(threads[1]!.minutes).toBe(
      [
        `[19.30] ${rahmat}: Bu, statusnya masih BMS.`,
        '— 7 September 2024 —',
        `[08.00] ${dewi}: Pagi, Pak. Sudah kami teliti ulang, sekarang MS.`,
        `[08.10] ${rahmat}: Terima kasih, Bu.`,
      ].join('\n'),
    )
    expect(threads[3]!.minutes).toBe(
      `[00.10] ${sari}: Maaf, untuk calon wakil.\n[00.15] ${andi}: [media tidak disertakan] Diunggah di SILON, Bu.`,
    )
    expect(threads[0]!.attachments).toEqual(['IMG-20240906-WA0001.jpg'])
  })

  it('reads the same threads from an iPhone in English', () => {
    const ios = threadsOf(chatOf(perbaikan, { format: 'ios', locale: 'en' }))
    expect(ios.map((t) => [t.asker, t.messageCount, t.question])).toEqual(
      threads.map((t) => [t.asker, t.messageCount, t.question]),
    )
  })
})

describe('thread keys', () => {
  const keys = (messages: ExportMessage[]) => threadsOf(chatOf(messages)).map((t) => t.key)
  const all = keys(perbaikan)

  it('are distinct hashes of the first message, pinned so stored keys stay valid', () => {
    expect(all[0]).toBe('wa-05526eed59d5e882')
    expect(new Set(all).size).toBe(all.length)
    all.forEach((key) => expect(key).toMatch(/^wa-[0-9a-f]{16}$/))
  })

  it('are the same when the same export is read again', () => {
    expect(keys(perbaikan)).toEqual(all)
  })

  it('are the same for the old threads of a later export that holds them', () => {
    const earlier = keys(perbaikan.slice(0, 10))
    expect(earlier).toEqual(all.slice(0, 2))
    expect(keys(perbaikan.slice(2))).toEqual(all)
  })
})

describe('cutting a chat into threads', () => {
  const at = (hhmm: string) => `2024-09-06T${hhmm}:00Z`

  it('needs more than gapMinutes of silence to open a new thread', () => {
    const messages = [
      message(at('01:00'), 'A', 'satu'),
      message(at('03:00'), 'A', 'dua'),
      message(at('05:01'), 'A', 'tiga'),
    ]
    expect(threadsOf(chat(...messages)).map((t) => t.messageCount)).toEqual([2, 1])
    expect(threadsOf(chat(...messages), { gapMinutes: 30 }).map((t) => t.messageCount)).toEqual([1, 1, 1])
    expect(threadsOf(chat(...messages), { gapMinutes: 240 }).map((t) => t.messageCount)).toEqual([3])
  })

  it.each([Number.NaN, -5, Number.POSITIVE_INFINITY])(
    'falls back to two hours for gapMinutes %s',
    (gapMinutes) => {
      const messages = [message(at('01:00'), 'A', 'satu'), message(at('03:01'), 'A', 'dua')]
      expect(threadsOf(chat(...messages), { gapMinutes })).toHaveLength(2)
    },
  )

  it('lets staff answer but never open a thread; staff before any thread is dropped', () => {
    const threads = threadsOf(
      chat(
        message(at('01:00'), 'Dewi KPU', 'pengumuman'),
        message(at('01:05'), 'LO', 'tanya'),
        message(at('06:00'), ' dewi   kpu', 'jawab, lama kemudian'),
      ),
      { staffNames: ['  DEWI  kpu '] },
    )
    expect(threads).toHaveLength(1)
    expect(threads[0]).toMatchObject({ asker: 'LO', messageCount: 2, question: 'tanya' })
  })

  it('proposes nothing for a chat of staff and WhatsApp alone', () => {
    expect(
      threadsOf(chat(message(at('01:00'), null, 'Dewi menambahkan Andi'), message(at('01:01'), dewi, 'x'))),
    ).toEqual([])
  })

  it('takes everyone as an asker when no staff are named, in time order', () => {
    const threads = proposeThreads(
      chat(message(at('05:00'), 'B', 'kedua'), message(at('01:00'), 'A', 'pertama')),
      {
        zone: 'WIB',
      },
    )
    expect(threads.map((t) => [t.asker, t.question])).toEqual([
      ['A', 'pertama'],
      ['B', 'kedua'],
    ])
  })

  it('quotes files and missing media in the question of a message without text', () => {
    const threads = threadsOf(
      chat(
        message(at('01:00'), 'A', '', { attachments: ['KTP.jpg', 'SKCK.pdf'] }),
        message(at('01:01'), 'A', '', { mediaOmitted: true }),
        message(at('01:02'), 'A', ''),
      ),
    )
    expect(threads[0]!.question).toBe('[lampiran: KTP.jpg] [lampiran: SKCK.pdf]\n[media tidak disertakan]')
    expect(threads[0]!.attachments).toEqual(['KTP.jpg', 'SKCK.pdf'])
  })
})

describe('limits', () => {
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])/
  const start = new Date('2024-09-06T01:00:00Z').getTime()
  const minuteApart = (texts: string[]) =>
    chat(...texts.map((text, i) => message(new Date(start + i * 60_000).toISOString(), 'A', text)))

  it('cuts a long question at its limit, never inside an emoji', () => {
    const [thread] = threadsOf(minuteApart(['😀'.repeat(6000)]))
    expect(thread!.question.length).toBeLessThanOrEqual(THREAD_QUESTION_MAX)
    expect(thread!.question.endsWith('😀…')).toBe(true)
    expect(thread!.question).not.toMatch(lone)
  })

  it('cuts long minutes at a line boundary, saying more was there', () => {
    const [thread] = threadsOf(minuteApart(Array.from({ length: 30 }, (_, i) => `${i}`.padEnd(1000, 'x'))))
    const lines = thread!.minutes.split('\n')
    expect(thread!.minutes.length).toBeLessThanOrEqual(THREAD_MINUTES_MAX)
    expect(lines.at(-1)).toBe('…')
    lines.slice(0, -1).forEach((line) => expect(line).toMatch(/^\[09\.\d\d\] A: \d+x+$/))
    expect(thread!.messageCount).toBe(30)
  })

  it('cuts minutes of one long line inside it, never inside an emoji', () => {
    const [thread] = threadsOf(minuteApart([`a${'😀'.repeat(12_000)}`]))
    expect(thread!.minutes.length).toBeLessThanOrEqual(THREAD_MINUTES_MAX)
    expect(thread!.minutes.endsWith('😀…')).toBe(true)
    expect(thread!.minutes).not.toMatch(lone)
  })
})
