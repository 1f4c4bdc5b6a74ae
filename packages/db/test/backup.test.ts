import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupDatabase, restoreDatabase } from '../src/backup.ts'
import { openDatabase, type Database, type DatabaseOptions } from '../src/client.ts'
import { applyMigrations, migrationStatus } from '../src/migrations.ts'
import { testTargets } from '../src/testing.ts'

interface TableSnapshot {
  table: string
  rows: number
  /** md5 over every row's text, in a fixed order. */
  checksum: string
}

interface Snapshot {
  tables: TableSnapshot[]
  /** Last value of each sequence, so ids continue where the source stopped. */
  sequences: Record<string, string | null>
}

describe.each(testTargets())('backup and restore on $kind', (target) => {
  let work: string
  const disposers: Array<() => Promise<void>> = []
  let source: DatabaseOptions
  let restored: DatabaseOptions
  let sourceSnapshot: Snapshot
  let backupFile: string

  // An in-memory PGlite cannot be dumped from another handle: PGlite databases live in folders here.
  async function freshDatabase(name: string): Promise<DatabaseOptions> {
    if (target.kind === 'pglite') return { dataDir: path.join(work, name) }
    const fresh = await target.create()
    disposers.push(fresh.dispose)
    return fresh.options
  }

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'mejabantu-backup-'))
    backupFile = path.join(work, 'mejabantu.backup')
    source = await freshDatabase('source')
    sourceSnapshot = await withDatabase(source, async (db) => {
      await applyMigrations(db)
      await seed(db)
      return snapshot(db)
    })
  })
  afterAll(async () => {
    for (const dispose of disposers) await dispose()
    await rm(work, { recursive: true, force: true })
  })

  it('restores every table with the same rows into a new database', async () => {
    await backupDatabase(source, backupFile)
    restored = await freshDatabase('restored')
    await restoreDatabase(restored, backupFile)

    expect(await withDatabase(restored, snapshot)).toEqual(sourceSnapshot)
    const rows = Object.fromEntries(sourceSnapshot.tables.map((t) => [t.table, t.rows]))
    expect(rows).toMatchObject({ Office: 2, User: 1, Guest: 3, Visit: 3, Consultation: 2, AuditEvent: 3 })
    expect(rows).toMatchObject({ Election: 1, CandidatePair: 1, CheckEvent: 2, DailySummary: 1 })
    expect(rows._prisma_migrations).toBeGreaterThan(0)
    expect(sourceSnapshot.sequences).toMatchObject({ AuditEvent_id_seq: '3', CheckEvent_id_seq: '2' })
  })

  it('leaves the restored database up to date and accepting writes', async () => {
    await withDatabase(restored, async (db) => {
      expect((await migrationStatus(db)).pending).toEqual([])
      expect(await applyMigrations(db)).toEqual([])

      const { _max } = await db.prisma.auditEvent.aggregate({ _max: { id: true } })
      const next = await db.prisma.auditEvent.create({
        data: { action: 'restore.check', targetType: 'Office', targetId: 'x' },
      })
      expect(next.id).toBeGreaterThan(_max.id!)

      // The search trigger came back with the table.
      const office = await db.prisma.office.findUniqueOrThrow({ where: { regionCode: '34.02' } })
      await db.prisma.consultation.create({
        data: consultation(office.id, 3, 'Syarat dukungan perseorangan'),
      })
      const found = await db.prisma.$queryRaw<{ number: string }[]>`
        SELECT number FROM "Consultation" WHERE search @@ websearch_to_tsquery('simple', 'perseorangan')`
      expect(found.map((r) => r.number)).toEqual(['LK-34.02-2024-00003'])
    })
  })

  it('refuses to restore over a database that holds data without force', async () => {
    const before = await withDatabase(restored, snapshot)
    await expect(restoreDatabase(restored, backupFile)).rejects.toThrow(/--force/)
    expect(await withDatabase(restored, snapshot)).toEqual(before)
  })

  it('replaces a database that holds data with force', async () => {
    const result = await restoreDatabase(restored, backupFile, { force: true })

    expect(await withDatabase(restored, snapshot)).toEqual(sourceSnapshot)
    if (target.kind === 'pglite') {
      expect(result.previousDataDir).toMatch(/restored\.before-restore-/)
      await rm(result.previousDataDir!, { recursive: true })
    }
  })

  it('rejects a file that is not a backup and leaves the database unchanged', async () => {
    const garbage = path.join(work, 'garbage.backup')
    await writeFile(garbage, 'this is not a backup\n'.repeat(100))
    const before = await withDatabase(restored, snapshot)

    await expect(restoreDatabase(restored, garbage, { force: true })).rejects.toThrow(
      /is not a backup made by the backup command/,
    )
    expect(await withDatabase(restored, snapshot)).toEqual(before)
  })

  it('rejects a truncated backup and leaves the database unchanged', async () => {
    const truncated = path.join(work, 'truncated.backup')
    const bytes = await readFile(backupFile)
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    // A row the backup lacks: a restore that got partway would lose it.
    await withDatabase(restored, (db) =>
      db.prisma.auditEvent.create({ data: { action: 'after.backup', targetType: 'Office', targetId: 'x' } }),
    )
    const before = await withDatabase(restored, snapshot)

    await expect(restoreDatabase(restored, truncated, { force: true })).rejects.toThrow(/Nothing was changed/)
    expect(await withDatabase(restored, snapshot)).toEqual(before)
    expect((await readdir(work)).filter((name) => name.includes('.restoring-'))).toEqual([])
  })

  it.runIf(target.kind === 'pglite')(
    'refuses to back up a data folder another process has open',
    async () => {
      const open = await openDatabase(source)
      try {
        await expect(backupDatabase(source, path.join(work, 'busy.backup'))).rejects.toThrow(
          /stop the server/,
        )
      } finally {
        await open.close()
      }
    },
  )

  it('names the other kind of backup when given one', async () => {
    const other = path.join(work, 'other.backup')
    await writeFile(other, target.kind === 'pglite' ? 'PGDMP\u0001' : Buffer.from([0x1f, 0x8b, 8, 0]))
    await expect(restoreDatabase(restored, other, { force: true })).rejects.toThrow(
      target.kind === 'pglite' ? /PostgreSQL backup/ : /PGlite backup/,
    )
  })
})

async function withDatabase<T>(options: DatabaseOptions, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(options)
  try {
    return await work(db)
  } finally {
    await db.close()
  }
}

/** Rows and checksum of every table in the public schema (Prisma's bookkeeping too), and sequences. */
async function snapshot(db: Database): Promise<Snapshot> {
  const tables = await db.prisma.$queryRaw<{ name: string }[]>`
    SELECT relname AS name FROM pg_class
    WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY relname`
  const result: Snapshot = { tables: [], sequences: {} }
  // One after the other: PGlite has a single connection.
  for (const { name } of tables) {
    const [row] = await db.prisma.$queryRawUnsafe<[{ rows: number; checksum: string }]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS checksum
       FROM "${name}" t`,
    )
    result.tables.push({ table: name, ...row })
  }
  const sequences = await db.prisma.$queryRaw<{ name: string; last: string | null }[]>`
    SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public'`
  for (const { name, last } of sequences) result.sequences[name] = last
  return result
}

/** A little of everything: an office tree, guests and visits, sheets, audit events, a pair's research. */
async function seed(db: Database) {
  const p = db.prisma
  const province = await p.office.create({ data: { level: 'PROVINSI', regionCode: '34', name: 'KPU DIY' } })
  const office = await p.office.create({
    data: {
      level: 'KABKOTA',
      regionCode: '34.02',
      name: 'KPU Kabupaten Bantul',
      parentId: province.id,
      helpdeskContacts: { phone: '0274-367509' },
    },
  })
  const staff = await p.user.create({
    data: {
      officeId: office.id,
      username: 'petugas',
      displayName: 'Petugas',
      role: 'petugas',
      passwordHash: 'x',
    },
  })
  const serviceDay = new Date('2024-08-27')
  for (let i = 0; i < 3; i++) {
    const guest = await p.guest.create({
      data: { officeId: office.id, name: `Tamu ${i}`, phone: `0812000000${i}`, category: 'lo' },
    })
    await p.visit.create({
      data: {
        clientId: randomUUID(),
        officeId: office.id,
        guestId: guest.id,
        topic: 'pendaftaran',
        consentVersion: '2024-1',
        serviceDay,
        queueLane: 'A',
        queueSequence: i + 1,
        queueNumber: `A-${String(i + 1).padStart(3, '0')}`,
        checkedInAt: new Date(`2024-08-27T0${i + 1}:00:00Z`),
      },
    })
  }
  await p.consultation.create({ data: consultation(office.id, 1, 'Syarat ijazah calon') })
  await p.consultation.create({ data: consultation(office.id, 2, 'Jadwal pendaftaran pasangan calon') })
  for (const action of ['office.create', 'user.create', 'consultation.create']) {
    await p.auditEvent.create({
      data: { actorId: staff.id, action, targetType: 'Office', targetId: office.id, after: { ok: true } },
    })
  }
  const election = await p.election.create({
    data: {
      officeId: office.id,
      name: 'Pilkada 2024 Bupati Bantul',
      kind: 'bupati',
      regionCode: '34.02',
      year: 2024,
      calendar: { registration: ['2024-08-27', '2024-08-29'] },
      catalogVersion: '2024-1',
    },
  })
  const pair = await p.candidatePair.create({
    data: {
      electionId: election.id,
      officeId: office.id,
      pathway: 'partai',
      parties: ['A', 'B'],
      loName: 'LO',
      loPhone: '081234',
    },
  })
  const check = await p.requirementCheck.create({
    data: { pairId: pair.id, requirementCode: 'ijazah', subject: 'calon', status: 'ms' },
  })
  for (const [from, to, kind] of [
    ['belum_diserahkan', 'diserahkan', 'penyerahan'],
    ['diserahkan', 'ms', 'penelitian'],
  ] as const) {
    await p.checkEvent.create({
      data: { checkId: check.id, from, to, kind, at: new Date(), byUserId: staff.id },
    })
  }
  await p.dailySummary.create({
    data: { officeId: office.id, day: serviceDay, consultations: { total: 2 }, visits: 3 },
  })
}

function consultation(officeId: string, n: number, question: string) {
  return {
    officeId,
    number: `LK-34.02-2024-${String(n).padStart(5, '0')}`,
    channel: 'tatap_muka',
    askerName: `Penanya ${n}`,
    stakeholderCategory: 'lo',
    topic: 'syarat_calon',
    question,
    participants: [{ name: 'Petugas' }],
    occurredAt: new Date('2024-08-27T03:00:00Z'),
  }
}
