import { instantAt, type TimeZone } from '@mejabantu/domain'

const DAY_MS = 24 * 60 * 60_000

/**
 * The instants bounding office-local days `from`..`to` (inclusive): the start of `from` and the start of
 * the day after `to`, null where a side is open. Zones have fixed offsets, so a day is always 24 hours.
 */
export function localDayBounds(
  range: { from?: string | undefined; to?: string | undefined },
  zone: TimeZone,
): { start: Date | null; end: Date | null } {
  return {
    start: range.from ? instantAt(`${range.from}T00:00`, zone) : null,
    end: range.to ? new Date(instantAt(`${range.to}T00:00`, zone).getTime() + DAY_MS) : null,
  }
}
