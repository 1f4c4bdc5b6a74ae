import { z } from 'zod'
import { labelledEnum } from './labels.ts'
import { allow, deny, type RuleResult } from './rules.ts'

/**
 * Why a settled result may change: a typing error of the office, or a ruling on an election process
 * dispute (putusan sengketa proses) that binds the office (UU 10/2016 Pasal 144 ayat (1) dan (3)).
 */
export const CorrectionCause = labelledEnum({
  salah_ketik: { id: 'Kesalahan penulisan', en: 'Typing error' },
  putusan_sengketa: { id: 'Putusan sengketa proses Bawaslu', en: 'Bawaslu dispute ruling' },
})
/** A correction cause. */
export type CorrectionCause = z.infer<typeof CorrectionCause.schema>

/** The grounds of a correction: for a ruling, its number and date. */
export const CorrectionSchema = z.object({
  cause: CorrectionCause.schema,
  rulingNumber: z.string().trim().min(1).max(120).nullable().default(null),
  rulingDate: z.iso.date().nullable().default(null),
})
/** The grounds of a correction. */
export type Correction = z.infer<typeof CorrectionSchema>

/** A correction names its cause, and a ruling its number and date: no silent edits of a result. */
export function checkCorrection(correction: Correction | null): RuleResult<Correction> {
  if (!correction) {
    return deny({
      rule: 'correction.required',
      params: {},
      message: {
        id: 'Hasil yang sudah final hanya dapat diubah melalui koreksi dengan alasan.',
        en: 'A final result can only change through a correction that names its reason.',
      },
    })
  }
  if (correction.cause === 'putusan_sengketa' && (!correction.rulingNumber || !correction.rulingDate)) {
    return deny({
      rule: 'correction.ruling.required',
      params: {},
      message: {
        id: 'Koreksi berdasarkan putusan sengketa wajib mencantumkan nomor dan tanggal putusan.',
        en: 'A correction by a dispute ruling must give the ruling’s number and date.',
      },
    })
  }
  return allow(correction)
}
