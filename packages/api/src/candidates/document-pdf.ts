import {
  CandidateRole,
  CheckStatus,
  formatInZone,
  HandoverInstitution,
  Pathway,
  SubmissionChannel,
  SubmissionKind,
  type BeritaAcaraContent,
  type HandoverAttendee,
  type Locale,
  type ReceiptContent,
} from '@mejabantu/domain'
import {
  a4Document,
  contentWidth,
  keepRoom,
  letterhead,
  MARGIN,
  numberPages,
  section,
  table,
  type Doc,
} from '../shared/pdf/document.ts'
import { documentWords, type DocumentWords } from './document-words.ts'

type Origin = Pick<BeritaAcaraContent, 'office' | 'election' | 'pair'>

function heading(doc: Doc, title: string, number: string, w: DocumentWords) {
  doc.font('Helvetica-Bold').fontSize(12).text(title.toUpperCase(), MARGIN, doc.y, { align: 'center' })
  doc.font('Helvetica').fontSize(10).text(`${w.number}: ${number}`, { align: 'center' })
  doc.moveDown(0.8)
}

function pairFacts(doc: Doc, origin: Origin, w: DocumentWords, locale: Locale) {
  const { pair } = origin
  const facts: [string, string][] = [
    [w.election, origin.election.name],
    [
      w.pair,
      pair.candidates.map((c) => `${c.fullName} (${CandidateRole.label(c.role, locale)})`).join(' – '),
    ],
    [w.pathway, Pathway.label(pair.pathway, locale)],
    ...(pair.parties.length ? [[w.parties, pair.parties.join(', ')] as [string, string]] : []),
    ...(pair.ballotNumber ? [[w.ballotNumber, String(pair.ballotNumber)] as [string, string]] : []),
  ]
  doc.font('Helvetica').fontSize(9.5)
  for (const [label, value] of facts) {
    doc.font('Helvetica-Bold').text(`${label}: `, MARGIN, doc.y, { continued: true })
    doc.font('Helvetica').text(value)
  }
}

function subjectLabel(subject: string, w: DocumentWords, locale: Locale) {
  if (subject === 'pasangan') return w.subjectPair
  return CandidateRole.values.includes(subject as never)
    ? CandidateRole.label(subject as never, locale)
    : subject
}

/** Signature blocks side by side: one per signer, with room for the signature and the printed name. */
function signatures(doc: Doc, signers: { role: string; name: string }[]) {
  keepRoom(doc, 100)
  doc.moveDown(1.5)
  const width = contentWidth(doc) / Math.max(1, Math.min(3, signers.length))
  let top = doc.y
  signers.forEach((signer, i) => {
    const column = i % 3
    if (i > 0 && column === 0) top += 90
    const x = MARGIN + column * width
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(signer.role, x, top, { width: width - 8, align: 'center' })
    doc.text(`( ${signer.name} )`, x, top + 60, { width: width - 8, align: 'center' })
  })
  doc.y = top + 90
  doc.x = MARGIN
}

async function finish(doc: Doc, bytes: Promise<Buffer>, w: DocumentWords) {
  numberPages(doc, w.page)
  doc.end()
  return bytes
}

/**
 * The berita acara hasil penelitian administrasi as an A4 PDF: the letterhead, its number, the pair, when
 * and where it was handed over, every document's frozen status and reason, who attended (as the handover
 * holds them now) and signature blocks; leadership's sign-off when given.
 */
export async function beritaAcaraPdf(
  content: BeritaAcaraContent,
  attendees: readonly HandoverAttendee[],
  signedOff: { at: Date; name: string | null } | null,
  locale: Locale,
): Promise<Buffer> {
  const w = documentWords(locale)
  const zone = content.office.timeZone
  const { doc, bytes } = a4Document({
    Title: `${w.beritaAcara} ${content.number}`,
    Author: content.office.name,
  })
  letterhead(doc, { institution: w.institution, office: content.office.name, unit: w.unit })
  heading(doc, w.beritaAcara, content.number, w)
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .text(w.beritaAcaraOpening(formatInZone(content.heldAt, zone, locale), content.place))
  doc.moveDown(0.5)
  pairFacts(doc, content, w, locale)
  section(doc, w.results)
  table(
    doc,
    [w.code, w.document, w.subject, w.status, w.reason],
    content.items.map((i) => [
      i.requirementCode,
      i.name,
      subjectLabel(i.subject, w, locale),
      CheckStatus.label(i.status, locale),
      i.reason ?? '—',
    ]),
    [34, '*', 70, 80, 120],
  )
  section(doc, w.attendees)
  table(
    doc,
    [w.name, w.institution, w.position],
    attendees.map((a) => [
      a.name,
      a.institutionName ?? HandoverInstitution.label(a.institution, locale),
      a.position ?? '—',
    ]),
  )
  const lo = attendees.find((a) => a.institution === 'pasangan_calon')
  signatures(doc, [
    { role: w.headOfDivision(content.office.name), name: signedOff?.name ?? '' },
    { role: w.liaisonOfficer, name: lo?.name ?? '' },
    ...attendees
      .filter((a) => a.institution === 'bawaslu')
      .slice(0, 1)
      .map((a) => ({
        role: a.institutionName ?? HandoverInstitution.label(a.institution, locale),
        name: a.name,
      })),
  ])
  doc
    .font('Helvetica-Oblique')
    .fontSize(8.5)
    .text(
      signedOff
        ? w.signedOff(signedOff.name ?? '—', formatInZone(signedOff.at, zone, locale))
        : w.notSignedOff,
      MARGIN,
      doc.y,
    )
  return finish(doc, bytes, w)
}

/** The tanda terima of one submission as an A4 PDF: what was received, when, how and by whom. */
export async function receiptPdf(content: ReceiptContent, locale: Locale): Promise<Buffer> {
  const w = documentWords(locale)
  const zone = content.office.timeZone
  const { doc, bytes } = a4Document({ Title: `${w.receipt} ${content.number}`, Author: content.office.name })
  letterhead(doc, { institution: w.institution, office: content.office.name, unit: w.unit })
  heading(doc, w.receipt, content.number, w)
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .text(
      w.receiptOpening(
        SubmissionKind.label(content.kind, locale),
        formatInZone(content.receivedAt, zone, locale),
        SubmissionChannel.label(content.channel, locale),
      ),
    )
  doc.moveDown(0.5)
  pairFacts(doc, content, w, locale)
  section(doc, w.received)
  table(
    doc,
    ['#', w.code, w.document, w.subject],
    content.items.map((i, n) => [
      String(n + 1),
      i.requirementCode,
      i.name,
      subjectLabel(i.subject, w, locale),
    ]),
    [24, 34, '*', 90],
  )
  doc.moveDown(0.5).font('Helvetica').fontSize(9).text(w.receiptNote, MARGIN, doc.y)
  signatures(doc, [
    { role: w.receivedBy, name: content.receivedBy },
    { role: w.deliveredBy, name: '' },
  ])
  return finish(doc, bytes, w)
}
