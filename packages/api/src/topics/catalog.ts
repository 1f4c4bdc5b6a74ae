import type { Database, Queryable } from '@mejabantu/db'
import { articleOwnersFor, checkSheetTopic, type CatalogTopic, type ReferralTeam } from '@mejabantu/domain'
import { ensure } from '../shared/errors.ts'

type TopicRow = Awaited<ReturnType<Queryable['topic']['findMany']>>[number]

/** A stored topic as the domain's rules read it. */
export const toCatalogTopic = (row: TopicRow): CatalogTopic => ({
  code: row.code,
  parentCode: row.parentCode,
  labelId: row.labelId,
  labelEn: row.labelEn,
  referralTeam: row.referralTeam as ReferralTeam | null,
  officeId: row.officeId,
  archived: row.archivedAt !== null,
})

/** The offices whose topics `officeId` reads: itself and every office above it. */
export async function topicOwners(db: Queryable, officeId: string): Promise<string[]> {
  const offices = await db.office.findMany({ select: { id: true, parentId: true } })
  return articleOwnersFor(offices, officeId)
}

/** The stored topics an office reads (national, its superiors', its own), in the admins' order. */
export async function topicRows(db: Queryable, officeId: string) {
  const owners = await topicOwners(db, officeId)
  return db.topic.findMany({
    where: { OR: [{ officeId: null }, { officeId: { in: owners } }] },
    orderBy: [{ sortOrder: 'asc' }, { labelId: 'asc' }],
    include: { office: { select: { name: true } } },
  })
}

/** The catalogue of topics an office reads, archived ones included. */
export async function topicCatalog(db: Queryable, officeId: string): Promise<CatalogTopic[]> {
  return (await topicRows(db, officeId)).map(toCatalogTopic)
}

// The kiosk checks every check-in's topic: a catalogue changes rarely, so a process reads it at most
// every few seconds per office and database, and forgets it at once when this process changes a topic.
const CACHE_MS = 10_000
const cached = new WeakMap<object, Map<string, { at: number; topics: Promise<CatalogTopic[]> }>>()

/** The office's catalogue, read at most every ten seconds by this process. */
export function cachedTopicCatalog(
  db: Database,
  officeId: string,
  now = Date.now(),
): Promise<CatalogTopic[]> {
  let offices = cached.get(db)
  if (!offices) cached.set(db, (offices = new Map()))
  const hit = offices.get(officeId)
  if (hit && now - hit.at < CACHE_MS) return hit.topics
  const topics = topicCatalog(db.prisma, officeId)
  offices.set(officeId, { at: now, topics })
  topics.catch(() => offices.delete(officeId))
  return topics
}

/** Forgets every cached catalogue of the database, after a topic changed. */
export const forgetTopicCatalogs = (db: Database) => cached.delete(db)

/** Refuses (BAD_REQUEST) a topic or sub-topic the office's catalogue does not hold. */
export async function ensureSheetTopic(
  db: Queryable,
  officeId: string,
  topic: string,
  subTopic?: string | null,
): Promise<CatalogTopic[]> {
  const catalog = await topicCatalog(db, officeId)
  ensure(checkSheetTopic(catalog, topic, subTopic))
  return catalog
}

/** The id/en labels of the given codes, whichever office owns them: what a report prints. */
export async function labelsOfCodes(db: Queryable, codes: Iterable<string>) {
  const rows = await db.topic.findMany({
    where: { code: { in: [...new Set(codes)] } },
    select: { code: true, labelId: true, labelEn: true },
  })
  return Object.fromEntries(rows.map((r) => [r.code, { id: r.labelId, en: r.labelEn ?? r.labelId }]))
}
