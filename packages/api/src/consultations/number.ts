import type { Transaction } from '@mejabantu/db'
import { consultationNumber } from '@mejabantu/domain'

/**
 * The next lembar konsultasi number of an office for a year ("LK-34.02-2024-00012"), taken inside the
 * caller's transaction. One `INSERT … ON CONFLICT DO UPDATE … RETURNING` both creates the year's counter
 * and bumps it under a row lock, so concurrent sheets on several server processes never share a number,
 * and a rolled-back sheet gives its number back.
 */
export async function allocateConsultationNumber(
  tx: Transaction,
  officeId: string,
  regionCode: string,
  year: number,
): Promise<string> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ConsultationCounter" ("officeId", "year", "last")
    VALUES (${officeId}::uuid, ${year}::int, 1)
    ON CONFLICT ("officeId", "year") DO UPDATE SET "last" = "ConsultationCounter"."last" + 1
    RETURNING "last"`
  return consultationNumber(regionCode, year, Number(row!.last))
}
