import PDFDocument from 'pdfkit'

/**
 * The house style of every PDF the help desk prints (reports now, minutes and receipts later): A4, a
 * KPU letterhead, section titles, ruled tables and numbered pages, in the standard PDF fonts only, so
 * nothing is fetched.
 */

export type Doc = PDFKit.PDFDocument

/** The margin on every side, in points. */
export const MARGIN = 56
/** The size of body text and table cells. */
export const BODY_SIZE = 9
// Kept free above the bottom margin for the page number.
const FOOTER_SPACE = 28

/**
 * An A4 document with the house margins and its bytes once it ends. Pages stay buffered so that
 * `numberPages` can write on each of them after the last one is known.
 */
export function a4Document(info: { Title: string; Author: string }): { doc: Doc; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info,
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return { doc, bytes }
}

/** The width between the side margins. */
export const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2

/** Starts a new page unless `height` points are left above the footer. */
export function keepRoom(doc: Doc, height: number) {
  if (doc.y > doc.page.height - MARGIN - FOOTER_SPACE - height) doc.addPage()
}

/** The letterhead: the institution, the office in capitals and the unit, over a thick and a thin rule. */
export function letterhead(doc: Doc, lines: { institution: string; office: string; unit: string }) {
  doc.font('Helvetica-Bold').fontSize(13).text(lines.institution, { align: 'center' })
  doc.fontSize(12).text(lines.office.toUpperCase(), { align: 'center' })
  doc.font('Helvetica').fontSize(10).text(lines.unit, { align: 'center' })
  const y = doc.y + 4
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + contentWidth(doc), y)
    .lineWidth(2)
    .stroke()
  doc
    .moveTo(MARGIN, y + 3)
    .lineTo(MARGIN + contentWidth(doc), y + 3)
    .lineWidth(0.5)
    .stroke()
  doc.y = y + 14
}

/** A section title at the left margin, never alone at the foot of a page; body text follows. */
export function section(doc: Doc, title: string) {
  keepRoom(doc, 60)
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(10.5).text(title, MARGIN, doc.y)
  doc.moveDown(0.3).font('Helvetica').fontSize(BODY_SIZE)
}

/** A table across the page with a shaded header row; `columns` are widths or '*' for an equal share. */
export function table(doc: Doc, header: string[], rows: string[][], columns?: (number | string)[]) {
  doc.font('Helvetica').fontSize(BODY_SIZE)
  doc.table({
    position: { x: MARGIN, y: doc.y },
    maxWidth: contentWidth(doc),
    columnStyles: columns ?? header.map(() => '*'),
    rowStyles: (i) => (i === 0 ? { backgroundColor: '#e8e8e8' } : undefined),
    defaultStyle: { padding: 3, border: 0.5, borderColor: '#999' },
    data: [
      header.map((text) => ({ text, type: 'TH' as const, font: { family: 'Helvetica-Bold' } })),
      ...rows,
    ],
  })
}

/** Writes `label(n, count)` ("Halaman 1 dari 3") under every page; call it once the last page is done. */
export function numberPages(doc: Doc, label: (n: number, of: number) => string) {
  const { start, count } = doc.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    // Writing inside the bottom margin would start a new page; lift it for the footer line.
    doc.page.margins.bottom = 0
    doc.font('Helvetica').fontSize(8).fillColor('#555')
    doc.text(label(i - start + 1, count), MARGIN, doc.page.height - MARGIN + 12, {
      width: contentWidth(doc),
      align: 'center',
      lineBreak: false,
    })
    doc.page.margins.bottom = bottom
  }
  doc.fillColor('black')
}
