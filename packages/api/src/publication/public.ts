import type { Database } from '@mejabantu/db'
import { labelsOfCodes } from '../topics/catalog.ts'
import {
  localDay,
  readHelpdeskContacts,
  scrubPersonalData,
  summarise,
  toPublicConsultation,
  toPublicSummary,
  withSmallCategoriesMerged,
  type Channel,
  type ConsultationStatus,
  type PublicConsultation,
  type PublicOffice,
  type PublicSummary,
  type StakeholderCategory,
  type TimeZone,
  type Label,
  type TopicCode,
} from '@mejabantu/domain'
import { refuse } from '../shared/errors.ts'
import { publicationViolations } from './violations.ts'
import { toFact } from '../consultations/facts.ts'
import { localDayBounds } from '../shared/local-days.ts'
import { pageWindow } from '../shared/paging.ts'

/** Every office with its help-desk hours and contacts, by region code. */
export async function publicOffices(db: Database): Promise<PublicOffice[]> {
  const offices = await db.prisma.office.findMany({
    select: {
      regionCode: true,
      name: true,
      level: true,
      timeZone: true,
      helpdeskHours: true,
      helpdeskContacts: true,
      parent: { select: { regionCode: true } },
      users: { select: { displayName: true } },
    },
    orderBy: { regionCode: 'asc' },
  })
  return offices.map(({ parent, helpdeskContacts, helpdeskHours, users, ...office }) => ({
    ...office,
    parentRegionCode: parent?.regionCode ?? null,
    // Hours are free text an admin types: they leave through the scrubber, with the office's staff names.
    helpdeskHours: helpdeskHours && scrubPersonalData(helpdeskHours, users.map(displayName)),
    helpdeskContacts: readHelpdeskContacts(helpdeskContacts),
  }))
}

const displayName = (user: { displayName: string }) => user.displayName

async function officeByRegion(db: Database, regionCode: string) {
  const office = await db.prisma.office.findUnique({
    where: { regionCode },
    select: { id: true, regionCode: true, name: true, timeZone: true },
  })
  if (!office) {
    refuse('NOT_FOUND', publicationViolations.officeNotFound(regionCode))
  }
  return office
}

/** What the public may see of a consultation; nothing else is even read. */
const publicColumns = {
  channel: true,
  topic: true,
  stakeholderCategory: true,
  status: true,
  occurredAt: true,
  firstResponseAt: true,
} as const

interface PublicRange {
  regionCode: string
  from?: string | undefined
  to?: string | undefined
}

async function periodWhere(db: Database, range: PublicRange) {
  const office = await officeByRegion(db, range.regionCode)
  const { start, end } = localDayBounds(range, office.timeZone)
  return {
    office,
    where: {
      officeId: office.id,
      occurredAt: { ...(start ? { gte: start } : {}), ...(end ? { lt: end } : {}) },
      // A duplicate merged into another sheet is published, and counted, once: as that sheet.
      mergedIntoId: null,
    },
  }
}

/** One page of an office's anonymised consultation log, newest first, days in the office's zone. */
export async function publicLog(
  db: Database,
  input: PublicRange & { page: number; pageSize: number },
): Promise<{
  office: { regionCode: string; name: string }
  items: PublicConsultation[]
  topicLabels: Record<string, Label>
  total: number
  page: number
  pageSize: number
}> {
  const { office, where } = await periodWhere(db, input)
  const total = await db.prisma.consultation.count({ where })
  const rows = await db.prisma.consultation.findMany({
    where,
    select: publicColumns,
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    ...pageWindow(input),
  })
  const lines = rows.map((row) =>
    toPublicConsultation(
      {
        ...row,
        channel: row.channel as Channel,
        topic: row.topic as TopicCode,
        stakeholderCategory: row.stakeholderCategory as StakeholderCategory,
        status: row.status as ConsultationStatus,
      },
      office.timeZone,
    ),
  )
  return {
    office: { regionCode: office.regionCode, name: office.name },
    items: withSmallCategoriesMerged(lines, await categoriesOfDays(db, office, lines)),
    topicLabels: await labelsOfCodes(
      db.prisma,
      lines.map((line) => line.topic),
    ),
    total,
    page: input.page,
    pageSize: input.pageSize,
  }
}

/**
 * Every sheet's category on the office days the page shows, the whole day and not just the page: the
 * minimum group size counts a day's askers, however the log is paged.
 */
async function categoriesOfDays(
  db: Database,
  office: { id: string; timeZone: TimeZone },
  lines: readonly PublicConsultation[],
): Promise<Pick<PublicConsultation, 'day' | 'stakeholderCategory'>[]> {
  const days = lines.map((line) => line.day).sort()
  if (days.length === 0) return []
  const { start, end } = localDayBounds({ from: days[0]!, to: days.at(-1)! }, office.timeZone)
  const rows = await db.prisma.consultation.findMany({
    where: { officeId: office.id, occurredAt: { gte: start!, lt: end! }, mergedIntoId: null },
    select: { occurredAt: true, stakeholderCategory: true },
  })
  return rows.map((row) => ({
    day: localDay(row.occurredAt, office.timeZone),
    stakeholderCategory: row.stakeholderCategory as StakeholderCategory,
  }))
}

/** An office's published figures over a period: counts and time to first response. */
export async function publicSummary(
  db: Database,
  input: PublicRange,
): Promise<{ office: { regionCode: string; name: string }; summary: PublicSummary }> {
  const { office, where } = await periodWhere(db, input)
  const rows = await db.prisma.consultation.findMany({
    where,
    select: { ...publicColumns, closedAt: true, referredAt: true },
  })
  // Who answered is not published, so staff are never even read.
  const facts = rows.map((row) => toFact(office.id, office.timeZone, { ...row, staffId: null }))
  return {
    office: { regionCode: office.regionCode, name: office.name },
    summary: toPublicSummary(
      summarise(facts),
      await labelsOfCodes(
        db.prisma,
        facts.map((f) => f.topic),
      ),
    ),
  }
}

/** One day of an office's public chart. */
interface PublicDay {
  day: string
  consultations: number
  byChannel: Partial<Record<Channel, number>>
}

/** An office's consultations per day over a period, by channel: the public page's daily chart. */
export async function publicDaily(
  db: Database,
  input: PublicRange,
): Promise<{ office: { regionCode: string; name: string }; days: PublicDay[] }> {
  const { office, where } = await periodWhere(db, input)
  const rows = await db.prisma.consultation.findMany({ where, select: { occurredAt: true, channel: true } })
  const days = new Map<string, PublicDay>()
  for (const row of rows) {
    const day = localDay(row.occurredAt, office.timeZone)
    const tally = days.get(day) ?? { day, consultations: 0, byChannel: {} }
    const channel = row.channel as Channel
    tally.consultations += 1
    tally.byChannel[channel] = (tally.byChannel[channel] ?? 0) + 1
    days.set(day, tally)
  }
  return {
    office: { regionCode: office.regionCode, name: office.name },
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  }
}
