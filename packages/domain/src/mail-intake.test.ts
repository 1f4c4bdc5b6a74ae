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

describe('which mail becomes a sheet', () => {
  it('takes a person’s mail', () => {
    expect(classifyMail(mail(), [OFFICE])).toEqual({ kind: 'sheet' })
    expect(classifyMail(mail({ autoSubmitted: 'no' }), [OFFICE])).toEqual({ kind: 'sheet' })
  })

  it.each([
    ['an out-of-office reply (RFC 3834)', { autoSubmitted: 'auto-replied' }, 'auto_reply'],
    ['an X-Autoreply', { xAutoreply: 'yes' }, 'auto_reply'],
    ['Precedence auto_reply', { precedence: 'auto_reply' }, 'auto_reply'],
    [
      'an Outlook automatic reply',
      { xAutoResponseSuppress: 'All', subject: 'Automatic reply: Syarat SKCK' },
      'auto_reply',
    ],
    ['a bounce from MAILER-DAEMON', { from: { address: 'MAILER-DAEMON@mx.gmail.com' } }, 'bounce'],
    ['a delivery report', { contentType: 'multipart/report; report-type=delivery-status' }, 'bounce'],
    ['a null return path', { returnPath: '< >' }, 'bounce'],
    ['X-Failed-Recipients', { xFailedRecipients: 'x@y.id' }, 'bounce'],
    ['a newsletter with List-Id', { listId: '<berita.kpu.go.id>' }, 'bulk'],
    ['bulk mail', { precedence: 'bulk' }, 'bulk'],
    ['mail from the office itself', { from: { address: 'Helpdesk@KPU-Bantul.go.id' } }, 'own_address'],
    ['mail with no sender', { from: null }, 'no_sender'],
  ] as const)('skips %s', (_, overrides, reason) => {
    expect(classifyMail(mail(overrides as Partial<InboundMailHeaders>), [OFFICE])).toEqual({
      kind: 'skip',
      reason,
    })
  })

  it('keeps an Outlook mail that only suppresses auto-replies', () => {
    expect(classifyMail(mail({ xAutoResponseSuppress: 'All' }), [OFFICE])).toEqual({ kind: 'sheet' })
  })
})

describe('threads', () => {
  it('normalises Message-IDs and refuses what cannot be one', () => {
    expect(normaliseMessageId(' <CAF1x@Mail.GMAIL.com> ')).toBe('CAF1x@mail.gmail.com')
    expect(normaliseMessageId('no-domain')).toBe('no-domain')
    for (const bad of [null, undefined, '', '<>', 'a b@c', `${'x'.repeat(501)}@d`])
      expect(normaliseMessageId(bad)).toBeNull()
  })

  it('lists the ids a reply answers, nearest first, each once', () => {
    const headers = mail({
      inReplyTo: '<b@x.id>',
      references: ['<a@x.id> <b@x.id>', '<c@X.ID>'],
    })
    expect(threadReferences(headers)).toEqual(['b@x.id', 'c@x.id', 'a@x.id'])
    expect(threadReferences(mail())).toEqual([])
  })

  it('tags the subject with the sheet number and finds it again', () => {
    const subject = sheetSubject('LK-34.02-2024-00012', replySubject('RE: Fwd: Syarat SKCK'))
    expect(subject).toBe('[LK-34.02-2024-00012] Re: Syarat SKCK')
    expect(sheetSubject('LK-34.02-2024-00012', `Re: ${subject}`)).toBe(
      '[LK-34.02-2024-00012] Re: Re: Syarat SKCK',
    )
    expect(sheetNumberInSubject(`Balas: ${subject}`)).toBe('LK-34.02-2024-00012')
    expect(sheetNumberInSubject('[LK-34-2024-00001] x')).toBe('LK-34-2024-00001')
    expect(sheetNumberInSubject('Syarat SKCK')).toBeNull()
    expect(replySubject('  ')).toBe('Re: (tanpa subjek)')
    expect(replySubject('Balas: Bls: jadwal')).toBe('Re: jadwal')
  })
})

describe('the question of a mail', () => {
  it('drops a Gmail quote, wrapped over two lines', () => {
    const text =
      'Terima kasih, satu lagi:\napakah KTP boleh difotokopi?\n\nOn Mon, 9 Sep 2024 at 10.00, Helpdesk KPU <helpdesk@kpu.go.id>\nwrote:\n> Jawaban lama'
    expect(questionFromText(text)).toBe('Terima kasih, satu lagi:\napakah KTP boleh difotokopi?')
  })

  it('drops an Indonesian quote introduction, an Outlook original message and the signature', () => {
    expect(
      questionFromText('Baik.\r\n\r\nPada Sen, 9 Sep 2024 10.00, Helpdesk <h@k.id> menulis:\r\n> lama'),
    ).toBe('Baik.')
    expect(questionFromText('Mohon info.\n\n-----Pesan Asli-----\nDari: Helpdesk\nlama')).toBe('Mohon info.')
    expect(questionFromText('Mohon info.\n________________\nFrom: Helpdesk\nSent: Monday')).toBe(
      'Mohon info.',
    )
    expect(questionFromText('Mohon info.\n-- \nAndi\nLO Paslon 1')).toBe('Mohon info.')
  })

  it('keeps text between quoted lines and collapses blank lines', () => {
    expect(questionFromText('> kutipan\nJawaban saya\n\n\n\nlanjut')).toBe('Jawaban saya\n\nlanjut')
  })

  it('keeps the whole text when stripping would leave nothing, and cuts at 10,000 characters', () => {
    expect(questionFromText('> hanya kutipan')).toBe('> hanya kutipan')
    expect(questionFromText('a'.repeat(12_000))).toHaveLength(10_000)
  })
})

describe('the asker of a mail', () => {
  it('prefers Reply-To, and falls back to the local part for a name', () => {
    expect(askerFromMail(mail())).toEqual({ name: 'Andi Wijaya', contact: 'andi.lo@gmail.com' })
    expect(askerFromMail(mail({ replyTo: { address: 'tim@partai.id' } }))).toEqual({
      name: 'tim',
      contact: 'tim@partai.id',
    })
    expect(askerFromMail(mail({ from: { name: '  Siti   Aminah ', address: 's@x.id' } }))?.name).toBe(
      'Siti Aminah',
    )
    expect(askerFromMail(mail({ from: null }))).toBeNull()
    expect(askerFromMail(mail({ from: { address: 'not-an-address' } }))).toBeNull()
  })
})
