import { CorrectionCause, type Correction } from '@mejabantu/domain'
import { dateColumn, dateOf } from './records.ts'

/** The columns a check event or a pair event keeps a correction in. */
export interface CorrectionColumns {
  correctionCause: string | null
  rulingNumber: string | null
  rulingDate: Date | null
}

/** A correction as the columns of its row; all null for a step that is none. */
export const correctionColumns = (correction: Correction | null): CorrectionColumns => ({
  correctionCause: correction?.cause ?? null,
  rulingNumber: correction?.rulingNumber ?? null,
  rulingDate: correction?.rulingDate ? dateColumn(correction.rulingDate) : null,
})

/** The correction a row keeps, in the domain's terms. */
export const correctionOf = (row: CorrectionColumns): Correction | null =>
  row.correctionCause === null
    ? null
    : {
        cause: CorrectionCause.schema.parse(row.correctionCause),
        rulingNumber: row.rulingNumber,
        rulingDate: row.rulingDate ? dateOf(row.rulingDate) : null,
      }

/** A correction as one audit value: cause, ruling number and date. */
export const correctionLine = (correction: Correction | null): string | null =>
  correction ? [correction.cause, correction.rulingNumber ?? '', correction.rulingDate ?? ''].join(' ') : null
