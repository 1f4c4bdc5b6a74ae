import type { Database } from '@mejabantu/db'
import { ANONYMISED_NAME, maskName, maskPhone, normalisePhone, StakeholderCategory } from '@mejabantu/domain'
import { literalLike } from '../shared/literal-like.ts'
import type { PersonMatch } from './schemas.ts'

/**
 * Askers known only from sheets (no visit of theirs: they phoned, wrote, or met online) whose name or
 * contact matches, one match per person: sheets with the same contact (the phone in any spelling, or the
 * e-mail), or the same name when none is given, are one person. Newest first.
 */
export async function askersMatching(
  db: Database['prisma'],
  officeId: string,
  query: string,
  phone: string | null,
  limit: number,
): Promise<PersonMatch[]> {
  // A phone is compared by its digits, so "+62 811-5555-0001" and "081155550001" are one number.
  const byPhone = phone
    ? (
        await db.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Consultation"
          WHERE "officeId" = ${officeId}::uuid AND "visitId" IS NULL
            AND regexp_replace(coalesce("askerContact", ''), '[^0-9]', '', 'g') LIKE ${`%${phone.slice(3)}`}`
      ).map((row) => row.id)
    : null
  const sheets = await db.consultation.findMany({
    where: {
      officeId,
      visitId: null,
      askerName: { not: ANONYMISED_NAME },
      ...(byPhone
        ? { id: { in: byPhone } }
        : {
            OR: [
              { askerName: { contains: literalLike(query), mode: 'insensitive' } },
              { askerContact: { contains: literalLike(query.trim()), mode: 'insensitive' } },
            ],
          }),
    },
    select: { id: true, askerName: true, askerContact: true, stakeholderCategory: true },
    orderBy: { occurredAt: 'desc' },
    take: 200,
  })
  const people = new Map<string, PersonMatch>()
  for (const sheet of sheets) {
    const contactPhone = sheet.askerContact ? normalisePhone(sheet.askerContact) : null
    if (phone && contactPhone !== phone) continue
    const key =
      contactPhone ?? sheet.askerContact?.trim().toLowerCase() ?? `name:${sheet.askerName.toLowerCase()}`
    const known = people.get(key)
    if (known) {
      known.sheets += 1
      continue
    }
    if (people.size === limit) continue
    people.set(key, {
      kind: 'asker',
      guestId: null,
      consultationId: sheet.id,
      maskedName: maskName(sheet.askerName),
      maskedPhone: contactPhone ? maskPhone(contactPhone) : null,
      category: StakeholderCategory.schema.parse(sheet.stakeholderCategory),
      visits: 0,
      sheets: 1,
      lastVisitAt: null,
    })
  }
  return [...people.values()]
}
