import { StakeholderCategory } from './consultation.ts'

/**
 * The smallest group a public figure shows (k-anonymity, as statistics offices publish small areas): a
 * category counted once or twice on a quiet day would point at the one journalist or monitor who came.
 */
export const MIN_PUBLIC_GROUP = 3

/** A tally as published: the cells of at least the minimum, and the keys hidden as "< k". */
export interface SuppressedTally<K extends string> {
  shown: Partial<Record<K, number>>
  suppressed: K[]
}

/**
 * Hides every non-zero cell below `minGroup`. When that hides exactly one cell, the smallest shown cell
 * is hidden too (secondary suppression): otherwise the total minus the shown cells gives the hidden one
 * back. Zero cells are not listed; keys come in `order`.
 */
export function suppressSmallCells<K extends string>(
  counts: Partial<Record<K, number>>,
  order: readonly K[],
  minGroup = MIN_PUBLIC_GROUP,
): SuppressedTally<K> {
  const present = order.filter((key) => (counts[key] ?? 0) > 0)
  const hidden = new Set(present.filter((key) => counts[key]! < minGroup))
  const shown = present.filter((key) => !hidden.has(key))
  if (hidden.size === 1 && shown.length > 0) {
    const smallest = shown.reduce((a, b) => (counts[b]! < counts[a]! ? b : a))
    hidden.add(smallest)
  }
  return {
    shown: Object.fromEntries(
      present.filter((key) => !hidden.has(key)).map((key) => [key, counts[key]!]),
    ) as Partial<Record<K, number>>,
    suppressed: present.filter((key) => hidden.has(key)),
  }
}

/** What a public log line is grouped by. */
interface DayCategory {
  day: string
  stakeholderCategory: StakeholderCategory
}

/**
 * The public log with each line's category shown only where that day's published figures show it:
 * a category hidden for the day (see {@link suppressSmallCells}) reads "lainnya", so the log cannot
 * give back what the figures hide. `sameDays` holds every line of the days on the page, not just the
 * page, since a group is counted over the whole office day.
 */
export function withSmallCategoriesMerged<Line extends DayCategory>(
  lines: readonly Line[],
  sameDays: readonly DayCategory[],
  minGroup = MIN_PUBLIC_GROUP,
): Line[] {
  const perDay = new Map<string, Partial<Record<StakeholderCategory, number>>>()
  for (const { day, stakeholderCategory } of sameDays) {
    const counts = perDay.get(day) ?? {}
    counts[stakeholderCategory] = (counts[stakeholderCategory] ?? 0) + 1
    perDay.set(day, counts)
  }
  const hiddenPerDay = new Map(
    [...perDay].map(([day, counts]) => [
      day,
      new Set(suppressSmallCells(counts, StakeholderCategory.values, minGroup).suppressed),
    ]),
  )
  return lines.map((line) =>
    (hiddenPerDay.get(line.day)?.has(line.stakeholderCategory) ?? true)
      ? { ...line, stakeholderCategory: 'lainnya' }
      : line,
  )
}
