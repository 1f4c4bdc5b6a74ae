import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testTargets } from '../src/testing.ts'
import { insertOfficeAndUser, migrateUpTo, OFFICE, rowsOf, USER } from './history.ts'

const PREVIOUS = '20261207172159_outbound_and_inbound_messages'
const MIGRATION = '20261207203758_knowledge_base_and_sheet_links'
const SHEET = '99999999-9999-4999-8999-999999999999'
const OTHER = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'

describe.each(testTargets())(`${MIGRATION} on $kind carries existing rows forward`, (target) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  const sql = (text: string) => db.prisma.$executeRawUnsafe(text)

  beforeAll(async () => {
    db = await openTestDatabase(target)
    expect((await migrateUpTo(db, PREVIOUS)).at(-1)).toBe(PREVIOUS)
    await insertOfficeAndUser(db)
    for (const [id, n] of [
      [SHEET, 1],
      [OTHER, 2],
    ] as const) {
      await sql(`INSERT INTO "Consultation" ("id", "officeId", "number", "channel", "askerName", "stakeholderCategory",
        "topic", "question", "answer", "status", "occurredAt", "updatedAt")
        VALUES ('${id}', '${OFFICE}', 'LK-34.02-2024-0000${n}', 'tatap_muka', 'Siti', 'lo', 'syarat_calon',
        'SKCK dari Polres atau Polda?', 'Dari Polres.', 'selesai', now(), now())`)
    }
    expect(await migrateUpTo(db, MIGRATION)).toEqual([MIGRATION])
  })
  afterAll(() => db?.dispose())

  it('keeps every sheet, untagged, unmerged, unrated and still found by its words', async () => {
    const sheets = await rowsOf(
      db,
      `SELECT "number", "tags", "mergedIntoId", "ratingToken" FROM "Consultation"
       WHERE "search" @@ websearch_to_tsquery('simple', 'skck') ORDER BY "number"`,
    )
    expect(sheets).toEqual([
      { number: 'LK-34.02-2024-00001', tags: [], mergedIntoId: null, ratingToken: null },
      { number: 'LK-34.02-2024-00002', tags: [], mergedIntoId: null, ratingToken: null },
    ])
    await expect(rowsOf(db, `SELECT 1 FROM "KnowledgeArticle"`)).resolves.toEqual([])
  })

  it('finds an article by the words of its title, tags or body', async () => {
    await sql(`INSERT INTO "KnowledgeArticle" ("id", "ownerOfficeId", "topic", "tags", "titleId", "bodyId",
      "createdById", "updatedById", "updatedAt") VALUES (gen_random_uuid(), '${OFFICE}', 'syarat_calon',
      ARRAY['kepolisian'], 'Surat keterangan catatan kepolisian', 'Diterbitkan Polres domisili.', '${USER}', '${USER}', now())`)
    for (const word of ['catatan', 'kepolisian', 'polres']) {
      const found = await rowsOf(
        db,
        `SELECT "titleId" FROM "KnowledgeArticle" WHERE "search" @@ websearch_to_tsquery('simple', '${word}')`,
      )
      expect(found).toHaveLength(1)
    }
  })

  it('refuses a rating outside 1–5, a sheet merged into itself and a link stored twice', async () => {
    await expect(
      sql(
        `INSERT INTO "ConsultationRating" ("consultationId", "score", "via") VALUES ('${SHEET}', 6, 'link')`,
      ),
    ).rejects.toThrow(/1 to 5|itself|once/)
    await sql(
      `INSERT INTO "ConsultationRating" ("consultationId", "score", "via") VALUES ('${SHEET}', 5, 'link')`,
    )
    await expect(
      sql(`UPDATE "Consultation" SET "mergedIntoId" = "id" WHERE "id" = '${SHEET}'`),
    ).rejects.toThrow(/1 to 5|itself|once/)
    await expect(
      sql(
        `INSERT INTO "ConsultationLink" ("fromId", "toId", "createdById") VALUES ('${OTHER}', '${SHEET}', '${USER}')`,
      ),
    ).rejects.toThrow(/1 to 5|itself|once/)
    await sql(
      `INSERT INTO "ConsultationLink" ("fromId", "toId", "createdById") VALUES ('${SHEET}', '${OTHER}', '${USER}')`,
    )
  })
})
