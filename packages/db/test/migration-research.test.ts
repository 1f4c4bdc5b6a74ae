import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testTargets } from '../src/testing.ts'
import { insertOfficeAndUser, migrateUpTo, OFFICE, rowsOf, USER } from './history.ts'

const PREVIOUS = '20261206163343_privacy_and_tenancy'
const MIGRATION = '20261207113317_research_lifecycle'
const ELECTION = '33333333-3333-4333-8333-333333333333'
const ACCEPTED = '44444444-4444-4444-8444-444444444444'
const CHECKING = '55555555-5555-4555-8555-555555555555'
const C5 = '66666666-6666-4666-8666-666666666666'

describe.each(testTargets())(`${MIGRATION} on $kind carries existing rows forward`, (target) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  const sql = (text: string) => db.prisma.$executeRawUnsafe(text)

  beforeAll(async () => {
    db = await openTestDatabase(target)
    expect((await migrateUpTo(db, PREVIOUS)).at(-1)).toBe(PREVIOUS)
    await insertOfficeAndUser(db)
    await sql(`INSERT INTO "Election" ("id", "officeId", "name", "kind", "regionCode", "year", "calendar", "catalogVersion")
      VALUES ('${ELECTION}', '${OFFICE}', 'Pilkada Bantul', 'bupati', '34.02', 2024, '{}', 'PKPU-8-2024')`)
    for (const [pair, ballot] of [
      [ACCEPTED, 1],
      [CHECKING, 2],
    ] as const) {
      await sql(`INSERT INTO "CandidatePair" ("id", "electionId", "officeId", "ballotNumber", "pathway", "parties", "loName")
        VALUES ('${pair}', '${ELECTION}', '${OFFICE}', ${ballot}, 'partai', ARRAY['Partai A'], 'Andi')`)
      await sql(`INSERT INTO "Candidate" ("id", "pairId", "role", "fullName", "birthDate")
        VALUES (gen_random_uuid(), '${pair}', 'kepala', 'Budi', '1975-01-01')`)
    }
    await sql(`INSERT INTO "RequirementCheck" ("id", "pairId", "requirementCode", "subject", "status", "updatedAt") VALUES
      (gen_random_uuid(), '${ACCEPTED}', 'P1', 'pasangan', 'MS', now()),
      ('${C5}', '${ACCEPTED}', 'C5', 'kepala', 'MS', now()),
      (gen_random_uuid(), '${CHECKING}', 'P1', 'pasangan', 'diserahkan', now())`)
    await sql(`INSERT INTO "CheckEvent" ("checkId", "from", "to", "reason", "at", "byUserId") VALUES
      ('${C5}', 'belum_diserahkan', 'diserahkan', NULL, '2024-08-28 03:00+00', '${USER}'),
      ('${C5}', 'diserahkan', 'BMS', 'SKCK kedaluwarsa', '2024-09-02 03:00+00', '${USER}'),
      ('${C5}', 'BMS', 'perbaikan', NULL, '2024-09-06 03:00+00', '${USER}'),
      ('${C5}', 'perbaikan', 'diserahkan_perbaikan', NULL, '2024-09-07 03:00+00', '${USER}'),
      ('${C5}', 'diserahkan_perbaikan', 'MS', NULL, '2024-09-10 03:00+00', '${USER}')`)
    await sql(`INSERT INTO "Handover" ("id", "pairId", "heldAt", "place", "attendees", "recordedById")
      VALUES (gen_random_uuid(), '${ACCEPTED}', '2024-09-06 02:00+00', 'Aula', '[]', '${USER}')`)
    expect(await migrateUpTo(db, MIGRATION)).toEqual([MIGRATION])
  })
  afterAll(() => db?.dispose())

  it('gives every earlier step the kind of its move, hand-ins timed as typed', async () => {
    const events = await rowsOf<{
      kind: string
      receivedAt: Date | null
      byUserId: string
      correctionCause: string | null
    }>(db, `SELECT * FROM "CheckEvent" WHERE "checkId" = '${C5}' ORDER BY "at"`)
    expect(events.map((e) => e.kind)).toEqual([
      'penyerahan',
      'penelitian',
      'penelitian',
      'penyerahan',
      'penelitian_perbaikan',
    ])
    expect(events.map((e) => e.receivedAt?.toISOString() ?? null)).toEqual([
      '2024-08-28T03:00:00.000Z',
      null,
      null,
      '2024-09-07T03:00:00.000Z',
      null,
    ])
    expect(events.every((e) => e.byUserId === USER && e.correctionCause === null)).toBe(true)
  })

  it('accepts the registration of pairs whose nomination documents are all MS', async () => {
    const pairs = await rowsOf<{ status: string; contacts: unknown }>(
      db,
      `SELECT "status", "contacts" FROM "CandidatePair" ORDER BY "ballotNumber"`,
    )
    expect(pairs.map((p) => [p.status, p.contacts])).toEqual([
      ['pendaftaran_diterima', []],
      ['bakal_pasangan_calon', []],
    ])
  })

  it('keeps candidates and documents as the first generation', async () => {
    const candidates = await rowsOf<{ generation: number; replacedAt: Date | null }>(
      db,
      `SELECT "generation", "replacedAt" FROM "Candidate"`,
    )
    expect(candidates.map((c) => [c.generation, c.replacedAt])).toEqual([
      [1, null],
      [1, null],
    ])
    const checks = await rowsOf<{ generation: number; supersededAt: Date | null }>(
      db,
      `SELECT "generation", "supersededAt" FROM "RequirementCheck"`,
    )
    expect(checks.every((c) => c.generation === 1 && c.supersededAt === null)).toBe(true)
  })

  it('leaves earlier handovers without a berita acara, and freezes one once issued', async () => {
    const [handover] = await rowsOf(db, `SELECT "number", "content", "signedAt" FROM "Handover"`)
    expect(handover).toMatchObject({ number: null, content: null, signedAt: null })
    await sql(`UPDATE "Handover" SET "number" = '001/PL.02.2-BA/3402/2024', "content" = '{"items": []}'`)
    await sql(`UPDATE "Handover" SET "signedAt" = now(), "signedById" = '${USER}'`)
    await expect(sql(`UPDATE "Handover" SET "content" = '{"items": [1]}'`)).rejects.toThrow(/never changes/)
    await expect(sql(`UPDATE "Handover" SET "number" = '002/PL.02.2-BA/3402/2024'`)).rejects.toThrow(
      /never changes/,
    )
    await sql(`UPDATE "Handover" SET "attendees" = '[{"name": "[dihapus]"}]'`)
  })
})
