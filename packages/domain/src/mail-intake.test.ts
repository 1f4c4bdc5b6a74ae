import { describe, expect, it } from 'vitest'
import {
  askerFromMail,
  classifyMail,
  normaliseMessageId,
  questionFromText,
  replySubject,
  sheetNumberInSubject,
  sheetSubject,
  threadReferences,
  type InboundMailHeaders,
} from './mail-intake.ts'

const OFFICE = 'helpdesk@kpu-bantul.go.id'
const mail = (overrides: Partial<InboundMailHeaders> = {}): InboundMailHeaders => ({
  from: { name: 'Andi Wijaya', address: 'andi.lo@gmail.com' },
  subject: 'Syarat SKCK',
  messageId: '<CAF1x@mail.gmail.com>',
  inReplyTo: null,
  references: [],
  ...overrides,
})

// Headers as the server's parser hands them over, from real messages of each kind.
const gmailReply = mail({
  subject: 'Re: [LK-34.02-2024-00012] Re: Syarat SKCK',
  messageId: '<CAKx9Q2v+8fLr3=pW@mail.gmail.com>',
  inReplyTo: '<7d1c0e8a-2f4b@KPU-Bantul.go.id>',
  references: ['<CAF1x@mail.gmail.com>', '<7d1c0e8a-2f4b@KPU-Bantul.go.id>'],
  contentType: 'multipart/alternative; boundary="000000000000a1b2c3"',
  returnPath: '<andi.lo@gmail.com>',
})
const outlookReply = mail({
  from: { name: "'Siti Rahma'", address: 'siti.rahma@partai-contoh.or.id' },
  subject: 'RE: Jadwal perbaikan',
  messageId: '<SG2PR06MB5012ABCD@SG2PR06MB5012.apcprd06.prod.outlook.com>',
  inReplyTo: '<e5f6@kpu-bantul.go.id>',
  references: ['<e5f6@kpu-bantul.go.id>'],
  contentType: 'multipart/alternative',
  xAutoResponseSuppress: null,
})
const outOfOffice = mail({
  from: { name: 'Budi', address: 'budi@pemkab.go.id' },
  subject: 'Balasan Otomatis: Syarat SKCK',
  autoSubmitted: 'auto-generated',
  xAutoResponseSuppress: 'All',
})
const bounce = mail({
  from: { name: 'Mail Delivery Subsystem', address: 'MAILER-DAEMON@mx1.kpu-bantul.go.id' },
  subject: 'Undelivered Mail Returned to Sender',
  contentType: 'multipart/report; report-type=delivery-status; boundary="B1"',
  returnPath: '<>',
})
const newsletter = mail({
  from: { name: 'Info Pemilu', address: 'noreply@berita-pemilu.id' },
  subject: 'Buletin pekan ini',
  listId: 'Buletin Pemilu <buletin.berita-pemilu.id>',
  precedence: 'bulk',
})

describe('which mail becomes a sheet', () => {
  it('takes a person’s mail and replies from Gmail and Outlook', () => {
    for (const headers of [mail(), gmailReply, outlookReply, mail({ autoSubmitted: 'no' })])
      expect(classifyMail(headers, [OFFICE])).toEqual({ kind: 'sheet' })
  })

  it.each([
    ['an out-of-office reply from Outlook in Indonesian', outOfOffice, 'auto_reply'],
    ['a bounce from MAILER-DAEMON', bounce, 'bounce'],
    ['a newsletter with List-Id', newsletter, 'bulk'],
  ])('skips %s', (_, headers, reason) => {
    expect(classifyMail(headers, [OFFICE])).toEqual({ kind: 'skip', reason })
  })

  it.each([
    ['a vacation reply (RFC 3834)', { autoSubmitted: 'auto-replied' }, 'auto_reply'],
    ['an X-Autoreply', { xAutoreply: 'yes' }, 'auto_reply'],
    ['Precedence auto_reply', { precedence: 'auto_reply' }, 'auto_reply'],
    [
      'an Outlook automatic reply with no RFC 3834 header',
      { xAutoResponseSuppress: 'DR, OOF, AutoReply', subject: 'Automatic reply: Syarat SKCK' },
      'auto_reply',
    ],
    [
      'a read receipt',
      { contentType: 'multipart/report; report-type="disposition-notification"' },
      'auto_reply',
    ],
    ['a postmaster notice', { from: { address: 'postmaster@kpu.go.id' } }, 'bounce'],
    ['a delivery report without parameters', { contentType: 'multipart/report' }, 'bounce'],
    ['a null return path', { returnPath: '< >' }, 'bounce'],
    ['X-Failed-Recipients', { xFailedRecipients: 'x@y.id' }, 'bounce'],
    ['bulk mail', { precedence: 'Bulk' }, 'bulk'],
    ['junk', { precedence: 'junk' }, 'bulk'],
    ['list mail', { precedence: 'list' }, 'bulk'],
    ['mail from the office itself', { from: { address: 'Helpdesk@KPU-Bantul.go.id' } }, 'own_address'],
    ['mail with no sender', { from: null }, 'no_sender'],
    ['mail with an empty sender', { from: { address: '  ' } }, 'no_sender'],
  ] as const)('skips %s', (_, overrides, reason) => {
    expect(classifyMail(mail(overrides as Partial<InboundMailHeaders>), [OFFICE])).toEqual({
      kind: 'skip',
      reason,
    })
  })

  it('keeps an Outlook mail that only asks not to be auto-answered', () => {
    expect(classifyMail(mail({ xAutoResponseSuppress: 'All' }), [OFFICE])).toEqual({ kind: 'sheet' })
    expect(classifyMail(mail({ precedence: 'normal', returnPath: '<a@b.id>' }), [])).toEqual({
      kind: 'sheet',
    })
  })
})

describe('threads', () => {
  it('normalises Message-IDs and refuses what cannot be one', () => {
    expect(normaliseMessageId(' <CAF1x@Mail.GMAIL.com> ')).toBe('CAF1x@mail.gmail.com')
    expect(normaliseMessageId('<SG2PR06MB@SG2PR06MB.apcprd06.PROD.outlook.com>')).toBe(
      'SG2PR06MB@sg2pr06mb.apcprd06.prod.outlook.com',
    )
    expect(normaliseMessageId('no-domain')).toBe('no-domain')
    for (const bad of [null, undefined, '', '  ', '<>', 'a b@c', '<a<b@c>', `${'x'.repeat(501)}@d`])
      expect(normaliseMessageId(bad)).toBeNull()
  })

  it('lists the ids a Gmail reply answers, nearest first, each once', () => {
    expect(threadReferences(gmailReply)).toEqual(['7d1c0e8a-2f4b@kpu-bantul.go.id', 'CAF1x@mail.gmail.com'])
    const headers = mail({ inReplyTo: '<b@x.id>', references: ['<a@x.id> <b@x.id>', '<c@X.ID>'] })
    expect(threadReferences(headers)).toEqual(['b@x.id', 'c@x.id', 'a@x.id'])
    expect(threadReferences(mail())).toEqual([])
  })

  it('gives a reply one "Re: ", whatever its client wrote', () => {
    expect(replySubject('RE: Fwd: Syarat SKCK')).toBe('Re: Syarat SKCK')
    expect(replySubject('Balas: Bls: jadwal')).toBe('Re: jadwal')
    expect(replySubject('Re[2]: FW: AW:  Surat\n keterangan')).toBe('Re: Surat keterangan')
    expect(replySubject('Rekap dukungan')).toBe('Re: Rekap dukungan')
    expect(replySubject('  ')).toBe('Re: (tanpa subjek)')
    expect(replySubject('Re:')).toBe('Re: (tanpa subjek)')
  })

  it('tags the subject with the sheet number once and finds it again', () => {
    const number = 'LK-34.02-2024-00012'
    const subject = sheetSubject(number, replySubject('RE: Fwd: Syarat SKCK'))
    expect(subject).toBe('[LK-34.02-2024-00012] Re: Syarat SKCK')
    expect(sheetSubject(number, gmailReply.subject)).toBe(subject)
    expect(sheetSubject(number, `Re: ${subject}`)).toBe(subject)
    expect(sheetSubject(number, 'Syarat SKCK')).toBe('[LK-34.02-2024-00012] Syarat SKCK')
    expect(sheetSubject(number, '')).toBe('[LK-34.02-2024-00012] (tanpa subjek)')
    expect(sheetSubject(number, 'x'.repeat(2_000))).toHaveLength(998)
    expect(sheetNumberInSubject(`Balas: ${subject}`)).toBe(number)
    expect(sheetNumberInSubject('[LK-34-2024-00001] x')).toBe('LK-34-2024-00001')
    expect(sheetNumberInSubject('Re: [lk-00-2024-123456] x')).toBe('LK-00-2024-123456')
    expect(sheetNumberInSubject('Syarat SKCK')).toBeNull()
    expect(sheetNumberInSubject('LK-34.02-2024-00012 without brackets')).toBeNull()
  })
})

describe('the question of a mail', () => {
  it('keeps the new text of a Gmail reply, its quote introduction wrapped over two lines', () => {
    const text = [
      'Terima kasih, satu lagi:',
      'apakah KTP boleh difotokopi?',
      '',
      'On Mon, 9 Sep 2024 at 10.00, Helpdesk KPU Bantul <helpdesk@kpu-bantul.go.id>',
      'wrote:',
      '',
      '> Jawaban lama',
      '> -- ',
      '> Helpdesk',
    ].join('\r\n')
    expect(questionFromText(text)).toBe('Terima kasih, satu lagi:\napakah KTP boleh difotokopi?')
  })

  it('drops the Indonesian quote introductions of Gmail and other clients', () => {
    expect(
      questionFromText('Baik.\r\n\r\nPada Sen, 9 Sep 2024 10.00, Helpdesk <h@k.id> menulis:\r\n> lama'),
    ).toBe('Baik.')
    expect(
      questionFromText(
        'Siap.\n\nPada tanggal Sen, 9 Sep 2024 pukul 10.00 Helpdesk KPU\n<h@k.id> menulis:\n> lama',
      ),
    ).toBe('Siap.')
  })

  it('keeps a sentence that only looks like a quote introduction', () => {
    const text = 'Pada pendaftaran nanti tim kami menulis:\nsurat pengantar partai.'
    expect(questionFromText(text)).toBe(text)
  })

  it('drops an Indonesian Outlook reply’s original message', () => {
    const text = [
      'Selamat siang,',
      '',
      'Mohon info apakah legalisir ijazah boleh oleh sekolah.',
      '',
      'Salam,',
      'Siti',
      '',
      '________________________________',
      'Dari: Helpdesk KPU Kabupaten Bantul <helpdesk@kpu-bantul.go.id>',
      'Dikirim: Senin, 09 September 2024 10.00',
      'Kepada: Siti Rahma <siti.rahma@partai-contoh.or.id>',
      'Subjek: Jadwal perbaikan',
      '',
      'Yth. LO ...',
    ].join('\r\n')
    expect(questionFromText(text)).toBe(
      'Selamat siang,\n\nMohon info apakah legalisir ijazah boleh oleh sekolah.\n\nSalam,\nSiti',
    )
    expect(questionFromText('Mohon info.\n\n-----Pesan Asli-----\nDari: Helpdesk\nlama')).toBe('Mohon info.')
    expect(questionFromText('Info.\n-----Original Message-----\nFrom: Helpdesk\nSent: Monday')).toBe('Info.')
    expect(questionFromText('Ok.\n*From:* Helpdesk\n*Sent:* Monday\n*To:* Andi')).toBe('Ok.')
    expect(questionFromText('Lihat.\n---------- Forwarded message ---------\nFrom: x')).toBe('Lihat.')
  })

  it('keeps a "Dari:" line that opens no header block', () => {
    expect(questionFromText('Dari: tim pemenangan Paslon 1\nApakah SKCK perlu dilegalisir?')).toBe(
      'Dari: tim pemenangan Paslon 1\nApakah SKCK perlu dilegalisir?',
    )
  })

  it('drops the signature and keeps what is written below a quote', () => {
    expect(questionFromText('Mohon info.\n-- \nAndi\nLO Paslon 1')).toBe('Mohon info.')
    expect(questionFromText('On Mon, 9 Sep 2024, Helpdesk wrote:\n> Sudah?\n\nBelum, besok.')).toBe(
      'Belum, besok.',
    )
  })

  it('keeps text between quoted lines and collapses blank lines', () => {
    expect(questionFromText('> kutipan\nJawaban saya  \n\n\n\nlanjut')).toBe('Jawaban saya\n\nlanjut')
  })

  it('keeps the whole text when stripping would leave nothing, and cuts at 10,000 characters', () => {
    expect(questionFromText('  > hanya kutipan\r\n')).toBe('> hanya kutipan')
    expect(questionFromText('-- \nAndi')).toBe('--\nAndi')
    expect(questionFromText('a'.repeat(12_000))).toHaveLength(10_000)
    expect(questionFromText(`${'a'.repeat(9_999)} b`)).toHaveLength(9_999)
  })
})

describe('the asker of a mail', () => {
  it('prefers Reply-To, and falls back to the local part for a name', () => {
    expect(askerFromMail(mail())).toEqual({ name: 'Andi Wijaya', contact: 'andi.lo@gmail.com' })
    expect(askerFromMail(outlookReply)).toEqual({
      name: 'Siti Rahma',
      contact: 'siti.rahma@partai-contoh.or.id',
    })
    expect(askerFromMail(mail({ replyTo: { address: 'tim@partai.id' } }))).toEqual({
      name: 'tim',
      contact: 'tim@partai.id',
    })
    expect(askerFromMail(mail({ replyTo: { address: ' ' } }))?.contact).toBe('andi.lo@gmail.com')
    expect(askerFromMail(mail({ from: { name: '  Siti   Aminah ', address: 's@x.id' } }))?.name).toBe(
      'Siti Aminah',
    )
  })

  it('bounds the name and the contact, and refuses what is no address', () => {
    const long = askerFromMail(mail({ from: { name: 'n'.repeat(300), address: `${'a'.repeat(200)}@x.id` } }))
    expect(long?.name).toHaveLength(120)
    expect(long?.contact).toHaveLength(160)
    expect(askerFromMail(mail({ from: null }))).toBeNull()
    expect(askerFromMail(mail({ from: { address: 'not-an-address' } }))).toBeNull()
    expect(askerFromMail(mail({ from: { address: 'a@b@c' } }))).toBeNull()
  })
})
