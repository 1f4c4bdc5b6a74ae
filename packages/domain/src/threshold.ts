import { z } from 'zod'
import { nominationThresholdPercent } from './candidate.ts'

// More voters than Indonesia has, and more seats than any DPRD: beyond these a figure is a typing error.
const MAX_VOTES = 300_000_000
const MAX_SEATS = 1_000

/** The region's figures the threshold is counted from: the voter list and the last DPRD election. */
export const ThresholdBasisSchema = z.object({
  /** Voters on the final list (DPT) of the region. */
  voterCount: z.number().int().positive().max(MAX_VOTES),
  /** Valid votes of the last DPRD election in the region. */
  validVotes: z.number().int().positive().max(MAX_VOTES),
  /** Seats of the DPRD, shown beside the votes. */
  dprdSeats: z.number().int().positive().max(MAX_SEATS).nullable(),
})
/** The region's threshold basis. */
export type ThresholdBasis = z.infer<typeof ThresholdBasisSchema>

/** What the nominating parties bring together: their valid votes and seats in the last DPRD election. */
export const CoalitionSupportSchema = z.object({
  votes: z.number().int().nonnegative().max(MAX_VOTES),
  seats: z.number().int().nonnegative().max(MAX_SEATS).nullable(),
})
/** A coalition's support. */
export type CoalitionSupport = z.infer<typeof CoalitionSupportSchema>

/** The P5 check as staff see it: the coalition's share against the threshold. */
export const ThresholdCheckSchema = z.object({
  requiredPercent: z.number(),
  votesPercent: z.number(),
  seatsPercent: z.number().nullable(),
  /** Valid votes still missing to reach the threshold; 0 when it is met. */
  votesShort: z.number().int().nonnegative(),
  meets: z.boolean(),
})
/** The threshold check of a pair. */
export type ThresholdCheck = z.infer<typeof ThresholdCheckSchema>

const percent = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 100

/**
 * A coalition's valid votes against the threshold that the region's voter list sets (UU 10/2016 Pasal 40
 * as read by ruling 60/PUU-XXII/2024; PKPU 8/2024 Pasal 11): met when its share reaches the percentage.
 */
export function thresholdCheck(
  level: 'provinsi' | 'kabkota',
  basis: ThresholdBasis,
  support: CoalitionSupport,
): ThresholdCheck {
  const requiredPercent = nominationThresholdPercent(level, basis.voterCount)
  const needed = Math.ceil((basis.validVotes * requiredPercent) / 100)
  return {
    requiredPercent,
    votesPercent: percent(support.votes, basis.validVotes),
    seatsPercent:
      support.seats !== null && basis.dprdSeats !== null ? percent(support.seats, basis.dprdSeats) : null,
    votesShort: Math.max(0, needed - support.votes),
    meets: support.votes >= needed,
  }
}
