import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startImapServer, startSmtpServer, type ImapServer, type SmtpServer } from '@mejabantu/mail-servers'
import type { TestTarget } from '@mejabantu/db/testing'
import { secretBox } from '../../src/messaging/secret-box.ts'
import { diskStorage } from '../../src/shared/storage/disk.ts'
import { startApi, type ApiFixture } from '../support/api-server.ts'
import { seedOffices, signInStaff, type Staff } from '../support/consultation-fixtures.ts'
import type { MailDeps } from '../../src/messaging/mail-poll.ts'

export const OFFICE_ADDRESS = 'helpdesk@kpu-bantul.test'
export const OFFICE_PASSWORD = 'rahasia-kotak-surat'

/** A help desk with real IMAP and SMTP servers on 127.0.0.1, an admin and a petugas of KPU Bantul. */
export interface MailWorld {
  api: ApiFixture
  imap: ImapServer
  smtp: SmtpServer
  admin: Staff
  petugas: Staff
  deps: MailDeps
  storageDir: string
  /** The settings an admin enters to connect the office's mailbox. */
  mailboxInput(overrides?: { password?: string }): Record<string, unknown>
  close(): Promise<void>
}

export async function openMailWorld(target: TestTarget): Promise<MailWorld> {
  const storageDir = await mkdtemp(path.join(tmpdir(), 'mejabantu-mail-'))
  const storage = diskStorage(storageDir)
  const secrets = secretBox(randomBytes(32))
  const users = [{ user: OFFICE_ADDRESS, password: OFFICE_PASSWORD }]
  const imap = await startImapServer({ users })
  const smtp = await startSmtpServer({ users })
  const api = await startApi(target, undefined, { secrets, storage })
  await seedOffices(api.db)
  const [admin, petugas] = await Promise.all([
    signInStaff(api.db, api.url, '34.02', 'admin'),
    signInStaff(api.db, api.url, '34.02', 'petugas'),
  ])
  return {
    api,
    imap,
    smtp,
    admin,
    petugas,
    deps: { db: api.db, storage, secrets },
    storageDir,
    mailboxInput: (overrides = {}) => ({
      address: OFFICE_ADDRESS,
      imap: {
        host: '127.0.0.1',
        port: imap.port,
        tls: false,
        user: OFFICE_ADDRESS,
        secret: overrides.password ?? OFFICE_PASSWORD,
      },
      smtp: {
        host: '127.0.0.1',
        port: smtp.port,
        tls: false,
        user: OFFICE_ADDRESS,
        secret: overrides.password ?? OFFICE_PASSWORD,
      },
      signature: 'Helpdesk Pencalonan KPU Kabupaten Bantul',
    }),
    close: async () => {
      await api.close()
      await imap.close()
      await smtp.close()
      await rm(storageDir, { recursive: true, force: true })
    },
  }
}
