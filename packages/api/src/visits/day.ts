import type { Queryable } from '@mejabantu/db'
import { localDay, type TimeZone } from '@mejabantu/domain'

/** An office and its current calendar day: what "today" means for its guest book and queue. */
export interface OfficeDay {
  office: { id: string; name: string; regionCode: string; timeZone: TimeZone }
  today: string
}

export async function officeDay(db: Queryable, officeId: string, now: Date): Promise<OfficeDay> {
  const office = await db.office.findUniqueOrThrow({
    where: { id: officeId },
    select: { id: true, name: true, regionCode: true, timeZone: true },
  })
  return { office, today: localDay(now, office.timeZone) }
}

/** A `YYYY-MM-DD` day as the database's `date` columns hold it. */
export const dateColumn = (day: string) => new Date(`${day}T00:00:00Z`)
/** A `date` column back as `YYYY-MM-DD`. */
export const dayOfColumn = (date: Date) => date.toISOString().slice(0, 10)
