import { documentNumber, localDay, type DocumentSeries, type TimeZone } from '@mejabantu/domain'
import type { Transaction } from '@mejabantu/db'

/**
 * The next number of an office's outgoing documents in a series, counted per local year: the counter row
 * is taken and raised in one statement, so concurrent issues never share a number.
 */
export async function nextDocumentNumber(
  tx: Transaction,
  office: { id: string; regionCode: string; timeZone: TimeZone },
  series: DocumentSeries,
  now: Date,
): Promise<string> {
  const year = Number(localDay(now, office.timeZone).slice(0, 4))
  const [counter] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "DocumentCounter" ("officeId", "series", "year", "last")
    VALUES (${office.id}::uuid, ${series}, ${year}::int, 1)
    ON CONFLICT ("officeId", "series", "year") DO UPDATE SET "last" = "DocumentCounter"."last" + 1
    RETURNING "last"`
  return documentNumber(series, office.regionCode, year, Number(counter!.last))
}
