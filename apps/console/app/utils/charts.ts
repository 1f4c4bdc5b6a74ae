import type { Channel } from '@mejabantu/domain'

/** One colour per channel, the same on the dashboard's chart, the public charts and the share card. */
export const CHANNEL_COLORS: Readonly<Record<Channel, string>> = {
  tatap_muka: '#16a34a',
  telepon: '#0ea5e9',
  email: '#f59e0b',
  grup_pesan: '#8b5cf6',
  pertemuan_daring: '#ef4444',
}

/** One series of a bar chart: its name in the legend, its colour and a count per category. */
export interface BarSeries {
  name: string
  color: string
  data: number[]
}

/** The colour of a single-series chart (by channel, by topic): the console's primary green. */
export const SINGLE_SERIES_COLOR = '#16a34a'

/** A calendar day as an axis label: "2 Des", "2 Dec". */
export const shortDay = (day: string, locale: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
