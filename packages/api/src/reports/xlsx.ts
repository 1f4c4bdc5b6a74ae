import { daysOf, localDateTime, rankedEntries, scrubberFor, type ReportDimension } from '@mejabantu/domain'
import ExcelJS from 'exceljs'
import { breakdownsOf, officeTitle, satisfactionTables, summaryOf, type ReportWriter } from './sections.ts'
import { countedLabel, periodLine, reportWords } from './text.ts'
import { articleSection } from './articles.ts'

/**
 * The report as a workbook: a summary sheet (headline figures, every breakdown, the askers' satisfaction,
 * the answers by knowledge article, the per-office table and the days) and a sheet with one row per
 * consultation. Numbers are numbers, so they add up in a spreadsheet; durations are in minutes. Values printed as stored pass through `scrub`.
 */
export const reportXlsx: ReportWriter = async (content, number, locale, scrub = scrubberFor()) => {
  const w = reportWords(locale)
  const book = new ExcelJS.Workbook()
  book.creator = content.office.name
  book.created = content.generatedAt

  const sheet = book.addWorksheet(w.summarySheet)
  sheet.columns = [{ width: 48 }, { width: 16 }, { width: 16 }]
  const bold = (row: ExcelJS.Row) => (row.font = { bold: true })
  bold(sheet.addRow([w.title]))
  sheet.addRow([content.office.name])
  sheet.addRow([w.number, number ?? w.draft])
  sheet.addRow([w.period, periodLine(content, locale)])
  sheet.addRow([])

  bold(sheet.addRow([w.summary, w.value]))
  const minutes = locale === 'id' ? 'menit' : 'minutes'
  const { counts, durations } = summaryOf(content, w)
  for (const row of counts) sheet.addRow(row)
  // Where the median and the 90th percentile lie, as numbers: over one bound, at most the next.
  for (const [label, spread] of durations) {
    for (const [share, range] of [
      [w.half, spread.half],
      [w.nineInTen, spread.nineInTen],
    ] as const) {
      sheet.addRow([`${label}, ${share}: ${w.fromMinutes}`, range?.fromMinutes ?? null])
      sheet.addRow([`${label}, ${share}: ${w.toMinutes}`, range?.toMinutes ?? null])
    }
  }

  for (const { title, counts, label } of breakdownsOf(content, w, locale, scrub)) {
    sheet.addRow([])
    bold(sheet.addRow([title, w.count]))
    for (const [key, n] of rankedEntries(counts)) sheet.addRow([label(key), n])
  }

  for (const { title, lines } of satisfactionTables(content, w, locale, scrub)) {
    sheet.addRow([])
    bold(sheet.addRow([title, w.ratings, w.meanScore]))
    for (const line of lines) sheet.addRow([line.label, line.count, line.mean])
  }

  const articles = articleSection(content, locale, scrub)
  if (articles) {
    sheet.addRow([])
    bold(sheet.addRow([articles.title, articles.answers]))
    for (const line of articles.lines) sheet.addRow([line.title, line.count])
  }

  if (content.offices.length > 0) {
    sheet.addRow([])
    bold(sheet.addRow([w.byOffice, w.consultations, w.visits]))
    for (const line of content.offices) {
      sheet.addRow([officeTitle(line), line.total.consultations, line.visits])
    }
  }

  sheet.addRow([])
  bold(sheet.addRow([w.day, w.visits, w.consultations]))
  for (const day of daysOf(content.period)) {
    sheet.addRow([day, content.visits.total[day] ?? 0, content.total.byDay[day] ?? 0])
  }

  const rows = book.addWorksheet(w.rowsSheet)
  const label = (dimension: ReportDimension, value: string) =>
    countedLabel(dimension, value, locale, scrub, content.topicLabels)
  rows.columns = [
    { header: w.sheetNumber, width: 22 },
    { header: w.occurredAt, width: 18 },
    { header: w.channel, width: 18 },
    { header: w.topic, width: 24 },
    { header: w.category, width: 24 },
    { header: w.status, width: 14 },
    { header: w.referredTo, width: 28 },
    { header: w.staff, width: 22 },
    { header: `${w.firstResponse} (${minutes})`, width: 16 },
    { header: `${w.resolution} (${minutes})`, width: 16 },
  ]
  rows.getRow(1).font = { bold: true }
  for (const row of content.rows) {
    rows.addRow([
      row.number,
      localDateTime(row.occurredAt, content.office.timeZone).replace('T', ' '),
      label('channel', row.channel),
      label('topic', row.topic),
      label('category', row.stakeholderCategory),
      label('status', row.status),
      row.referredTo ?? '',
      row.staffName ?? '',
      row.firstResponseMinutes,
      row.resolutionMinutes,
    ])
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}
