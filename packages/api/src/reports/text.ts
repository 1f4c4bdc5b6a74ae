import {
  dimensionLabel,
  spreadLine,
  type DurationSpread,
  monthName,
  type Label,
  type Locale,
  type ReportContent,
  type ReportDimension,
  type Scrubber,
} from '@mejabantu/domain'

/** The words of the report files, in the two interface languages. */
const words = {
  id: {
    institution: 'KOMISI PEMILIHAN UMUM',
    helpdesk: 'Helpdesk Pencalonan',
    title: 'LAPORAN HASIL KONSULTASI HELPDESK PENCALONAN',
    draft: 'DRAF — belum difinalisasi',
    number: 'Nomor',
    period: 'Periode',
    generated: 'Disusun',
    summary: 'Ringkasan',
    consultationsTotal: 'Konsultasi (termasuk kantor di bawahnya)',
    consultationsOwn: 'Konsultasi kantor ini',
    referred: 'Dirujuk ke kantor di atasnya',
    referralsAnswered: 'Rujukan sudah dijawab',
    referralsWaiting: 'Rujukan menunggu jawaban',
    firstResponse: 'Waktu tanggapan pertama',
    resolution: 'Waktu penyelesaian',
    half: 'separuh',
    nineInTen: '9 dari 10',
    fromMinutes: 'lebih dari (menit)',
    toMinutes: 'paling lama (menit)',
    visits: 'Kunjungan buku tamu',
    byChannel: 'Menurut kanal',
    byTopic: 'Menurut topik',
    byCategory: 'Menurut kategori pemangku kepentingan',
    byStatus: 'Menurut status',
    byStaff: 'Menurut petugas',
    byOffice: 'Menurut kantor di bawahnya',
    byDay: 'Buku tamu dan konsultasi per hari',
    rows: 'Daftar konsultasi',
    office: 'Kantor',
    day: 'Tanggal',
    count: 'Jumlah',
    share: 'Persen',
    value: 'Nilai',
    consultations: 'Konsultasi',
    sheetNumber: 'Nomor lembar',
    occurredAt: 'Waktu',
    channel: 'Kanal',
    topic: 'Topik',
    category: 'Kategori',
    status: 'Status',
    staff: 'Petugas',
    referredTo: 'Dirujuk ke',
    unassigned: 'Belum ditangani',
    none: 'Tidak ada data pada periode ini.',
    page: (n: number, of: number) => `Halaman ${n} dari ${of}`,
    signedAt: 'Mengetahui,',
    signatory: 'Ketua Divisi Teknis Penyelenggaraan',
    nameLine: '(..............................................)',
    summarySheet: 'Ringkasan',
    rowsSheet: 'Daftar konsultasi',
    satisfaction: 'Kepuasan penanya',
    satisfactionByTopic: 'Kepuasan penanya menurut topik',
    satisfactionByStaff: 'Kepuasan penanya menurut petugas',
    ratings: 'Jumlah penilaian',
    meanScore: 'Rata-rata nilai (1–5)',
    allRatings: 'Seluruh penilaian',
  },
  en: {
    institution: 'GENERAL ELECTIONS COMMISSION (KPU)',
    helpdesk: 'Nomination help desk',
    title: 'NOMINATION HELP DESK CONSULTATION REPORT',
    draft: 'DRAFT — not finalised',
    number: 'Number',
    period: 'Period',
    generated: 'Compiled',
    summary: 'Summary',
    consultationsTotal: 'Consultations (offices below included)',
    consultationsOwn: 'This office’s consultations',
    referred: 'Referred to the office above',
    referralsAnswered: 'Referrals answered',
    referralsWaiting: 'Referrals awaiting an answer',
    firstResponse: 'Time to first response',
    resolution: 'Time to resolution',
    half: 'half',
    nineInTen: '9 in 10',
    fromMinutes: 'over (minutes)',
    toMinutes: 'at most (minutes)',
    visits: 'Guest-book visits',
    byChannel: 'By channel',
    byTopic: 'By topic',
    byCategory: 'By stakeholder category',
    byStatus: 'By status',
    byStaff: 'By staff member',
    byOffice: 'By office below',
    byDay: 'Guest book and consultations per day',
    rows: 'Consultations',
    office: 'Office',
    day: 'Day',
    count: 'Count',
    share: 'Share',
    value: 'Value',
    consultations: 'Consultations',
    sheetNumber: 'Sheet number',
    occurredAt: 'Time',
    channel: 'Channel',
    topic: 'Topic',
    category: 'Category',
    status: 'Status',
    staff: 'Staff',
    referredTo: 'Referred to',
    unassigned: 'Not yet taken',
    none: 'No records in this period.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    signedAt: 'Acknowledged by,',
    signatory: 'Head of the Technical Division',
    nameLine: '(..............................................)',
    summarySheet: 'Summary',
    rowsSheet: 'Consultations',
    satisfaction: 'Askers’ satisfaction',
    satisfactionByTopic: 'Askers’ satisfaction by topic',
    satisfactionByStaff: 'Askers’ satisfaction by staff member',
    ratings: 'Ratings',
    meanScore: 'Mean score (1–5)',
    allRatings: 'All ratings',
  },
} as const

/** The report files' words in one language. */
export type ReportWords = (typeof words)[Locale]

export const reportWords = (locale: Locale): ReportWords => words[locale]

/** A `YYYY-MM-DD` day as a letter writes it: "6 September 2024". */
export function longDay(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return `${date} ${monthName(month, locale)} ${year}`
}

/** "6 – 8 September 2024" style period line. */
export const periodLine = (content: ReportContent, locale: Locale) =>
  `${longDay(content.period.from, locale)} – ${longDay(content.period.to, locale)}`

/** "separuh dalam 15–30 menit, 9 dari 10 dalam 1–2 jam": where the median and the 90th percentile lie. */
export const durationLine = (spread: DurationSpread, locale: Locale) => spreadLine(spread, locale)

/** A file name without spaces: "LAP-34.02-2024-003.pdf" or "laporan-34.02-2024-09-01-2024-09-30.xlsx". */
export const reportFileName = (content: ReportContent, number: string | null, extension: string) =>
  `${number ?? `laporan-${content.office.regionCode}-${content.period.from}-${content.period.to}`}.${extension}`

/**
 * The label of a value a report counts. A value no table lists (an old topic, another office's own one)
 * prints as it was stored: that is free text, so it leaves through the scrubber with the report's names.
 */
export function countedLabel(
  dimension: ReportDimension,
  value: string,
  locale: Locale,
  scrub: Scrubber,
  topicLabels: Record<string, Label> = {},
): string {
  const label = dimensionLabel(dimension, value, locale, topicLabels)
  return label === value ? scrub(value) : label
}
