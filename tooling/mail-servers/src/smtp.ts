import { SMTPServer as SmtpListener, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server'
import type { ImapServer, ImapUser } from './imap.ts'
import { freePort } from './net.ts'

/** One message the test SMTP server accepted. */
export interface SentMail {
  /** MAIL FROM, '' for a null sender. */
  from: string
  /** RCPT TO, in order. */
  to: string[]
  /** The message exactly as the client sent it after DATA. */
  raw: Buffer
  /** The AUTH user name, when the client logged in. */
  user?: string
}

/** A running (or stopped) SMTP listener of one test file. */
export interface SmtpServer {
  host: '127.0.0.1'
  port: number
  /** Every accepted message so far, oldest first (kept across stop/start). */
  received: SentMail[]
  /** Resolves once `count` messages in all have arrived; rejects after `timeoutMs` (10 s). */
  waitFor(count: number, timeoutMs?: number): Promise<SentMail[]>
  /** Answers the next `count` messages at the end of DATA with `code` (451 by default; 5xx for a bounce). */
  rejectNext(count: number, code?: number): void
  /** Stops listening and drops open connections (421), for outage tests. */
  stop(): Promise<void>
  /** Listens again on the same port. */
  start(): Promise<void>
  /** Stops for good. */
  close(): Promise<void>
}

/** Options of `startSmtpServer`. */
export interface SmtpServerOptions {
  /** Accounts for AUTH PLAIN/LOGIN; when set, mail without AUTH is refused (530). Without, any login works. */
  users?: ImapUser[]
  /** Also APPEND every accepted message into this IMAP user's INBOX before answering 250. */
  deliverTo?: { imap: ImapServer; user: string }
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode })
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * Starts smtp-server on 127.0.0.1 on a free port: no TLS (STARTTLS disabled, AUTH allowed in clear),
 * AUTH PLAIN/LOGIN for the given users, every accepted message kept with its envelope.
 */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<SmtpServer> {
  const users = options.users?.length ? options.users : undefined
  const port = await freePort()
  const received: SentMail[] = []
  const waiters = new Set<() => void>()
  const rejecting = { count: 0, code: 451 }
  let listener: SmtpListener | undefined

  const accept = async (stream: SMTPServerDataStream, session: SMTPServerSession) => {
    const raw = await readAll(stream)
    if (stream.sizeExceeded) throw smtpError('Message too big', 552)
    if (rejecting.count > 0) {
      rejecting.count--
      const { code } = rejecting
      throw smtpError(code < 500 ? 'Temporary failure, try again later' : 'Message rejected', code)
    }
    if (options.deliverTo) {
      try {
        await options.deliverTo.imap.append(options.deliverTo.user, raw)
      } catch (error) {
        throw smtpError(`Mailbox unavailable: ${(error as Error).message}`, 451)
      }
    }
    const mailFrom = session.envelope.mailFrom
    received.push({
      from: mailFrom ? mailFrom.address : '',
      to: session.envelope.rcptTo.map((recipient) => recipient.address),
      raw,
      ...(session.user === undefined ? {} : { user: String(session.user) }),
    })
    for (const wake of [...waiters]) wake()
  }

  const start = async () => {
    if (listener) return
    const current = new SmtpListener({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      authOptional: !users,
      banner: 'Meja Bantu test SMTP',
      logger: false,
      closeTimeout: 100,
      onAuth(auth, _session, callback) {
        const ok = !users || users.some((u) => u.user === auth.username && u.password === auth.password)
        if (!ok) return callback(smtpError('Invalid username or password', 535))
        callback(null, { user: auth.username })
      },
      onData(stream, session, callback) {
        accept(stream, session).then(
          () => callback(),
          (error: Error) => {
            stream.resume()
            callback(error)
          },
        )
      },
    })
    current.on('error', () => {})
    await new Promise<void>((resolve, reject) => {
      current.server.once('error', reject)
      current.listen(port, '127.0.0.1', () => {
        current.server.off('error', reject)
        resolve()
      })
    })
    listener = current
  }

  const stop = async () => {
    const current = listener
    listener = undefined
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()))
  }

  await start()
  return {
    host: '127.0.0.1',
    port,
    received,
    waitFor: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return
          cleanup()
          resolve(received.slice())
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(new Error(`SMTP server got ${received.length} of ${count} messages in ${timeoutMs} ms`))
        }, timeoutMs)
        const cleanup = () => {
          clearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      }),
    rejectNext: (count, code = 451) => {
      if (code < 400 || code > 599) throw new Error(`rejectNext needs a 4xx or 5xx code, not ${code}`)
      rejecting.count = count
      rejecting.code = code
    },
    stop,
    start,
    close: stop,
  }
}
