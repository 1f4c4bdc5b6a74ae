import { labelsOfCodes } from '../topics/catalog.ts'
import type { Database, Prisma, Queryable } from '@mejabantu/db'
import {
  checkReportPeriod,
  localDay,
  reportAsReadBy,
  reportNumber,
  type ReportContent,
} from '@mejabantu/domain'
import { ensure, refuse } from '../shared/errors.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import type { Actor } from '../shared/actor.ts'
import { compileReport } from './compile.ts'
import type { FrozenReport, ReportQuery, ReportRecord } from './schemas.ts'
import { reportViolations as violations } from './violations.ts'
import { dateColumn, dayOfColumn } from '../visits/day.ts'

/**
 * A draft report of an office in the actor's scope, compiled now: the roll-up counts only the offices
 * below that the actor may read (a petugas sees the own office's figures, leadership the whole subtree).
 */
export async function draftReport(
  db: Database,
  actor: Actor,
  query: ReportQuery,
  now: Date,
): Promise<ReportContent> {
  const officeId = actor.scope.read(query.officeId)
  const period = ensure(checkReportPeriod(query))
  return compileReport(db.prisma, officeId, period, actor.scope.readable, now)
}

const recordSelect = {
  id: true,
  number: true,
  fromDay: true,
  toDay: true,
  finalisedAt: true,
  finalisedById: true,
  sentAt: true,
  content: true,
  office: { select: { id: true, name: true, regionCode: true } },
  sentToOffice: { select: { id: true, name: true } },
} as const

type ReportRowWithContent = Prisma.ReportGetPayload<{ select: typeof recordSelect }>

async function toRecords(db: Queryable, rows: ReportRowWithContent[]): Promise<FrozenReport[]> {
  const ids = [...new Set(rows.map((row) => row.finalisedById))]
  const users = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true },
  })
  const names = new Map(users.map((user) => [user.id, user.displayName]))
  const contents = await Promise.all(rows.map((row) => withTopicLabels(db, revive(row.content))))
  return rows.map((row, i) => {
    // Written once by finaliseReport from compileReport; dates come back as strings from JSON.
    const content = contents[i]!
    return {
      id: row.id,
      number: row.number,
      office: row.office,
      period: { from: dayOfColumn(row.fromDay), to: dayOfColumn(row.toDay) },
      consultations: content.total.consultations,
      finalisedAt: row.finalisedAt,
      finalisedBy: names.get(row.finalisedById) ?? '—',
      sentTo: row.sentToOffice,
      sentAt: row.sentAt,
      content,
    }
  })
}

const withoutContent = ({ content: _content, ...record }: FrozenReport): ReportRecord => record

// Reports finalised before topics had labels of their own are labelled by the catalogue as it is now.
async function withTopicLabels(db: Queryable, content: ReportContent): Promise<ReportContent> {
  if (content.topicLabels) return content
  const codes = [...Object.keys(content.total.byTopic), ...content.rows.map((row) => row.topic)]
  return { ...content, topicLabels: await labelsOfCodes(db, codes) }
}

function revive(json: Prisma.JsonValue): ReportContent {
  const content = json as unknown as ReportContent & { generatedAt: string; rows: { occurredAt: string }[] }
  return {
    ...content,
    generatedAt: new Date(content.generatedAt),
    rows: content.rows.map((row) => ({ ...row, occurredAt: new Date(row.occurredAt) })),
  }
}

/**
 * Freezes the actor's office report for a period under the office's next report number for the year,
 * signed off by leadership: compiled under the rule of the draft (the offices below the actor may read,
 * which for leadership is all of them) and never changed after, whatever happens to the sheets. Audited
 * with its figures.
 */
export async function finaliseReport(
  db: Database,
  actor: Actor,
  query: Omit<ReportQuery, 'officeId'>,
  now: Date,
): Promise<ReportRecord> {
  const period = ensure(checkReportPeriod(query))
  const officeId = actor.scope.write()
  const created = await db.prisma.$transaction(async (tx) => {
    const content = await compileReport(tx, officeId, period, actor.scope.readable, now)
    const office = await tx.office.findUniqueOrThrow({
      where: { id: officeId },
      select: { regionCode: true, timeZone: true },
    })
    const year = Number(localDay(now, office.timeZone).slice(0, 4))
    const [counter] = await tx.$queryRaw<{ last: number }[]>`
      INSERT INTO "ReportCounter" ("officeId", "year", "last") VALUES (${officeId}::uuid, ${year}::int, 1)
      ON CONFLICT ("officeId", "year") DO UPDATE SET "last" = "ReportCounter"."last" + 1
      RETURNING "last"`
    const row = await tx.report.create({
      data: {
        officeId,
        number: reportNumber(office.regionCode, year, Number(counter!.last)),
        fromDay: dateColumn(period.from),
        toDay: dateColumn(period.to),
        content: content as unknown as Prisma.InputJsonValue,
        finalisedById: actor.userId,
        finalisedAt: now,
      },
      select: recordSelect,
    })
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'report.finalise',
      targetType: 'Report',
      targetId: row.id,
      after: {
        number: row.number,
        from: period.from,
        to: period.to,
        consultations: content.total.consultations,
        ownConsultations: content.own.consultations,
      },
      ip: actor.ip,
    })
    return row
  })
  return withoutContent((await toRecords(db.prisma, [created]))[0]!)
}

/** Sends a finalised report of the actor's office to the office above it, once. Audited. */
export async function sendReport(db: Database, actor: Actor, id: string, now: Date): Promise<ReportRecord> {
  const sent = await db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Report" WHERE "id" = ${id}::uuid FOR UPDATE`
    const report = await tx.report.findUnique({
      where: { id },
      select: { officeId: true, number: true, sentAt: true, office: { select: { parentId: true } } },
    })
    if (!report || !actor.scope.readable.has(report.officeId)) refuse('NOT_FOUND', violations.notFound(id))
    actor.scope.write(report.officeId)
    if (report.sentAt) refuse('CONFLICT', violations.alreadySent(report.number))
    const parentId = report.office.parentId
    if (!parentId) refuse('BAD_REQUEST', violations.noParent())
    const row = await tx.report.update({
      where: { id },
      data: { sentToOfficeId: parentId, sentAt: now, sentById: actor.userId },
      select: recordSelect,
    })
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'report.send',
      targetType: 'Report',
      targetId: id,
      after: { number: report.number, sentToOfficeId: parentId },
      ip: actor.ip,
    })
    return row
  })
  return withoutContent((await toRecords(db.prisma, [sent]))[0]!)
}

/**
 * One finalised report with its frozen content: readable by the offices whose records the actor reads,
 * and by the office it was sent to. Anything else is "not found", so ids of other offices tell nothing.
 */
export async function getReport(db: Database, actor: Actor, id: string): Promise<FrozenReport> {
  const row = await db.prisma.report.findUnique({
    where: { id },
    select: { ...recordSelect, officeId: true, sentToOfficeId: true },
  })
  const visible =
    row && (actor.scope.readable.has(row.officeId) || row.sentToOfficeId === actor.scope.officeId)
  if (!visible) refuse('NOT_FOUND', violations.notFound(id))
  const [report] = await toRecords(db.prisma, [row])
  // The office it was sent to reads it as sent; anyone else under the rule of their own draft.
  const readable = row.sentToOfficeId === actor.scope.officeId ? null : actor.scope.readable
  return { ...report!, content: reportAsReadBy(report!.content, readable) }
}

interface Page {
  page: number
  pageSize: number
}

async function pageOf(db: Database, where: Prisma.ReportWhereInput, { page, pageSize }: Page) {
  const [total, rows] = await Promise.all([
    db.prisma.report.count({ where }),
    db.prisma.report.findMany({
      where,
      select: recordSelect,
      orderBy: [{ finalisedAt: 'desc' }, { number: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ])
  const items = (await toRecords(db.prisma, rows)).map(withoutContent)
  return { items, total, page, pageSize }
}

/** The finalised reports of an office in the actor's scope, newest first. */
export function listReports(db: Database, actor: Actor, input: Page & { officeId?: string | undefined }) {
  return pageOf(db, { officeId: actor.scope.read(input.officeId) }, input)
}

/** The reports the offices below sent to the actor's office, newest first. */
export function reportInbox(db: Database, actor: Actor, input: Page) {
  return pageOf(db, { sentToOfficeId: actor.scope.officeId }, input)
}
