import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, testTargets } from '../src/testing.ts'
import { insertOfficeAndUser, migrateUpTo, OFFICE, rowsOf, USER } from './history.ts'

const PREVIOUS = '20261207203758_knowledge_base_and_sheet_links'
const MIGRATION = '20261208000449_topics_and_referral_teams'

describe.each(testTargets())(`${MIGRATION} on $kind carries existing rows forward`, (target) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  const sql = (text: string) => db.prisma.$executeRawUnsafe(text)
  const sheet = (n: number, topic: string, referred: boolean) =>
    sql(`INSERT INTO "Consultation" ("id", "officeId", "number", "channel", "askerName", "stakeholderCategory",
      "topic", "question", "status", "referredToOfficeId", "occurredAt", "updatedAt")
      VALUES (gen_random_uuid(), '${OFFICE}', 'LK-34.02-2024-0000${n}', 'tatap_muka', 'Siti', 'lo', '${topic}',
      'Pertanyaan ${n}', '${referred ? 'dirujuk' : 'baru'}', ${referred ? `'${OFFICE}'` : 'NULL'}, now(), now())`)

  beforeAll(async () => {
    db = await openTestDatabase(target)
    expect((await migrateUpTo(db, PREVIOUS)).at(-1)).toBe(PREVIOUS)
    await insertOfficeAndUser(db)
    await sheet(1, 'silon', true)
    await sheet(2, 'syarat_calon', true)
    await sheet(3, 'jadwal', false)
    // A code no list names any more (an office's own from before): kept, and still labelled.
    await sql(`INSERT INTO "KnowledgeArticle" ("id", "ownerOfficeId", "topic", "titleId", "bodyId",
      "createdById", "updatedById", "updatedAt") VALUES (gen_random_uuid(), '${OFFICE}', 'logistik',
      'Kotak suara', 'Dari KPU.', '${USER}', '${USER}', now())`)
    expect(await migrateUpTo(db, MIGRATION)).toEqual([MIGRATION])
  })
  afterAll(() => db?.dispose())

  it('seeds the seven topics as national topics, SILON going to the SILON team', async () => {
    const topics = await rowsOf(
      db,
      `SELECT "code", "labelId", "referralTeam", "officeId", "archivedAt" IS NOT NULL AS archived FROM "Topic"
       WHERE "parentCode" IS NULL ORDER BY "sortOrder", "code"`,
    )
    expect(topics.map((t) => t.code)).toEqual([
      'syarat_calon',
      'syarat_pencalonan',
      'silon',
      'visi_misi',
      'foto',
      'jadwal',
      'lainnya',
      'logistik',
    ])
    expect(topics.find((t) => t.code === 'silon')).toEqual({
      code: 'silon',
      labelId: 'SILON',
      referralTeam: 'silon',
      officeId: null,
      archived: false,
    })
    expect(topics.find((t) => t.code === 'logistik')).toMatchObject({ labelId: 'logistik', archived: true })
  })

  it('puts the SILON sub-topics under SILON', async () => {
    const subs = await rowsOf(
      db,
      `SELECT "code" FROM "Topic" WHERE "parentCode" = 'silon' ORDER BY "sortOrder"`,
    )
    expect(subs.map((s) => s.code)).toEqual([
      'silon_akun',
      'silon_unggah_dokumen',
      'silon_format_berkas',
      'silon_status_verifikasi',
    ])
  })

  it('keeps every sheet, telling the earlier referrals apart by their topic', async () => {
    const sheets = await rowsOf(
      db,
      `SELECT "number", "topic", "subTopic", "referralTeam" FROM "Consultation" ORDER BY "number"`,
    )
    expect(sheets).toEqual([
      { number: 'LK-34.02-2024-00001', topic: 'silon', subTopic: null, referralTeam: 'silon' },
      { number: 'LK-34.02-2024-00002', topic: 'syarat_calon', subTopic: null, referralTeam: 'kebijakan' },
      { number: 'LK-34.02-2024-00003', topic: 'jadwal', subTopic: null, referralTeam: null },
    ])
  })

  it('refuses a sub-topic under a topic that does not exist', async () => {
    await expect(
      sql(`INSERT INTO "Topic" ("id", "code", "parentCode", "labelId", "updatedAt")
        VALUES (gen_random_uuid(), 'x_y', 'tidak_ada', 'X', now())`),
    ).rejects.toThrow()
  })
})
