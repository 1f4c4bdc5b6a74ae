import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testTargets } from '../src/testing.ts'
import { insertOfficeAndUser, migrateUpTo, OFFICE, rowsOf } from './history.ts'

const PREVIOUS = '20261207113317_research_lifecycle'
const MIGRATION = '20261207172159_outbound_and_inbound_messages'
const GUEST = '77777777-7777-4777-8777-777777777777'
const VISIT = '88888888-8888-4888-8888-888888888888'
const SHEET = '99999999-9999-4999-8999-999999999999'

describe.each(testTargets())(`${MIGRATION} on $kind carries existing rows forward`, (target) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  const sql = (text: string) => db.prisma.$executeRawUnsafe(text)

  beforeAll(async () => {
    db = await openTestDatabase(target)
    expect((await migrateUpTo(db, PREVIOUS)).at(-1)).toBe(PREVIOUS)
    await insertOfficeAndUser(db)
    await sql(`INSERT INTO "Guest" ("id", "officeId", "name", "phone", "email", "category")
      VALUES ('${GUEST}', '${OFFICE}', 'Siti', '+6281234567890', 'siti@example.id', 'lo')`)
    await sql(`INSERT INTO "Visit" ("id", "clientId", "officeId", "guestId", "topic", "consentVersion", "serviceDay",
      "queueLane", "queueSequence", "queueNumber", "checkedInAt")
      VALUES ('${VISIT}', gen_random_uuid(), '${OFFICE}', '${GUEST}', 'silon', 'v1', '2024-09-06', 'A', 1, 'A-001', now())`)
    await sql(`INSERT INTO "Consultation" ("id", "officeId", "number", "channel", "askerName", "stakeholderCategory",
      "topic", "question", "occurredAt", "updatedAt")
      VALUES ('${SHEET}', '${OFFICE}', 'LK-34.02-2024-00001', 'email', 'Siti', 'lo', 'silon', 'Akun SILON?', now(), now())`)
    expect(await migrateUpTo(db, MIGRATION)).toEqual([MIGRATION])
  })
  afterAll(() => db?.dispose())

  it('keeps every visit, none of them asking to be called by message', async () => {
    const visits = await rowsOf(
      db,
      `SELECT "queueNumber", "notifyOnCall" FROM "Visit" WHERE "id" = '${VISIT}'`,
    )
    expect(visits).toEqual([{ queueNumber: 'A-001', notifyOnCall: false }])
  })

  it('starts with no mailbox, nothing queued and every kind of message on', async () => {
    for (const table of ['Mailbox', 'OutboxMessage', 'OfficeMessaging']) {
      await expect(rowsOf(db, `SELECT 1 FROM "${table}"`)).resolves.toEqual([])
    }
  })

  it('lets an existing sheet take in the mails of its thread', async () => {
    await sql(`INSERT INTO "InboundMail" ("id", "officeId", "messageId", "uidValidity", "uid", "subject", "sentAt",
      "disposition", "consultationId") VALUES (gen_random_uuid(), '${OFFICE}', 'a1@example.id', 7, 1, 'Re: Akun SILON',
      now(), 'reply', '${SHEET}')`)
    const mails = await rowsOf(
      db,
      `SELECT "messageId" FROM "InboundMail" WHERE "consultationId" = '${SHEET}'`,
    )
    expect(mails).toEqual([{ messageId: 'a1@example.id' }])
  })
})
