import {
  daysOf,
  formatInZone,
  formatMinutes,
  formatShare,
  localDay,
  rankedEntries,
  tallyTotal,
  type Locale,
  type ReportContent,
  type Scrubber,
  scrubberFor,
} from '@mejabantu/domain'
import * as pdf from '../shared/pdf/document.ts'
import {
  breakdownsOf,
  meanText,
  officeTitle,
  satisfactionTables,
  summaryOf,
  type ReportWriter,
  type SatisfactionTable,
} from './sections.ts'
import { countedLabel, durationLine, longDay, periodLine, reportWords, type ReportWords } from './text.ts'
import { articleSection, type ArticleSection } from './articles.ts'

/**
 * The report as an A4 PDF: the KPU letterhead block, the summary, every breakdown, the askers'
 * satisfaction by topic and staff member, the answers by knowledge article, the per-office
 * table, guest book and sheets per day, the list of sheets, and a signature block for the head of
 * division; every page numbered "Halaman n dari m". Standard PDF fonts only, nothing fetched. Values
 * printed as stored pass through `scrub`.
 */
export const reportPdf: ReportWriter = async (content, number, locale, scrub = scrubberFor()) => {
  const w = reportWords(locale)
  const { doc, bytes } = pdf.a4Document({
    Title: `${w.title} ${content.office.name}`,
    Author: content.office.name,
  })
  pdf.letterhead(doc, { institution: w.institution, office: content.office.name, unit: w.helpdesk })
  heading(doc, content, number, w, locale)
  summary(doc, content, w, locale)
  for (const { title, counts, label } of breakdownsOf(content, w, locale, scrub)) {
    pdf.section(doc, title)
    tallyTable(doc, counts, label, w, locale)
  }
  for (const table of satisfactionTables(content, w, locale, scrub)) satisfactionTable(doc, table, w, locale)
  const articles = articleSection(content, locale, scrub)
  if (articles) articleTable(doc, articles, w)
  if (content.offices.length > 0) officeTable(doc, content, w)
  dayTable(doc, content, w, locale)
  rowsTable(doc, content, w, locale, scrub)
  signature(doc, content, w, locale)
  pdf.numberPages(doc, w.page)
  doc.end()
  return bytes
}

function heading(
  doc: pdf.Doc,
  content: ReportContent,
  number: string | null,
  w: ReportWords,
  locale: Locale,
) {
  doc.font('Helvetica-Bold').fontSize(12).text(w.title, pdf.MARGIN, doc.y, { align: 'center' })
  doc.font('Helvetica').fontSize(10)
  doc.text(number ? `${w.number}: ${number}` : w.draft, { align: 'center' })
  doc.text(`${w.period}: ${periodLine(content, locale)}`, { align: 'center' })
  const generated = formatInZone(content.generatedAt, content.office.timeZone, locale)
  doc.fontSize(8).fillColor('#555').text(`${w.generated}: ${generated}`, { align: 'center' })
  doc.fillColor('black').moveDown()
}

function summary(doc: pdf.Doc, content: ReportContent, w: ReportWords, locale: Locale) {
  pdf.section(doc, w.summary)
  const { counts, durations } = summaryOf(content, w)
  pdf.table(
    doc,
    ['', w.value],
    [
      ...counts.map(([label, value]) => [label, String(value)]),
      ...durations.map(([label, stats]) => [label, durationLine(stats, locale)]),
    ],
    ['*', 200],
  )
}

function tallyTable(
  doc: pdf.Doc,
  counts: Record<string, number>,
  label: (key: string) => string,
  w: ReportWords,
  locale: Locale,
) {
  const entries = rankedEntries(counts)
  if (entries.length === 0) {
    doc.text(w.none)
    return
  }
  const sum = tallyTotal(counts)
  pdf.table(
    doc,
    ['', w.count, w.share],
    entries.map(([key, n]) => [label(key), String(n), formatShare(n, sum, locale)]),
    ['*', 70, 70],
  )
}

function satisfactionTable(doc: pdf.Doc, table: SatisfactionTable, w: ReportWords, locale: Locale) {
  pdf.section(doc, table.title)
  if (table.lines.length === 0) {
    doc.text(w.none)
    return
  }
  pdf.table(
    doc,
    ['', w.ratings, w.meanScore],
    table.lines.map((line) => [line.label, String(line.count), meanText(line.mean, locale)]),
    ['*', 80, 100],
  )
}

function articleTable(doc: pdf.Doc, section: ArticleSection, w: ReportWords) {
  pdf.section(doc, section.title)
  if (section.lines.length === 0) {
    doc.text(w.none)
    return
  }
  pdf.table(
    doc,
    [section.article, section.answers],
    section.lines.map((line) => [line.title, String(line.count)]),
    ['*', 100],
  )
}

function officeTable(doc: pdf.Doc, content: ReportContent, w: ReportWords) {
  pdf.section(doc, w.byOffice)
  pdf.table(
    doc,
    [w.office, w.consultations, w.visits],
    content.offices.map((line) => [officeTitle(line), String(line.total.consultations), String(line.visits)]),
    ['*', 80, 80],
  )
}

function dayTable(doc: pdf.Doc, content: ReportContent, w: ReportWords, locale: Locale) {
  pdf.section(doc, w.byDay)
  const days = daysOf(content.period).filter((day) => content.visits.total[day] || content.total.byDay[day])
  if (days.length === 0) {
    doc.text(w.none)
    return
  }
  pdf.table(
    doc,
    [w.day, w.visits, w.consultations],
    days.map((day) => [
      longDay(day, locale),
      String(content.visits.total[day] ?? 0),
      String(content.total.byDay[day] ?? 0),
    ]),
    ['*', 90, 90],
  )
}

function rowsTable(doc: pdf.Doc, content: ReportContent, w: ReportWords, locale: Locale, scrub: Scrubber) {
  pdf.section(doc, `${w.rows} — ${content.office.name}`)
  if (content.rows.length === 0) {
    doc.text(w.none)
    return
  }
  pdf.table(
    doc,
    [w.sheetNumber, w.day, w.channel, w.topic, w.status, w.staff, w.firstResponse],
    content.rows.map((row) => [
      row.number,
      localDay(row.occurredAt, content.office.timeZone),
      countedLabel('channel', row.channel, locale, scrub),
      countedLabel('topic', row.topic, locale, scrub, content.topicLabels),
      countedLabel('status', row.status, locale, scrub) + (row.referredTo ? ` → ${row.referredTo}` : ''),
      row.staffName ?? '—',
      formatMinutes(row.firstResponseMinutes, locale),
    ]),
    [92, 56, '*', '*', '*', '*', 62],
  )
}

function signature(doc: pdf.Doc, content: ReportContent, w: ReportWords, locale: Locale) {
  pdf.keepRoom(doc, 120)
  const x = pdf.MARGIN + pdf.contentWidth(doc) / 2 + 20
  const columnWidth = pdf.contentWidth(doc) / 2 - 20
  doc.moveDown(2).font('Helvetica').fontSize(10)
  doc.text(
    `${w.signedAt} ${longDay(localDay(content.generatedAt, content.office.timeZone), locale)}`,
    x,
    doc.y,
    {
      width: columnWidth,
    },
  )
  doc.text(w.signatory, x, doc.y, { width: columnWidth })
  doc.text(content.office.name, x, doc.y, { width: columnWidth })
  doc.moveDown(4)
  doc.text(w.nameLine, x, doc.y, { width: columnWidth })
}
