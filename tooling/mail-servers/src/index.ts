export { startImapServer, type ImapServer, type ImapUser, type ListedMessage } from './imap.ts'
export { startSmtpServer, type SentMail, type SmtpServer, type SmtpServerOptions } from './smtp.ts'
export { buildMail, type BuildMailOptions } from './mail.ts'
export { freePort } from './net.ts'
