import type { Database } from '@mejabantu/db'
import {
  localDay,
  summarise,
  toPublicConsultation,
  toPublicSummary,
  type Channel,
  type ConsultationStatus,
  type PublicConsultation,
  type PublicOffice,
  type PublicSummary,
  type StakeholderCategory,
  type Topic,
} from '@mejabantu/domain'
import { refuse } from '../errors.ts'
import { toFact } from './consultation-facts.ts'
import { localDayBounds } from './local-days.ts'

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
    },
    orderBy: { regionCode: 'asc' },
  })
  return offices.map(({ parent, helpdeskContacts, ...office }) => ({
    ...office,
    parentRegionCode: parent?.regionCode ?? null,
    helpdeskContacts: textEntries(helpdeskContacts),
  }))
}

// Contacts are stored as JSON an administrator writes; only name → text pairs are published.
function textEntries(json: unknown): Record<string, string> {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {}
  return Object.fromEntries(
    Object.entries(json).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
    ),
  )
}

async function officeByRegion(db: Database, regionCode: string) {
  const office = await db.prisma.office.findUnique({
    where: { regionCode },
    select: { id: true, regionCode: true, name: true, timeZone: true },
  })
  if (!office) {
    refuse('NOT_FOUND', {
      rule: 'public.office.notFound',
      params: { regionCode },
      message: {
        id: `Kantor dengan kode wilayah ${regionCode} tidak ditemukan.`,
        en: `No office has the region code ${regionCode}.`,
      },
    })
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
    skip: (input.page - 1) * input.pageSize,
    take: input.pageSize,
  })
  return {
    office: { regionCode: office.regionCode, name: office.name },
    items: rows.map((row) =>
      toPublicConsultation(
        {
          ...row,
          channel: row.channel as Channel,
          topic: row.topic as Topic,
          stakeholderCategory: row.stakeholderCategory as StakeholderCategory,
          status: row.status as ConsultationStatus,
        },
        office.timeZone,
      ),
    ),
    total,
    page: input.page,
    pageSize: input.pageSize,
  }
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
    summary: toPublicSummary(summarise(facts)),
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
