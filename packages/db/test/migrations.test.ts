import { mkdtemp, readdir, readFile, rm, cp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  applyMigrations,
  createMigration,
  diffDatabaseToSchema,
  diffHistoryToSchema,
  migrationStatus,
} from '../src/migrations.ts'
import { migrationsDir, schemaPath } from '../src/paths.ts'
import { openTestDatabase, testTargets } from '../src/testing.ts'

describe.each(testTargets())('migrations on $kind', (target) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  beforeAll(async () => {
    db = await openTestDatabase(target)
  })
  afterAll(() => db.dispose())

  it('applies every migration to an empty database', async () => {
    const folders = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory())
    expect(await migrationStatus(db)).toMatchObject({ applied: [], latest: null })

    const applied = await applyMigrations(db)

    expect(applied).toEqual(folders.map((f) => f.name).sort())
    const status = await migrationStatus(db)
    expect(status.pending).toEqual([])
    expect(status.latest).toBe(applied.at(-1))
  })

  it('is a no-op the second time', async () => {
    expect(await applyMigrations(db)).toEqual([])
  })

  it('leaves tables that match the schema exactly', async () => {
    expect(await diffDatabaseToSchema(db)).toBe('')
    await expect(db.prisma.office.count()).resolves.toBe(0)
  })

  it('notices a database that drifted from the schema', async () => {
    await db.prisma.$executeRawUnsafe('ALTER TABLE "Office" DROP COLUMN "timeZone"')
    expect(await diffDatabaseToSchema(db)).toContain('timeZone')
  })
})

describe('migration history', () => {
  it('agrees with schema.prisma (no migration is missing)', async () => {
    expect(await diffHistoryToSchema()).toBe('')
  })

  describe('creating a migration', () => {
    let work: string
    beforeAll(async () => {
      work = await mkdtemp(path.join(tmpdir(), 'mejabantu-migration-'))
      await cp(migrationsDir, path.join(work, 'migrations'), { recursive: true })
      const schema = await readFile(schemaPath, 'utf8')
      const changed = schema.replace(
        'model AuditEvent {',
        'model Note {\n  id   Int    @id @default(autoincrement())\n  text String\n}\n\nmodel AuditEvent {',
      )
      await import('node:fs/promises').then((fs) => fs.writeFile(path.join(work, 'schema.prisma'), changed))
    })
    afterAll(() => rm(work, { recursive: true, force: true }))

    it('writes only the change, in Prisma folder format, and nothing when unchanged', async () => {
      const source = {
        schemaPath: path.join(work, 'schema.prisma'),
        migrationsDir: path.join(work, 'migrations'),
      }
      const folder = await createMigration('Add notes!', source, new Date('2026-01-02T03:04:05Z'))

      expect(folder).toBe('20260102030405_add_notes')
      const sql = await readFile(path.join(source.migrationsDir, folder!, 'migration.sql'), 'utf8')
      expect(sql).toContain('CREATE TABLE "Note"')
      expect(sql).not.toContain('CREATE TABLE "Office"')
      expect(await createMigration('again', source)).toBeNull()
    })
  })
})
