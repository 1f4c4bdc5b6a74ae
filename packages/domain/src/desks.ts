import { z } from 'zod'
import { allow, deny, type RuleResult } from './rules.ts'

/** The most desks an office may have calling guests. */
export const MAX_DESKS = 30

/** A desk's name as the board and the voice say it: "Meja 2". */
export const deskName = (number: number) => `Meja ${number}`

/** The desks of an office with `deskCount` of them, in order: "Meja 1" … "Meja n". */
export const deskNames = (deskCount: number) => Array.from({ length: deskCount }, (_, i) => deskName(i + 1))

/** The desk a staff member picks (its number), or null to serve at none. */
export const DeskChoiceSchema = z.strictObject({ desk: z.number().int().min(1).max(MAX_DESKS).nullable() })

/** A desk number the office has, as its name; null stays null (no desk picked). */
export function pickDesk(desk: number | null, deskCount: number): RuleResult<string | null> {
  if (desk === null) return allow(null)
  if (desk <= deskCount) return allow(deskName(desk))
  return deny({
    rule: 'desk.unknown',
    params: { desk: String(desk), deskCount: String(deskCount) },
    message: {
      id: `Kantor ini hanya memiliki ${deskCount} meja.`,
      en: `This office has only ${deskCount} desks.`,
    },
  })
}

const DIGIT_WORDS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan']

/**
 * What the waiting-room voice says for a call, in Bahasa Indonesia, each character of the number on its
 * own so it is heard as a ticket and not an amount: "A-004", "Meja 2" →
 * "Nomor antrean A, nol, nol, empat, silakan ke Meja 2". Without a desk it asks the guest to the desks.
 */
export function spokenCall(queueNumber: string, desk: string | null): string {
  const parts = [...queueNumber.replace(/[^0-9A-Za-z]/g, '')].map((c) =>
    /\d/.test(c) ? DIGIT_WORDS[Number(c)]! : c.toUpperCase(),
  )
  return `Nomor antrean ${parts.join(', ')}, silakan ke ${desk ?? 'meja layanan'}`
}
