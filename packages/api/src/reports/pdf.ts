import {
  rankedEntries,
  referralOutcome,
  reportFigures,
  tallyTotal,
  UNASSIGNED,
  daysOf,
  formatInZone,
  formatMinutes,
  localDay,
  type Locale,
  type ReportContent,
  type ReportDimension,
  type Scrubber,
  scrubberFor,
} from '@mejabantu/domain'
import PDFDocument from 'pdfkit'
import { countedLabel, durationLine, longDay, periodLine, reportWords, type ReportWords } from './text.ts'

const MARGIN = 56
const A4 = 'A4'
const BODY = 9
const FOOTER_SPACE = 28

/**
 * The report as an A4 PDF: the KPU letterhead block, the summary, every breakdown, the per-office
 * table, guest book and sheets per day, the list of sheets, and a signature block for the head of
 * division; every page numbered "Halaman n dari m". Standard PDF fonts only, nothing fetched. Values
 * printed as stored pass through `scrub`.
 */
export async function reportPdf(
  content: ReportContent,
  number: string | null,
  locale: Locale,
  scrub: Scrubber = scrubberFor(),
): Promise<Buffer> {
  const w = reportWords(locale)
  const doc = new PDFDocument({
    size: A4,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${w.title} ${content.office.name}`, Author: content.office.name },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  letterhead(doc, content, w)
  heading(doc, content, number, w, locale)
  summary(doc, content, w, locale)
  for (const [dimension, title, key] of breakdowns(w)) {
    section(doc, title)
    tallyTable(doc, content.total[key], (value) => countedLabel(dimension, value, locale, scrub), w)
  }
  section(doc, w.byStaff)
  tallyTable(doc, content.total.byStaff, (id) => staffLabel(content, id, w), w)
  if (content.offices.length > 0) officeTable(doc, content, w)
  dayTable(doc, content, w, locale)
  rowsTable(doc, content, w, locale, scrub)
  signature(doc, content, w, locale)
  pageNumbers(doc, w)
  doc.end()
  return done
}

type Doc = PDFKit.PDFDocument

const breakdowns = (
  w: ReportWords,
): [ReportDimension, string, 'byChannel' | 'byTopic' | 'byCategory' | 'byStatus'][] => [
  ['channel', w.byChannel, 'byChannel'],
  ['topic', w.byTopic, 'byTopic'],
  ['category', w.byCategory, 'byCategory'],
  ['status', w.byStatus, 'byStatus'],
]

const staffLabel = (content: ReportContent, id: string, w: ReportWords) =>
  id === UNASSIGNED ? w.unassigned : (content.staffNames[id] ?? id)

const width = (doc: Doc) => doc.page.width - MARGIN * 2

function letterhead(doc: Doc, content: ReportContent, w: ReportWords) {
  doc.font('Helvetica-Bold').fontSize(13).text(w.institution, { align: 'center' })
  doc.fontSize(12).text(content.office.name.toUpperCase(), { align: 'center' })
  doc.font('Helvetica').fontSize(10).text(w.helpdesk, { align: 'center' })
  const y = doc.y + 4
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + width(doc), y)
    .lineWidth(2)
    .stroke()
  doc
    .moveTo(MARGIN, y + 3)
    .lineTo(MARGIN + width(doc), y + 3)
    .lineWidth(0.5)
    .stroke()
  doc.y = y + 14
}

function heading(doc: Doc, content: ReportContent, number: string | null, w: ReportWords, locale: Locale) {
  doc.font('Helvetica-Bold').fontSize(12).text(w.title, MARGIN, doc.y, { align: 'center' })
  doc.font('Helvetica').fontSize(10)
  doc.text(number ? `${w.number}: ${number}` : w.draft, { align: 'center' })
  doc.text(`${w.period}: ${periodLine(content, locale)}`, { align: 'center' })
  const generated = formatInZone(content.generatedAt, content.office.timeZone, locale)
  doc.fontSize(8).fillColor('#555').text(`${w.generated}: ${generated}`, { align: 'center' })
  doc.fillColor('black').moveDown()
}

function section(doc: Doc, title: string) {
  if (doc.y > doc.page.height - MARGIN - FOOTER_SPACE - 60) doc.addPage()
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(10.5).text(title, MARGIN, doc.y)
  doc.moveDown(0.3).font('Helvetica').fontSize(BODY)
}

function table(doc: Doc, header: string[], rows: string[][], columns?: (number | string)[]) {
  doc.font('Helvetica').fontSize(BODY)
  doc.table({
    position: { x: MARGIN, y: doc.y },
    maxWidth: width(doc),
    columnStyles: columns ?? header.map(() => '*'),
    rowStyles: (i) => (i === 0 ? { backgroundColor: '#e8e8e8' } : undefined),
    defaultStyle: { padding: 3, border: 0.5, borderColor: '#999' },
    data: [
      header.map((text) => ({ text, type: 'TH' as const, font: { family: 'Helvetica-Bold' } })),
      ...rows,
    ],
  })
}

function summary(doc: Doc, content: ReportContent, w: ReportWords, locale: Locale) {
  section(doc, w.summary)
  const total = reportFigures(content.total)
  const referrals = referralOutcome(content.rows)
  table(
    doc,
    ['', w.value],
    [
      [w.consultationsTotal, String(total.consultations)],
      [w.consultationsOwn, String(content.own.consultations)],
      [w.visits, String(tallyTotal(content.visits.total))],
      [w.referred, String(total.referred)],
      [w.referralsAnswered, String(referrals.answered)],
      [w.referralsWaiting, String(referrals.waiting)],
      [w.firstResponse, durationLine(total.firstResponse, locale)],
      [w.resolution, durationLine(total.resolution, locale)],
    ],
    ['*', 200],
  )
}

function tallyTable(
  doc: Doc,
  counts: Record<string, number>,
  label: (key: string) => string,
  w: ReportWords,
) {
  const entries = rankedEntries(counts)
  if (entries.length === 0) {
    doc.text(w.none)
    return
  }
  const sum = tallyTotal(counts)
  table(
    doc,
    ['', w.count, w.share],
    entries.map(([key, n]) => [label(key), String(n), `${((n / sum) * 100).toFixed(1)}%`]),
    ['*', 70, 70],
  )
}

function officeTable(doc: Doc, content: ReportContent, w: ReportWords) {
  section(doc, w.byOffice)
  table(
    doc,
    [w.office, w.consultations, w.visits],
    content.offices.map((line) => [
      `${line.office.regionCode} ${line.office.name}`,
      String(line.total.consultations),
      String(line.visits),
    ]),
    ['*', 80, 80],
  )
}

function dayTable(doc: Doc, content: ReportContent, w: ReportWords, locale: Locale) {
  section(doc, w.byDay)
  const days = daysOf(content.period).filter((day) => content.visits.total[day] || content.total.byDay[day])
  if (days.length === 0) {
    doc.text(w.none)
    return
  }
  table(
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

function rowsTable(doc: Doc, content: ReportContent, w: ReportWords, locale: Locale, scrub: Scrubber) {
  section(doc, `${w.rows} — ${content.office.name}`)
  if (content.rows.length === 0) {
    doc.text(w.none)
    return
  }
  table(
    doc,
    [w.sheetNumber, w.day, w.channel, w.topic, w.status, w.staff, w.firstResponse],
    content.rows.map((row) => [
      row.number,
      localDay(row.occurredAt, content.office.timeZone),
      countedLabel('channel', row.channel, locale, scrub),
      countedLabel('topic', row.topic, locale, scrub),
      countedLabel('status', row.status, locale, scrub) + (row.referredTo ? ` → ${row.referredTo}` : ''),
      row.staffName ?? '—',
      formatMinutes(row.firstResponseMinutes, locale),
    ]),
    [92, 56, '*', '*', '*', '*', 62],
  )
}

function signature(doc: Doc, content: ReportContent, w: ReportWords, locale: Locale) {
  if (doc.y > doc.page.height - MARGIN - FOOTER_SPACE - 120) doc.addPage()
  const x = MARGIN + width(doc) / 2 + 20
  const columnWidth = width(doc) / 2 - 20
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

function pageNumbers(doc: Doc, w: ReportWords) {
  const { start, count } = doc.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    // Writing inside the bottom margin would start a new page; lift it for the footer line.
    doc.page.margins.bottom = 0
    doc.font('Helvetica').fontSize(8).fillColor('#555')
    doc.text(w.page(i - start + 1, count), MARGIN, doc.page.height - MARGIN + 12, {
      width: width(doc),
      align: 'center',
      lineBreak: false,
    })
    doc.page.margins.bottom = bottom
  }
  doc.fillColor('black')
}
