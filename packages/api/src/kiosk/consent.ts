import type { Database, Queryable } from '@mejabantu/db'
import { ConsentTextSchema, type ConsentText } from '@mejabantu/domain'
import { z } from 'zod'
import { refuse } from '../shared/errors.ts'
import { kioskViolations } from './violations.ts'
import type { OfficeScope } from '../shared/tenancy.ts'
import { writeAudit } from '../shared/audit-writer.ts'
import { DEFAULT_CONSENT_TEXT } from './consent-default.ts'
import type { Actor } from '../shared/actor.ts'
import { dateColumn, dayOfColumn, officeDay } from '../visits/day.ts'

/** A stored version: an office's own, or the default every office falls back on (`officeId` null). */
export const ConsentVersionSchema = ConsentTextSchema.extend({
  officeId: z.uuid().nullable(),
  createdAt: z.date(),
})
export type ConsentVersion = z.infer<typeof ConsentVersionSchema>

interface ConsentRow {
  version: string
  officeId: string | null
  effectiveFrom: Date
  retentionDays: number
  bodyId: string
  bodyEn: string
  createdAt: Date
}

const view = (row: ConsentRow): ConsentVersion => ({
  version: row.version,
  officeId: row.officeId,
  effectiveFrom: dayOfColumn(row.effectiveFrom),
  retentionDays: row.retentionDays,
  body: { id: row.bodyId, en: row.bodyEn },
  createdAt: row.createdAt,
})

const newestFirst = [{ effectiveFrom: 'desc' }, { createdAt: 'desc' }, { version: 'desc' }] as const

/**
 * The text the office's kiosk shows on `today`: the latest of the office's own versions in effect, or,
 * while the office has none, the latest default version in effect.
 */
export async function currentConsentText(
  db: Queryable,
  officeId: string,
  today: string,
): Promise<ConsentVersion | null> {
  const inEffect = { effectiveFrom: { lte: dateColumn(today) } }
  const row =
    (await db.consentText.findFirst({ where: { officeId, ...inEffect }, orderBy: [...newestFirst] })) ??
    (await db.consentText.findFirst({ where: { officeId: null, ...inEffect }, orderBy: [...newestFirst] }))
  return row && view(row)
}

/** Whether a visitor of the office can have accepted `version`: one of its own or a default version. */
export async function consentVersionExists(
  db: Queryable,
  officeId: string,
  version: string,
): Promise<boolean> {
  const row = await db.consentText.findFirst({
    where: { version, OR: [{ officeId }, { officeId: null }] },
    select: { id: true },
  })
  return row !== null
}

export const ConsentListSchema = z.object({
  /** The version the office's kiosk shows today. */
  current: z.string().nullable(),
  versions: z.array(ConsentVersionSchema),
})
export type ConsentList = z.infer<typeof ConsentListSchema>

/** Every version an office's visitors may see (its own and the defaults), newest first, and the current one. */
export async function listConsentTexts(
  db: Database,
  scope: OfficeScope,
  officeId: string | undefined,
  now = new Date(),
): Promise<ConsentList> {
  const office = scope.read(officeId)
  const { today } = await officeDay(db.prisma, office, now)
  const rows = await db.prisma.consentText.findMany({
    where: { OR: [{ officeId: office }, { officeId: null }] },
    orderBy: [...newestFirst],
  })
  const current = await currentConsentText(db.prisma, office, today)
  return { current: current?.version ?? null, versions: rows.map(view) }
}

/**
 * Adds a version for the admin's own office. Versions are never edited. Names are the office's own: a name
 * its visitors could already have accepted (its own or a default's) is refused, another office's is free,
 * and the refusal names only the version asked for.
 */
export async function addConsentText(
  db: Database,
  scope: OfficeScope,
  input: ConsentText,
  actor: Actor,
): Promise<ConsentVersion> {
  const officeId = scope.write()
  return db.prisma.$transaction(async (tx) => {
    const taken = await consentVersionExists(tx, officeId, input.version)
    // The unique (office, version) index settles two admins adding the same name at once.
    const { count } = taken
      ? { count: 0 }
      : await tx.consentText.createMany({
          data: [
            {
              version: input.version,
              officeId,
              effectiveFrom: dateColumn(input.effectiveFrom),
              retentionDays: input.retentionDays,
              bodyId: input.body.id,
              bodyEn: input.body.en,
            },
          ],
          skipDuplicates: true,
        })
    if (count === 0) {
      refuse('CONFLICT', kioskViolations.consentVersionTaken(input.version))
    }
    const row = await tx.consentText.findFirstOrThrow({ where: { officeId, version: input.version } })
    const created = view(row)
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'consent.add',
      targetType: 'ConsentText',
      targetId: row.id,
      after: {
        officeId,
        version: created.version,
        effectiveFrom: created.effectiveFrom,
        retentionDays: created.retentionDays,
      },
      ip: actor.ip,
    })
    return created
  })
}

/** Seeds the default version on an install that has no consent text at all; safe when starts race. */
export async function ensureDefaultConsentText(db: Database): Promise<void> {
  if ((await db.prisma.consentText.count()) > 0) return
  const text = DEFAULT_CONSENT_TEXT
  await db.prisma.consentText.createMany({
    data: [
      {
        version: text.version,
        officeId: null,
        effectiveFrom: dateColumn(text.effectiveFrom),
        retentionDays: text.retentionDays,
        bodyId: text.body.id,
        bodyEn: text.body.en,
      },
    ],
    skipDuplicates: true,
  })
}
