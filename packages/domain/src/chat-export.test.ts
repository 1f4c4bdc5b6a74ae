import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseChatExport, type ChatMessage, type ParsedChat } from './chat-export.ts'
import { chatExportText, systemText, type ExportMessage, type ExportOptions } from './chat-export.fixture.ts'

const utc = (iso: string) => new Date(iso)

/** The parsed chat, or a failed test. */
function parsed(text: string, zone: 'WIB' | 'WITA' | 'WIT' = 'WITA'): ParsedChat {
  const result = parseChatExport(text, zone)
  if (!result.ok) throw new Error(result.violation.rule)
  return result.value
}
const only = (text: string, zone?: 'WIB' | 'WITA' | 'WIT') => parsed(text, zone).messages[0]!

type Variant = Pick<ExportOptions, 'format' | 'locale' | 'region'> & { dayFirst: boolean }
const variants: [string, Variant][] = [
  ['Android, Indonesian', { format: 'android', locale: 'id', dayFirst: true }],
  ['Android, English (US)', { format: 'android', locale: 'en', dayFirst: false }],
  ['Android, English (UK)', { format: 'android', locale: 'en', region: 'gb', dayFirst: true }],
  ['iOS, Indonesian', { format: 'ios', locale: 'id', dayFirst: true }],
  ['iOS, English (US)', { format: 'ios', locale: 'en', dayFirst: false }],
  ['iOS, English (UK)', { format: 'ios', locale: 'en', region: 'gb', dayFirst: true }],
]

// An LO group in Makassar (WITA) during the 6–8 September 2024 perbaikan window.
const rahmat = 'Rahmat Hidayat'
const dewi = 'Dewi KPU'
function conversation(v: Variant): ExportMessage[] {
  const photo = v.format === 'ios' ? '00000012-PHOTO-2024-09-06-14-15-07.jpg' : 'IMG-20240906-WA0001.jpg'
  return [
    { at: utc('2024-09-06T06:00:00Z'), author: null, text: systemText.encrypted(v.locale) },
    {
      at: utc('2024-09-06T06:00:10Z'),
      author: null,
      text: systemText.created(v.locale, dewi, 'LO Paslon 2'),
    },
    { at: utc('2024-09-06T06:01:00Z'), author: null, text: systemText.added(v.locale, dewi, rahmat) },
    {
      at: utc('2024-09-06T06:05:33Z'),
      author: rahmat,
      text: 'Selamat siang, Bu.\nApakah surat keterangan sehat boleh diunggah ulang di SILON?\n\nTerima kasih.',
    },
    {
      at: utc('2024-09-06T06:12:00Z'),
      author: dewi,
      text: 'Boleh, Pak. Perbaikan sampai 8 September 23.59 WITA.',
    },
    { at: utc('2024-09-06T06:15:07Z'), author: rahmat, attachment: photo, text: 'Ini hasil pindainya' },
    { at: utc('2024-09-06T06:20:00Z'), author: rahmat, omitted: true },
    { at: utc('2024-09-06T06:21:00Z'), author: rahmat, deleted: true },
    { at: utc('2024-09-07T00:30:00Z'), author: null, text: systemText.joined(v.locale, 'Sari') },
    { at: utc('2024-09-08T15:40:59Z'), author: 'Sari', text: 'Kalau lewat 23.59 bagaimana?' },
  ]
}

const deletedText: Record<string, string> = {
  'android/id': 'Pesan ini telah dihapus',
  'android/en': 'This message was deleted',
  'ios/id': 'Pesan ini telah dihapus.',
  'ios/en': 'This message was deleted.',
}

/** What the parser should read back: Android drops the seconds; markers become fields. */
function expected(v: Variant): ChatMessage[] {
  return conversation(v).map((m) => {
    const at = new Date(v.format === 'ios' ? m.at : Math.floor(m.at.getTime() / 60_000) * 60_000)
    const text = m.deleted ? deletedText[`${v.format}/${v.locale}`]! : (m.text ?? '')
    return {
      at,
      author: m.author,
      text,
      attachments: m.attachment ? [m.attachment] : [],
      mediaOmitted: !!m.omitted,
    }
  })
}

describe.each(variants)('a %s export', (_, v) => {
  const text = chatExportText({ ...v, zone: 'WITA', messages: conversation(v) })

  it('reads every message, system lines, files, missing media and deletions included', () => {
    expect(parsed(text)).toEqual({ format: v.format, dayFirst: v.dayFirst, messages: expected(v) })
  })

  it("reads the phone's clock in the office's zone", () => {
    const messages = expected(v)
    expect(parsed(text, 'WIB').messages.map((m) => m.at.getTime())).toEqual(
      messages.map((m) => m.at.getTime() + 3_600_000),
    )
    expect(parsed(text, 'WIT').messages.map((m) => m.at.getTime())).toEqual(
      messages.map((m) => m.at.getTime() - 3_600_000),
    )
  })

  it('reads Windows line ends the same', () => {
    const crlf = chatExportText({ ...v, zone: 'WITA', messages: conversation(v), eol: '\r\n' })
    expect(parsed(crlf)).toEqual(parsed(text))
  })
})

describe('the lines WhatsApp writes', () => {
  it.each([
    ['06/09/24 14.05 - Budi Santoso: Selamat siang, Bu', '2024-09-06T06:05:00Z', 'Budi Santoso'],
    ['9/6/24, 2:05 PM - Budi Santoso: Good afternoon', '2024-09-06T06:05:00Z', 'Budi Santoso'],
    ['9/6/24, 2:05\u202fPM - Budi Santoso: Good afternoon', '2024-09-06T06:05:00Z', 'Budi Santoso'],
    ['06/09/2024, 14:05 - Budi: Good afternoon', '2024-09-06T06:05:00Z', 'Budi'],
    ['[06/09/24 14.05.33] Budi Santoso: Selamat siang', '2024-09-06T06:05:33Z', 'Budi Santoso'],
    ['\u200e[9/6/24, 2:05:33\u202fPM] Budi Santoso: Good afternoon', '2024-09-06T06:05:33Z', 'Budi Santoso'],
    ['[06/09/2024, 00:05:00] Budi: Halo', '2024-09-05T16:05:00Z', 'Budi'],
    ['9/6/24, 12:05 AM - Budi: Halo', '2024-09-05T16:05:00Z', 'Budi'],
    ['9/6/24, 12:05 p.m. - Budi: Halo', '2024-09-06T04:05:00Z', 'Budi'],
  ])('%s', (line, at, author) => {
    expect(only(line)).toMatchObject({ at: utc(at), author })
  })

  it('strips the BOM, bidi marks around phone numbers and no-break spaces', () => {
    const line = '\ufeff06/09/24 14.05 - \u202a+62 812 3456 7890\u202c: Halo\u00a0Bu'
    expect(only(line)).toMatchObject({ author: '+62 812 3456 7890', text: 'Halo Bu' })
  })

  it('continues a message on lines that do not start with a date, and drops what comes before any', () => {
    const chat = parsed('catatan tanpa tanggal\n06/09/24 14.05 - Budi: satu\ndua\r\n\r\ntiga\rempat\n\n')
    expect(chat.messages).toHaveLength(1)
    expect(chat.messages[0]!.text).toBe('satu\ndua\n\ntiga\nempat')
  })

  it('keeps a message whose text is empty', () => {
    expect(only('06/09/24 14.05 - ')).toMatchObject({ author: null, text: '' })
    const at = utc('2024-09-06T06:05:00Z')
    const empty = chatExportText({
      format: 'android',
      locale: 'id',
      zone: 'WITA',
      messages: [{ at, author: 'A' }],
    })
    expect(only(empty)).toEqual({ at, author: 'A', text: '', attachments: [], mediaOmitted: false })
  })

  it('reads a newer Android phone that writes U+202F before PM', () => {
    const at = utc('2024-09-06T06:05:00Z')
    const messages = [{ at, author: 'Budi', text: 'Good afternoon' }]
    const text = chatExportText({
      format: 'android',
      locale: 'en',
      zone: 'WITA',
      messages,
      narrowSpace: true,
    })
    expect(text).toBe('9/6/24, 2:05\u202fPM - Budi: Good afternoon\n')
    expect(only(text)).toMatchObject({ at, author: 'Budi' })
  })
})

describe('dates: day or month first', () => {
  const day = (text: string) => parsed(text).dayFirst

  it('takes a first number over 12 as the day, whatever the clock', () => {
    expect(day('9/6/24, 2:05 PM - A: x\n13/6/24, 2:05 PM - A: y')).toBe(true)
  })

  it('takes a middle number over 12 as the day, whatever the clock', () => {
    expect(day('09/06/24 14.05 - A: x\n09/13/24 14.05 - A: y')).toBe(false)
  })

  it('reads an ambiguous export day first when its system lines are Indonesian, even on a 12-hour clock', () => {
    const chat = parsed('9/6/24, 2:05 PM - Budi menambahkan Ani\n9/6/24, 2:06 PM - Ani: Halo')
    expect(chat.dayFirst).toBe(true)
    expect(chat.messages[1]!.at).toEqual(utc('2024-06-09T06:06:00Z'))
  })

  it.each([
    ['9/6/24, 2:05 PM - A: IMG-1.jpg (file terlampir)', true],
    ['[9/6/24, 2:05:33 PM] A: \u200egambar dihilangkan', true],
    ['9/6/24, 2:05 PM - A: <Media tidak disertakan>', true],
    ['9/6/24, 2:05 PM - A: <Media omitted>', false],
    ['06/09/2024, 14:05 - A: Halo', true],
  ])('reads %s with dayFirst %s', (text, dayFirst) => {
    expect(day(text)).toBe(dayFirst)
  })

  it('reads a line that names no real time as part of the message before it', () => {
    const lines = [
      '[06/09/24 14.05.33] A: satu',
      '[31/09/24 14.05.33] A: 31 September',
      '[06/09/24 25.05.33] A: jam 25',
      '[06/09/24 14.60.33] A: menit 60',
      '[06/09/24 14.05.60] A: detik 60',
      '[06/00/24 14.05.33] A: bulan 0',
      '[00/09/24 14.05.33] A: hari 0',
    ]
    expect(only(lines.join('\n')).text).toBe(lines.map((l, i) => (i ? l : 'satu')).join('\n'))
    const clock = ['9/6/24, 2:05 PM - A: satu', '9/6/24, 13:05 PM - A: 13 PM', '9/6/24, 0:05 AM - A: 0 AM']
    expect(only(clock.join('\n')).text).toBe(['satu', ...clock.slice(1)].join('\n'))
  })

  it('reads 29 February only in a leap year', () => {
    expect(only('[29/02/24 10.00.00] A: kabisat').at).toEqual(utc('2024-02-29T02:00:00Z'))
    expect(parseChatExport('[29/02/23 10.00.00] A: bukan', 'WITA')).toMatchObject({ ok: false })
  })
})

describe('authors and system lines', () => {
  it.each([
    ['Pesan dan panggilan terenkripsi secara end-to-end.', 'an Android system line has no author'],
    ['Budi mengubah subjek dari "LO: 1" menjadi "LO Paslon 1"', 'a quote before the colon'],
    [`${'Budi Santoso '.repeat(8)}: bukan nama`, 'a colon after more than a name'],
  ])('06/09/24 14.05 - %s (%s)', (text) => {
    expect(only(`06/09/24 14.05 - ${text}`)).toMatchObject({ author: null, text })
  })

  it.each([
    ['[06/09/24 14.05.33] LO: Paslon 2: \u200eBudi menambahkan Ani', 'Budi menambahkan Ani'],
    ['[06/09/24 14.05.33] Budi menambahkan Ani', 'Budi menambahkan Ani'],
    ['\u200e[6/9/24, 2:05:33\u202fPM] LO Paslon 2: \u200eAni left', 'Ani left'],
  ])('reads the iOS system line %s without author', (line, text) => {
    expect(only(line)).toMatchObject({ author: null, text })
  })

  it('keeps the author of an iOS message marked with U+200E for its content', () => {
    const lines = [
      '\u200e[06/09/24 14.05.33] Budi: \u200e<terlampir: 00000015-Formulir B.1-KWK.pdf>',
      '\u200e[06/09/24 14.06.00] Budi: \u200eFormulir B.1.pdf • \u200e3 halaman \u200edokumen dihilangkan',
      '\u200e[06/09/24 14.07.00] Budi: \u200eAnda menghapus pesan ini.',
      '\u200e[06/09/24 14.08.00] Budi: \u200estiker dihilangkan',
    ]
    expect(parsed(lines.join('\n')).messages).toMatchObject([
      { author: 'Budi', text: '', attachments: ['00000015-Formulir B.1-KWK.pdf'], mediaOmitted: false },
      { author: 'Budi', text: 'Formulir B.1.pdf • 3 halaman', attachments: [], mediaOmitted: true },
      { author: 'Budi', text: 'Anda menghapus pesan ini.', attachments: [], mediaOmitted: false },
      { author: 'Budi', text: '', attachments: [], mediaOmitted: true },
    ])
  })

  it('reads an Android document attached with its own name and a caption', () => {
    const text = '06/09/24 14.05 - Budi: Surat Pernyataan (revisi).pdf (file terlampir)\nMohon dicek, Bu'
    expect(only(text)).toMatchObject({
      text: 'Mohon dicek, Bu',
      attachments: ['Surat Pernyataan (revisi).pdf'],
    })
  })
})

describe('refusals', () => {
  it.each(['', '   ', '\n\r\n\t', '\ufeff'])('refuses an empty export %j', (text) => {
    expect(parseChatExport(text, 'WIB')).toMatchObject({
      ok: false,
      violation: { rule: 'chatExport.empty', message: { id: 'Berkas ekspor chat kosong.' } },
    })
  })

  it.each(['Halo semua', 'Nama,NIK\nBudi,3402011234560001', '99/99/99 99.99 - A: bukan tanggal'])(
    'refuses text with no recognisable line: %j',
    (text) => {
      const result = parseChatExport(text, 'WIB')
      expect(result).toMatchObject({ ok: false, violation: { rule: 'chatExport.unrecognised', params: {} } })
      if (!result.ok) expect(result.violation.message.en).toMatch(/not recognised as a WhatsApp chat export/)
    },
  )
})

describe('any input', () => {
  const fragment = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '06/09/24 14.05 - ',
      '[9/6/24, 2:05:33\u202fPM] ',
      '13/13/24 ',
      ': ',
      '\u200e',
      '\n',
      '\r',
    ),
    fc.constantFrom(
      '<attached: ',
      '>',
      ' (file attached)',
      '<Media omitted>',
      'image omitted',
      '"',
      '\u202a',
    ),
  )

  it('never throws, and either reads messages or says why not', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fragment).map((parts) => parts.join('')),
        ),
        (text) => {
          const result = parseChatExport(text, 'WITA')
          expect(result.ok ? result.value.messages.length > 0 : result.violation.message.id.length > 0).toBe(
            true,
          )
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('reads adversarial input in linear time', () => {
    const tags = `[06/09/24 14.05.33] A: ${'<attached: x'.repeat(50_000)}`
    const spaces = `06/09/24 14.05 - A: x${' '.repeat(500_000)} document omitted`
    expect(only(tags).attachments).toEqual([])
    expect(only(spaces).mediaOmitted).toBe(true)
  })

  const plain = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.?!]{0,30}$/)
  const message = fc.record({
    at: fc.date({
      min: new Date('2010-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    author: fc.constantFrom('Budi Santoso', 'Ani', '+62 812-3456-7890'),
    text: fc.array(plain, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
  })

  it('reads back whatever a phone writes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...variants.map(([, v]) => v)),
        fc.constantFrom('WIB' as const, 'WITA' as const, 'WIT' as const),
        fc.array(message, { minLength: 1, maxLength: 8 }),
        (v, zone, messages) => {
          const chat = parsed(chatExportText({ ...v, zone, messages }), zone)
          const unit = v.format === 'ios' ? 1000 : 60_000
          expect(chat.messages).toEqual(
            messages.map((m) => ({
              at: new Date(Math.floor(m.at.getTime() / unit) * unit),
              author: m.author,
              text: m.text.trim(),
              attachments: [],
              mediaOmitted: false,
            })),
          )
        },
      ),
    )
  })
})
