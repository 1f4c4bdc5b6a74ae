import { describe, expect, it } from 'vitest'
import { kindAllowed, MailboxInputSchema, MessagingSettingsSchema } from './mailbox.ts'

const server = { host: 'imap.kpu-bantul.go.id', port: 993, tls: true, user: 'helpdesk', secret: 's' }

describe('mailbox settings', () => {
  it('takes real server names, defaults the folder and signature', () => {
    const parsed = MailboxInputSchema.parse({
      address: 'helpdesk@kpu-bantul.go.id',
      imap: server,
      smtp: { ...server, port: 465 },
    })
    expect(parsed).toMatchObject({ folder: 'INBOX', signature: '', enabled: true })
    expect(
      MailboxInputSchema.safeParse({ address: 'a@b.id', imap: { ...server, host: '[::1]' }, smtp: server })
        .success,
    ).toBe(true)
  })

  it.each(['http://imap.x', 'imap x', '-imap.x', '', 'a/b'])('refuses %j as a host', (host) => {
    expect(
      MailboxInputSchema.safeParse({ address: 'a@b.id', imap: { ...server, host }, smtp: server }).success,
    ).toBe(false)
  })

  it('checks messaging settings and which kinds an office turned off', () => {
    expect(
      MessagingSettingsSchema.safeParse({
        kindsOff: ['queue_called'],
        leadershipEmails: ['k@b.id'],
        webhookUrl: null,
      }).success,
    ).toBe(true)
    expect(
      MessagingSettingsSchema.safeParse({ kindsOff: ['nope'], leadershipEmails: [], webhookUrl: null })
        .success,
    ).toBe(false)
    expect(
      MessagingSettingsSchema.safeParse({ kindsOff: [], leadershipEmails: [], webhookUrl: 'ftp://x' })
        .success,
    ).toBe(false)
    expect(kindAllowed(['queue_called'], 'queue_called')).toBe(false)
    expect(kindAllowed([], 'queue_called')).toBe(true)
  })
})
