// Polling the offices' mailboxes: new UIDs since the last one taken in, each mail in a transaction that
// also moves the mailbox's UID forward, so restarts and overlapping pollers never lose or double a mail.
import type { Database } from '@mejabantu/db'
import type { TimeZone } from '@mejabantu/domain'
import type { AttachmentStorage } from '../shared/storage/configured.ts'
import { imapClient, reasonOf } from './mail-clients.ts'
import { takeInMail, type IntakeOutcome } from './mail-intake.ts'
import type { SecretBox } from './secret-box.ts'

/** What a poll needs besides the database. */
export interface MailDeps {
  db: Database
  storage: AttachmentStorage
  secrets: SecretBox
}

// A mailbox with years of mail is taken in over several polls rather than in one long hold.
const BATCH = 100

export interface PollResult {
  officeId: string
  taken: Record<IntakeOutcome, number>
  error: string | null
}

/** Polls every enabled mailbox once, one after another; a failing one does not stop the others. */
export async function pollAllMailboxes(deps: MailDeps, now = new Date()): Promise<PollResult[]> {
  const boxes = await deps.db.prisma.mailbox.findMany({
    where: { enabled: true },
    select: { officeId: true },
  })
  const results: PollResult[] = []
  for (const box of boxes) results.push(await pollMailbox(deps, box.officeId, now))
  return results
}

/**
 * Reads the mails with a UID above the last one taken in (all of them when the server's UIDVALIDITY has
 * changed), then takes each in. A failure is kept on the mailbox for the admin, with when it began.
 */
export async function pollMailbox(deps: MailDeps, officeId: string, now = new Date()): Promise<PollResult> {
  const taken: Record<IntakeOutcome, number> = { sheet: 0, reply: 0, skipped: 0, duplicate: 0 }
  const box = await deps.db.prisma.mailbox.findUnique({ where: { officeId } })
  if (!box?.enabled) return { officeId, taken, error: null }
  const office = await deps.db.prisma.office.findUniqueOrThrow({
    where: { id: officeId },
    select: { id: true, regionCode: true, timeZone: true },
  })
  try {
    const { uidValidity, mails } = await fetchNew(deps.secrets, box)
    for (const mail of mails) {
      const outcome = await deps.db.prisma.$transaction(async (tx) => {
        const [current] = await tx.$queryRaw<{ uidValidity: bigint | null; lastUid: number }[]>`
          SELECT "uidValidity", "lastUid" FROM "Mailbox" WHERE "officeId" = ${officeId}::uuid FOR UPDATE`
        const fresh = current?.uidValidity === uidValidity
        // Another poller took this one in meanwhile.
        if (!current || (fresh && current.lastUid >= mail.uid)) return 'duplicate' as const
        const result = await takeInMail(tx, deps.storage, {
          mailbox: box,
          office: { ...office, timeZone: office.timeZone as TimeZone },
          uidValidity,
          uid: mail.uid,
          raw: mail.source,
        })
        await tx.mailbox.update({ where: { officeId }, data: { uidValidity, lastUid: mail.uid } })
        return result
      })
      taken[outcome] += 1
    }
    if (mails.length === 0 && box.uidValidity !== uidValidity) {
      await deps.db.prisma.mailbox.update({ where: { officeId }, data: { uidValidity, lastUid: 0 } })
    }
    await deps.db.prisma.mailbox.update({
      where: { officeId },
      data: { lastPolledAt: now, lastError: null, failingSince: null },
    })
    return { officeId, taken, error: null }
  } catch (error) {
    const reason = reasonOf(error)
    await deps.db.prisma.mailbox.update({
      where: { officeId },
      data: { lastError: reason, failingSince: box.failingSince ?? now },
    })
    return { officeId, taken, error: reason }
  }
}

interface FetchedMail {
  uid: number
  source: Buffer
}

async function fetchNew(
  secrets: SecretBox,
  box: Parameters<typeof imapClient>[0] & { folder: string; uidValidity: bigint | null; lastUid: number },
): Promise<{ uidValidity: bigint; mails: FetchedMail[] }> {
  const client = imapClient(box, secrets)
  client.on('error', () => {})
  await client.connect()
  try {
    const lock = await client.getMailboxLock(box.folder, { readOnly: true })
    try {
      const opened = client.mailbox
      if (!opened) throw new Error(`folder ${box.folder} not found`)
      const uidValidity = BigInt(opened.uidValidity)
      const after = box.uidValidity === uidValidity ? box.lastUid : 0
      const mails: FetchedMail[] = []
      if (opened.exists > 0) {
        // "n:*" names the newest mail even when its UID is below n, hence the filter.
        for await (const message of client.fetch(
          `${after + 1}:*`,
          { uid: true, source: true },
          { uid: true },
        )) {
          if (message.uid > after && message.source) mails.push({ uid: message.uid, source: message.source })
          if (mails.length >= BATCH) break
        }
      }
      mails.sort((a, b) => a.uid - b.uid)
      return { uidValidity, mails }
    } finally {
      lock.release()
    }
  } finally {
    await client.logout().catch(() => client.close())
  }
}
