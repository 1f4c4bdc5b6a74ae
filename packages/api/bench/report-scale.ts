/**
 * Reports and search at national scale: seeds BENCH_CONSULTATIONS sheets (default 1,000,000) across 500
 * offices (KPU RI, 38 provinces, Kab/Kota below) over two months, builds the daily summaries, then times
 * the monthly roll-up at each level and full-text search. PGlite in a scratch folder by default;
 * BENCH_DATABASE_URL points it at an empty PostgreSQL database instead.
 *
 *   npm run bench -w @mejabantu/api
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { applyMigrations, openDatabase } from '@mejabantu/db'
import { Channel, ConsultationStatus, StakeholderCategory } from '@mejabantu/domain'
import { compileReport } from '../src/reports/compile.ts'
import { listConsultations } from '../src/consultations/list.ts'
import { rebuildDailySummaries } from '../src/reports/daily-summary.ts'
import { ensureFirstRun } from '../src/offices/first-run.ts'

// The seven topics the first topic migration seeds, national.
const BENCH_TOPICS = ['syarat_calon', 'syarat_pencalonan', 'silon', 'visi_misi', 'foto', 'jadwal', 'lainnya']
const TOTAL = Number(process.env.BENCH_CONSULTATIONS ?? 1_000_000)
const OFFICES = 500
const BATCH = 50_000
const PROVINCES = 38

const url = process.env.BENCH_DATABASE_URL
const dataDir = url ? null : await mkdtemp(path.join(tmpdir(), 'mejabantu-bench-'))
const db = await openDatabase(url ? { url } : { dataDir: dataDir! })
const figures: [string, string][] = []
const timed = async <T>(label: string, run: () => Promise<T>, repeat = 1): Promise<T> => {
  let result!: T
  const times: number[] = []
  for (let i = 0; i < repeat; i++) {
    const start = performance.now()
    result = await run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  figures.push([
    label,
    repeat > 1 ? `${median.toFixed(0)} ms (median of ${repeat})` : `${(median / 1000).toFixed(1)} s`,
  ])
  return result
}

try {
  await applyMigrations(db)
  await ensureFirstRun(db)
  const ri = await db.prisma.office.findFirstOrThrow({ where: { level: 'RI' } })
  if ((await db.prisma.consultation.count()) > 0) throw new Error('The bench needs an empty database')

  await timed(`seed ${OFFICES} offices and ${TOTAL.toLocaleString('en')} consultations`, async () => {
    const existing = await db.prisma.office.count()
    const provinces = await db.prisma.office.createManyAndReturn({
      data: Array.from({ length: PROVINCES }, (_, i) => ({
        level: 'PROVINSI' as const,
        regionCode: `B${String(i + 1).padStart(2, '0')}`,
        name: `KPU Provinsi Bench ${i + 1}`,
        parentId: ri.id,
      })),
      select: { id: true },
    })
    const kabkota = OFFICES - existing - PROVINCES
    await db.prisma.office.createMany({
      data: Array.from({ length: kabkota }, (_, i) => ({
        level: 'KABKOTA' as const,
        regionCode: `B${String((i % PROVINCES) + 1).padStart(2, '0')}.${String(i + 1).padStart(3, '0')}`,
        name: `KPU Kabupaten Bench ${i + 1}`,
        parentId: provinces[i % PROVINCES]!.id,
      })),
    })
    const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`
    const words = list([
      'syarat',
      'dokumen',
      'ijazah',
      'SKCK',
      'SILON',
      'visi',
      'misi',
      'foto',
      'jadwal',
      'perbaikan',
      'pajak',
      'kesehatan',
      'dukungan',
    ])
    for (let from = 1; from <= TOTAL; from += BATCH) {
      const to = Math.min(TOTAL, from + BATCH - 1)
      // Two months of sheets, spread over every office, channel, topic, category and status.
      await db.prisma.$executeRawUnsafe(`
        WITH offices AS (SELECT id, row_number() OVER (ORDER BY "regionCode") - 1 AS i FROM "Office"),
             sheets AS (
               SELECT g, o.id AS office,
                      timestamptz '2024-08-01 00:00+07' + (g % 61) * interval '1 day' + (g % 600) * interval '1 minute' AS at
               FROM generate_series(${from}, ${to}) g JOIN offices o ON o.i = g % ${OFFICES})
        INSERT INTO "Consultation" ("id", "officeId", "number", "channel", "askerName", "stakeholderCategory",
          "topic", "question", "status", "occurredAt", "firstResponseAt", "closedAt", "referredAt", "updatedAt")
        SELECT gen_random_uuid(), office, 'BENCH-' || g,
               (${list(Channel.values)})[1 + g % 5], 'Penanya ' || g,
               (${list(StakeholderCategory.values)})[1 + g % ${StakeholderCategory.values.length}],
               (${list(BENCH_TOPICS)})[1 + g % ${BENCH_TOPICS.length}],
               'Bagaimana ' || (${words})[1 + g % 13] || ' dan ' || (${words})[1 + (g / 13) % 13] || ' nomor ' || g,
               (${list(ConsultationStatus.values)})[1 + g % ${ConsultationStatus.values.length}],
               at,
               CASE WHEN g % 4 > 0 THEN at + (g % 240) * interval '1 minute' END,
               CASE WHEN g % 4 = 3 THEN at + (g % 2880) * interval '1 minute' END,
               CASE WHEN g % 20 = 0 THEN at + interval '1 hour' END,
               now()
        FROM sheets`)
    }
  })
  const built = await timed('build the daily summaries', () => rebuildDailySummaries(db))
  const offices = await db.prisma.office.findMany({ select: { id: true, level: true } })
  const province = offices.find((o) => o.level === 'PROVINSI' && o.id !== ri.id)!
  const kab = offices.find((o) => o.level === 'KABKOTA')!
  const september = { from: '2024-09-01', to: '2024-09-30' }

  const national = await timed(
    'monthly roll-up, KPU RI (all 500 offices)',
    () => compileReport(db.prisma, ri.id, september, null, new Date()),
    5,
  )
  await timed(
    'monthly roll-up, one province',
    () => compileReport(db.prisma, province.id, september, null, new Date()),
    5,
  )
  await timed(
    'monthly report, one Kab/Kota (with its rows)',
    () => compileReport(db.prisma, kab.id, september, null, new Date()),
    5,
  )

  const everyOffice = new Set(offices.map((o) => o.id))
  const actor = {
    userId: '00000000-0000-0000-0000-000000000000',
    ip: null,
    scope: {
      officeId: kab.id,
      readable: everyOffice,
      read: (id?: string | null) => id ?? kab.id,
      write: () => kab.id,
    },
  }
  const page = { page: 1, pageSize: 20 }
  const hits = await timed(
    'full-text search in one office ("SKCK")',
    () => listConsultations(db, actor, { ...page, q: 'SKCK' }),
    5,
  )
  await timed(
    'full-text search with filters (channel, month)',
    () => listConsultations(db, actor, { ...page, q: 'ijazah', channel: 'telepon', ...september }),
    5,
  )

  figures.push(['daily summary rows', `${built.days.toLocaleString('en')} over ${built.offices} offices`])
  figures.push(['September consultations, national', national.total.consultations.toLocaleString('en')])
  figures.push(['search hits in one office', String(hits.total)])
  console.log(`\nReports and search at scale (${url ? 'PostgreSQL' : 'PGlite'})`)
  console.table(Object.fromEntries(figures.map(([k, v]) => [k, { value: v }])))
} finally {
  await db.close()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
}
