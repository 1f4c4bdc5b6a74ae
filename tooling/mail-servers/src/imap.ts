import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ImapFlow } from 'imapflow'
import { dovecotAccount, dovecotBinary, dovecotConfig, dovecotPaths, passwdFile } from './dovecot-config.ts'
import { freePort, waitForGreeting } from './net.ts'

/** A mailbox account on the test IMAP server. */
export interface ImapUser {
  user: string
  password: string
}

/** One message as `list()` reports it. */
export interface ListedMessage {
  uid: number
  flags: string[]
  subject?: string
}

/** A running (or stopped) dovecot instance of one test file. */
export interface ImapServer {
  host: '127.0.0.1'
  port: number
  users: ImapUser[]
  /** The temp dir with the config, the passwd-file, `dovecot.log` and every user's Maildir under `home/`. */
  dir: string
  /** Uploads a message (IMAP APPEND) into a user's folder, INBOX by default; creates the folder if missing. */
  append(
    user: string,
    raw: string | Buffer,
    options?: { folder?: string; flags?: string[]; date?: Date },
  ): Promise<{ uid: number; uidValidity: bigint }>
  /** The messages of a user's folder (INBOX by default), oldest first. */
  list(user: string, folder?: string): Promise<ListedMessage[]>
  /** Stops dovecot and keeps the data dir, for outage tests. */
  stop(): Promise<void>
  /** Starts dovecot again on the same port with the same mailboxes (same UIDVALIDITY). */
  start(): Promise<void>
  /** Stops dovecot and removes the temp dir. */
  close(): Promise<void>
  /** dovecot's log so far, for failure messages. */
  log(): Promise<string>
}

const setpriv = '/usr/bin/setpriv'
const running = new Set<ChildProcess>()
let exitHookInstalled = false

/** A test process that ends without `close()` must not leave dovecot listening behind it. */
function installExitHook() {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const child of running) child.kill('SIGTERM')
  })
}

async function readLog(file: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => '')
}

/**
 * Starts Debian's dovecot in the foreground (`dovecot -F -c <conf>`) with its own config in a new temp
 * dir, listening on 127.0.0.1 on a free port, with the given users, and waits for the `* OK` greeting.
 */
export async function startImapServer(options: { users: ImapUser[] }): Promise<ImapServer> {
  const users = options.users.map((user) => ({ ...user }))
  const account = await dovecotAccount()
  const dir = await mkdtemp(path.join(tmpdir(), 'mejabantu-imap-'))
  const paths = dovecotPaths(dir)
  const port = await freePort()
  try {
    // mkdtemp makes the dir 0700; the mail and auth processes run as the dovecot account and must get in.
    await chmod(dir, 0o755)
    await mkdir(paths.baseDir)
    await mkdir(paths.stateDir)
    await mkdir(path.join(dir, 'home'))
    for (const { user } of users) {
      await mkdir(paths.home(user))
      await chown(paths.home(user), account.uid, account.gid)
    }
    await writeFile(paths.users, passwdFile(dir, users, account), { mode: 0o644 })
    await writeFile(paths.config, dovecotConfig(dir, port, account))
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }

  let child: ChildProcess | undefined
  let output = ''

  const stop = async () => {
    const current = child
    child = undefined
    if (!current || current.exitCode !== null || current.signalCode !== null) return
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()))
    current.kill('SIGTERM')
    const timer = setTimeout(() => current.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }

  const start = async () => {
    if (child && child.exitCode === null && child.signalCode === null) return
    output = ''
    const dovecot = [dovecotBinary(), '-F', '-c', paths.config]
    // setpriv (util-linux, always on Debian) asks the kernel to SIGTERM dovecot when this process dies,
    // even by SIGKILL, so a killed test worker leaves no server behind.
    const command = existsSync(setpriv) ? [setpriv, '--pdeathsig', 'TERM', ...dovecot] : dovecot
    const current = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] })
    child = current
    running.add(current)
    installExitHook()
    let spawnError: Error | undefined
    current.on('error', (error) => (spawnError = error))
    current.on('exit', () => running.delete(current))
    current.stdout!.on('data', (chunk) => (output += chunk))
    current.stderr!.on('data', (chunk) => (output += chunk))
    try {
      await waitForGreeting(port, (line) => line.startsWith('* OK') && !line.includes('Waiting for'), {
        alive: () => {
          if (spawnError)
            return new Error(`cannot run dovecot (apt-get install -y dovecot-imapd): ${spawnError.message}`)
          if (current.exitCode !== null || current.signalCode !== null) {
            const hint = 'is dovecot-imapd installed? apt-get install -y dovecot-imapd'
            return new Error(
              `dovecot exited with ${current.exitCode ?? current.signalCode} (${hint}):\n${output}`,
            )
          }
          return undefined
        },
      })
    } catch (error) {
      await stop()
      const log = await readLog(paths.log)
      throw new Error(`${(error as Error).message}\n${log.split('\n').slice(-20).join('\n')}`, {
        cause: error,
      })
    }
  }

  const passwordOf = (user: string) => {
    const found = users.find((candidate) => candidate.user === user)
    if (!found) throw new Error(`no IMAP user ${user} on this server`)
    return found.password
  }

  /** One short IMAP session as the user, logged out afterwards whatever happens. */
  const session = async <T>(user: string, run: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: passwordOf(user) },
      logger: false,
      disableAutoIdle: true,
    })
    client.on('error', () => {})
    await client.connect()
    try {
      return await run(client)
    } finally {
      await client.logout().catch(() => client.close())
    }
  }

  const server: ImapServer = {
    host: '127.0.0.1',
    port,
    users,
    dir,
    append: (user, raw, { folder = 'INBOX', flags = [], date } = {}) =>
      session(user, async (client) => {
        if (folder.toUpperCase() !== 'INBOX') {
          const exists = (await client.list()).some((mailbox) => mailbox.path === folder)
          if (!exists) await client.mailboxCreate(folder)
        }
        const result = await client.append(folder, raw, flags, date)
        if (!result || result.uid === undefined || result.uidValidity === undefined) {
          throw new Error(`APPEND to ${folder} of ${user} returned no APPENDUID`)
        }
        return { uid: result.uid, uidValidity: result.uidValidity }
      }),
    list: (user, folder = 'INBOX') =>
      session(user, async (client) => {
        const mailbox = await client.mailboxOpen(folder, { readOnly: true })
        if (mailbox.exists === 0) return []
        const messages = await client.fetchAll('1:*', { uid: true, flags: true, envelope: true })
        return messages
          .map((message) => ({
            uid: message.uid,
            // \Recent only says which session saw the message first: noise for tests.
            flags: [...(message.flags ?? [])].filter((flag) => flag !== '\\Recent'),
            ...(message.envelope?.subject === undefined ? {} : { subject: message.envelope.subject }),
          }))
          .sort((a, b) => a.uid - b.uid)
      }),
    stop,
    start,
    close: async () => {
      await stop()
      await rm(dir, { recursive: true, force: true })
    },
    log: () => readLog(paths.log),
  }

  try {
    await start()
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return server
}
