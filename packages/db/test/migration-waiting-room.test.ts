import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testTargets } from '../src/testing.ts'
import { insertOfficeAndUser, migrateUpTo, OFFICE, rowsOf } from './history.ts'

const PREVIOUS = '20261208000449_topics_and_referral_teams'
const MIGRATION = '20261208014417_waiting_room'

describe.each(testTargets())(`${MIGRATION} on $kind carries existing rows forward`, (target) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  const sql = (text: string) => db.prisma.$executeRawUnsafe(text)

  beforeAll(async () => {
    db = await openTestDatabase(target)
    expect((await migrateUpTo(db, PREVIOUS)).at(-1)).toBe(PREVIOUS)
    await insertOfficeAndUser(db)
    for (const [name, at] of [
      ['Kios pintu depan', '2024-08-01'],
      ['Kios ruang tunggu', '2024-08-02'],
    ]) {
      await sql(`INSERT INTO "KioskDevice" ("id", "officeId", "name", "createdAt")
        VALUES (gen_random_uuid(), '${OFFICE}', '${name}', '${at}')`)
    }
    await sql(`INSERT INTO "Guest" ("id", "officeId", "name", "phone", "category")
      VALUES ('11111111-1111-4111-8111-111111111111', '${OFFICE}', 'Siti', '+6281234567890', 'lo')`)
    for (const [n, out] of [
      [1, 'now()'],
      [2, 'NULL'],
    ]) {
      await sql(`INSERT INTO "Visit" ("id", "clientId", "officeId", "guestId", "topic", "consentVersion",
        "serviceDay", "queueLane", "queueSequence", "queueNumber", "status", "checkedInAt", "checkedOutAt")
        VALUES (gen_random_uuid(), gen_random_uuid(), '${OFFICE}', '11111111-1111-4111-8111-111111111111',
        'silon', 'default-2024', '2024-09-06', 'reguler', ${n}, 'A-00${n}', 'menunggu', now(), ${out})`)
    }
    expect(await migrateUpTo(db, MIGRATION)).toEqual([MIGRATION])
  })
  afterAll(() => db?.dispose())

  it('gives the tablets paired so far their offline prefixes in the order they were added', async () => {
    const devices = await rowsOf(
      db,
      `SELECT "name", "kind", "offlinePrefix" FROM "KioskDevice" ORDER BY "name"`,
    )
    expect(devices).toEqual([
      { name: 'Kios pintu depan', kind: 'kiosk', offlinePrefix: 'L1' },
      { name: 'Kios ruang tunggu', kind: 'kiosk', offlinePrefix: 'L2' },
    ])
  })

  it('keeps every visit, the ones checked out marked as checked out at the desk', async () => {
    const visits = await rowsOf(
      db,
      `SELECT "queueNumber", "checkOutKind", "provisionalNumber", "desk" FROM "Visit" ORDER BY "queueNumber"`,
    )
    expect(visits).toEqual([
      { queueNumber: 'A-001', checkOutKind: 'staff', provisionalNumber: null, desk: null },
      { queueNumber: 'A-002', checkOutKind: null, provisionalNumber: null, desk: null },
    ])
    const [office] = await rowsOf(db, `SELECT "deskCount", "slotMinutes", "slotCapacity" FROM "Office"`)
    expect(office).toEqual({ deskCount: 3, slotMinutes: 30, slotCapacity: 2 })
  })

  it('refuses two tablets of one office with the same offline prefix', async () => {
    await expect(
      sql(`INSERT INTO "KioskDevice" ("id", "officeId", "name", "offlinePrefix")
        VALUES (gen_random_uuid(), '${OFFICE}', 'Kios tiga', 'L1')`),
    ).rejects.toThrow()
  })
})
