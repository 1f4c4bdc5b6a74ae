import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PERSONAL_SNAPSHOT_KEYS } from '@mejabantu/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrationsDir } from '../src/paths.ts'
import { openTestDatabase, testTargets } from '../src/testing.ts'
import { insertOfficeAndUser, migrateUpTo, OFFICE, rowsOf, USER } from './history.ts'

const PREVIOUS = '20261202140201_reports'
const MIGRATION = '20261206163343_privacy_and_tenancy'
const GUEST = '33333333-3333-4333-8333-333333333333'
const VISIT = '44444444-4444-4444-8444-444444444444'

describe.each(testTargets())(`${MIGRATION} on $kind carries existing rows forward`, (target) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  const sql = (text: string) => db.prisma.$executeRawUnsafe(text)

  beforeAll(async () => {
    db = await openTestDatabase(target)
    expect((await migrateUpTo(db, PREVIOUS)).at(-1)).toBe(PREVIOUS)
    await insertOfficeAndUser(db)
    await sql(`INSERT INTO "ConsentText" ("version", "officeId", "effectiveFrom", "retentionDays", "bodyId", "bodyEn")
      VALUES ('v1', NULL, '2026-01-01', 90, 'Teks', 'Text'), ('bantul-1', '${OFFICE}', '2026-02-01', 60, 'T', 'T')`)
    await sql(`INSERT INTO "Guest" ("id", "officeId", "name", "phone", "category")
      VALUES ('${GUEST}', '${OFFICE}', 'Siti Aminah', '+6281234567890', 'lo')`)
    await sql(`INSERT INTO "Visit" ("id", "clientId", "officeId", "guestId", "topic", "consentVersion",
      "serviceDay", "queueLane", "queueSequence", "queueNumber", "checkedInAt", "createdAt")
      VALUES ('${VISIT}', gen_random_uuid(), '${OFFICE}', '${GUEST}', 'silon', 'v1', '2026-09-06', 'A', 1, 'A-001',
      '2026-09-06 00:00:01+00', '2026-09-06 02:00:00+00')`)
    await sql(`INSERT INTO "AuditEvent" ("actorId", "action", "targetType", "targetId", "before", "after") VALUES
      ('${USER}', 'consultation.create', 'Consultation', 'c1', NULL,
        '{"askerName": "Siti Aminah", "askerContact": "0812-3456-7890", "channel": "telepon", "answer": null}'),
      (NULL, 'visit.checkIn', 'Visit', '${VISIT}', NULL, '{"guestName": "Siti Aminah", "topic": "silon"}'),
      (NULL, 'auth.loginFailed', 'User', '${USER}', NULL, NULL),
      (NULL, 'auth.loginFailed', 'User', 'not-a-uuid', NULL, NULL)`)
    expect(await migrateUpTo(db, MIGRATION)).toEqual([MIGRATION])
  })
  afterAll(() => db?.dispose())

  it('files every earlier audit event under its office: the actor’s, else the target’s', async () => {
    const events = await rowsOf<{ officeId: string | null }>(
      db,
      `SELECT "officeId" FROM "AuditEvent" ORDER BY "id"`,
    )
    expect(events.map((e) => e.officeId)).toEqual([OFFICE, OFFICE, OFFICE, null])
  })

  it('redacts personal values in earlier snapshots and keeps the rest', async () => {
    const [create, checkIn] = await rowsOf<{ after: unknown }>(
      db,
      `SELECT "after" FROM "AuditEvent" ORDER BY "id"`,
    )
    expect(create!.after).toEqual({
      askerName: '[redacted]',
      askerContact: '[redacted]',
      channel: 'telepon',
      answer: null,
    })
    expect(checkIn!.after).toEqual({ guestName: '[redacted]', topic: 'silon' })
  })

  it('queues earlier visits by when the server received them, keeping the guest’s own time', async () => {
    const [visit] = await rowsOf<{ queuedAt: Date; checkedInAt: Date }>(
      db,
      `SELECT "queuedAt", "checkedInAt" FROM "Visit" WHERE "id" = '${VISIT}'`,
    )
    expect(visit!.queuedAt.toISOString()).toBe('2026-09-06T02:00:00.000Z')
    expect(visit!.checkedInAt.toISOString()).toBe('2026-09-06T00:00:01.000Z')
  })

  it('gives each consent text an id and lets another office reuse a version name', async () => {
    const texts = await rowsOf<{ id: string; version: string; officeId: string | null }>(
      db,
      `SELECT "id", "version", "officeId" FROM "ConsentText" ORDER BY "version"`,
    )
    expect(texts.map((t) => [t.version, t.officeId])).toEqual([
      ['bantul-1', OFFICE],
      ['v1', null],
    ])
    expect(new Set(texts.map((t) => t.id)).size).toBe(2)
    await sql(`INSERT INTO "ConsentText" ("id", "version", "officeId", "effectiveFrom", "retentionDays", "bodyId", "bodyEn")
      VALUES (gen_random_uuid(), 'v1', '${OFFICE}', '2026-03-01', 30, 'T', 'T')`)
    await expect(
      sql(`INSERT INTO "ConsentText" ("id", "version", "officeId", "effectiveFrom", "retentionDays", "bodyId", "bodyEn")
        VALUES (gen_random_uuid(), 'v1', '${OFFICE}', '2026-03-01', 30, 'T', 'T')`),
    ).rejects.toThrow()
  })

  it('lets a second guest share a phone', async () => {
    await sql(`INSERT INTO "Guest" ("id", "officeId", "name", "phone", "category")
      VALUES (gen_random_uuid(), '${OFFICE}', 'Budi', '+6281234567890', 'pemilih')`)
    const guests = await rowsOf(db, `SELECT "id" FROM "Guest" WHERE "phone" = '+6281234567890'`)
    expect(guests).toHaveLength(2)
  })

  it('fills the office of new events and refuses to change or remove any event', async () => {
    await sql(
      `INSERT INTO "AuditEvent" ("action", "targetType", "targetId") VALUES ('visit.call', 'Visit', '${VISIT}')`,
    )
    const [latest] = await rowsOf<{ officeId: string | null }>(
      db,
      `SELECT "officeId" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1`,
    )
    expect(latest!.officeId).toBe(OFFICE)
    await expect(sql(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(/append-only/)
    await expect(sql(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/)
    await expect(sql(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/)
    await expect(rowsOf(db, `SELECT "id" FROM "AuditEvent"`)).resolves.toHaveLength(5)
  })
})

describe(`${MIGRATION} redaction`, () => {
  it('redacted the events written before with the keys the audit writer redacts from now on', async () => {
    const sql = await readFile(path.join(migrationsDir, MIGRATION, 'migration.sql'), 'utf8')
    const listed = /key = ANY \(ARRAY\[([^\]]+)\]\)/.exec(sql)![1]!
    const keys = [...listed.matchAll(/'([^']+)'/g)].map((m) => m[1])
    expect(new Set(keys)).toEqual(PERSONAL_SNAPSHOT_KEYS)
  })
})
