import type { Queryable } from '@mejabantu/db'
import {
  firstResponseMinutes,
  mergeSummaries,
  officeSubtree,
  officeTable,
  rollUp,
  satisfactionOf,
  type ReportSatisfaction,
  type ReportContent,
  type ReportOffice,
  type ReportPeriod,
  type ReportRow,
  resolutionMinutes,
  type ReportSummary,
} from '@mejabantu/domain'
import { localDayBounds } from '../shared/local-days.ts'
import { articlesIn } from './articles.ts'
import { dateColumn, dayOfColumn } from '../visits/day.ts'
import { labelsOfCodes } from '../topics/catalog.ts'

interface OfficeRow extends ReportOffice {
  parentId: string | null
}

const officeColumns = {
  id: true,
  name: true,
  regionCode: true,
  level: true,
  parentId: true,
  timeZone: true,
} as const

/**
 * The report of an office over a period, from the daily summary rows of the office and every office
 * below it that `readable` admits (all of them when null): a monthly roll-up over a whole country reads
 * one row per office and day, never the sheets. Only the office's own sheets are listed row by row.
 */
export async function compileReport(
  db: Queryable,
  officeId: string,
  period: ReportPeriod,
  readable: ReadonlySet<string> | null,
  now: Date,
): Promise<ReportContent> {
  const offices: OfficeRow[] = await db.office.findMany({ select: officeColumns })
  const byId = new Map(offices.map((office) => [office.id, office]))
  const office = byId.get(officeId)!
  const subtree = officeSubtree(offices, officeId).filter((id) => !readable || readable.has(id))
  // A node whose parent is outside the list is a root to rollUp, so the report's office heads the tree.
  const nodes = subtree.map((id) => ({ id, parentId: id === officeId ? null : byId.get(id)!.parentId }))

  const days = await db.dailySummary.findMany({
    where: { officeId: { in: subtree }, day: { gte: dateColumn(period.from), lte: dateColumn(period.to) } },
    select: { officeId: true, day: true, consultations: true, visits: true },
  })
  const own = new Map<string, ReportSummary[]>()
  const visitsByOffice = new Map<string, Record<string, number>>()
  for (const row of days) {
    // Written only by recountConsultationDay from the domain's summarise, so it has the summary's shape.
    const summary = row.consultations as unknown as ReportSummary
    const officeDays = own.get(row.officeId)
    if (officeDays) officeDays.push(summary)
    else own.set(row.officeId, [summary])
    if (row.visits > 0) {
      const visits = visitsByOffice.get(row.officeId) ?? {}
      visits[dayOfColumn(row.day)] = row.visits
      visitsByOffice.set(row.officeId, visits)
    }
  }
  const rollup = rollUp(nodes, new Map([...own].map(([id, summaries]) => [id, mergeSummaries(...summaries)])))
  const visitsBelow = (id: string): Record<string, number> => {
    const total = { ...visitsByOffice.get(id) }
    for (const child of rollup.get(id)!.children) {
      for (const [day, n] of Object.entries(visitsBelow(child))) total[day] = (total[day] ?? 0) + n
    }
    return total
  }
  const totalOf = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)

  const root = rollup.get(officeId)!
  const rows = await ownRows(db, office, period)
  const satisfaction = await satisfactionIn(
    db,
    subtree.map((id) => byId.get(id)!),
    officeId,
    period,
  )
  return {
    office: reportOffice(office),
    period,
    generatedAt: now,
    own: root.own,
    total: root.total,
    visits: { own: { ...visitsByOffice.get(officeId) }, total: visitsBelow(officeId) },
    offices: officeTable(rollup, officeId).map((line) => ({
      office: reportOffice(byId.get(line.officeId)!),
      total: line.total,
      visits: totalOf(visitsBelow(line.officeId)),
    })),
    staffNames: await staffNames(db, [
      ...new Set([...Object.keys(root.total.byStaff), ...Object.keys(satisfaction.total.byStaff)]),
    ]),
    rows,
    satisfaction,
    // Frozen with the report: a topic renamed later does not change what leadership was sent.
    topicLabels: await labelsOfCodes(db, [
      ...Object.keys(root.total.byTopic),
      ...Object.keys(satisfaction.total.byTopic),
      ...rows.map((row) => row.topic),
    ]),
    articles: await articlesIn(
      db,
      subtree.map((id) => byId.get(id)!),
      officeId,
      period,
    ),
  }
}

/**
 * The askers' ratings of the period's sheets of the offices given (each office's own days), merged
 * duplicates left out as the counts leave them: one read of the ratings, grouped by zone.
 */
async function satisfactionIn(
  db: Queryable,
  offices: readonly OfficeRow[],
  officeId: string,
  period: ReportPeriod,
): Promise<ReportSatisfaction> {
  const zones = new Map<OfficeRow['timeZone'], string[]>()
  for (const office of offices) zones.set(office.timeZone, [...(zones.get(office.timeZone) ?? []), office.id])
  const ratings = await db.consultationRating.findMany({
    where: {
      consultation: {
        mergedIntoId: null,
        OR: [...zones].map(([zone, ids]) => {
          const { start, end } = localDayBounds(period, zone)
          return { officeId: { in: ids }, occurredAt: { gte: start!, lt: end! } }
        }),
      },
    },
    select: { score: true, consultation: { select: { officeId: true, topic: true, staffId: true } } },
  })
  const facts = ratings.map(({ score, consultation }) => ({ score, ...consultation }))
  return {
    own: satisfactionOf(facts.filter((fact) => fact.officeId === officeId)),
    total: satisfactionOf(facts),
  }
}

const reportOffice = ({ id, name, regionCode, level, timeZone }: OfficeRow): ReportOffice => ({
  id,
  name,
  regionCode,
  level,
  timeZone,
})

async function ownRows(db: Queryable, office: OfficeRow, period: ReportPeriod): Promise<ReportRow[]> {
  const { start, end } = localDayBounds(period, office.timeZone)
  const sheets = await db.consultation.findMany({
    // Merged duplicates are listed, and counted, once: as the sheet they were merged into.
    where: { officeId: office.id, occurredAt: { gte: start!, lt: end! }, mergedIntoId: null },
    select: {
      number: true,
      occurredAt: true,
      channel: true,
      topic: true,
      stakeholderCategory: true,
      status: true,
      staffId: true,
      firstResponseAt: true,
      closedAt: true,
      referredAt: true,
      referredToOffice: { select: { name: true } },
    },
    orderBy: [{ occurredAt: 'asc' }, { number: 'asc' }],
  })
  const names = await staffNames(db, [...new Set(sheets.flatMap((s) => (s.staffId ? [s.staffId] : [])))])
  return sheets.map((sheet) => ({
    number: sheet.number,
    occurredAt: sheet.occurredAt,
    channel: sheet.channel,
    topic: sheet.topic,
    stakeholderCategory: sheet.stakeholderCategory,
    status: sheet.status,
    staffName: sheet.staffId ? (names[sheet.staffId] ?? null) : null,
    // Referral moves the sheet up; after an answer above, the office it went to is still where it went.
    referredTo: sheet.referredAt ? (sheet.referredToOffice?.name ?? null) : null,
    firstResponseMinutes: firstResponseMinutes(sheet),
    resolutionMinutes: resolutionMinutes(sheet),
  }))
}

async function staffNames(db: Queryable, ids: string[]): Promise<Record<string, string>> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))
  if (uuids.length === 0) return {}
  const users = await db.user.findMany({
    where: { id: { in: uuids } },
    select: { id: true, displayName: true },
  })
  return Object.fromEntries(users.map((user) => [user.id, user.displayName]))
}
