import { allow, deny, type RuleResult } from './rules.ts'
import { UTC_OFFSET_HOURS, type TimeZone } from './time.ts'

/** Which app wrote an export: WhatsApp for Android (`06/09/24 14.05 - `) or for iPhone (`[06/09/24 14.05.33] `). */
export type ChatExportFormat = 'android' | 'ios'

/** One message of an exported chat. */
export interface ChatMessage {
  /** The instant, read from the phone's wall clock in the office's zone. */
  at: Date
  /** Who wrote it as the exporting phone names them; null for a line WhatsApp wrote itself. */
  author: string | null
  /** The text without attachment markers; a deleted message keeps WhatsApp's "Pesan ini telah dihapus". */
  text: string
  /** The file names the export names (the files themselves travel beside `_chat.txt`, if at all). */
  attachments: string[]
  /** The export was made "tanpa media": a photo or document was here but is not in the export. */
  mediaOmitted: boolean
}

/** A whole export, read. */
export interface ParsedChat {
  format: ChatExportFormat
  /** Whether dates were read day first (06/09 = 6 September), as the export's own lines showed. */
  dayFirst: boolean
  messages: ChatMessage[]
}

// The date and time a phone writes in its own locale: 06/09/24 14.05 (id), 9/6/24, 2:05 PM (en-US),
// 06/09/2024, 14:05 (en-GB); iOS adds seconds and brackets.
const DATE = String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})`
const TIME = String.raw`(\d{1,2})([.:])(\d{2})(?:[.:](\d{2}))?(?: ?([ap])\.?m\.?)?`
const HEADERS: Readonly<Record<ChatExportFormat, RegExp>> = {
  android: new RegExp(`^${DATE},? ${TIME} - ?(.*)$`, 'i'),
  ios: new RegExp(`^\\[${DATE},? ${TIME}\\] ?(.*)$`, 'i'),
}

const LRM = '\u200e'
// iOS marks WhatsApp's own words with U+200E; phones wrap phone numbers in bidi embeddings.
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
// Newer phones put U+202F (and sometimes U+00A0) before AM/PM and inside phone numbers.
const ODD_SPACES = /[\u00a0\u2007\u202f]/g

const IOS_ATTACHED = /<(?:attached|terlampir): ([^<>\n]+)>/gi
const ANDROID_ATTACHED = / \((?:file attached|file terlampir)\)$/i
const OMITTED =
  /^(?:<media omitted>|<media tidak disertakan>|(?:image|video|audio|sticker|gif|document|contact card) omitted|(?:gambar|video|audio|stiker|gif|dokumen|kartu kontak) dihilangkan)$/i
// iOS names an omitted document before the marker: "Formulir B.1.pdf • 3 halaman dokumen dihilangkan".
const DOCUMENT_OMITTED = /\s(?:document omitted|dokumen dihilangkan)$/i
const DELETED =
  /^(?:this message was deleted|you deleted this message|pesan ini telah dihapus|anda menghapus pesan ini)\.?$/i
// Words only WhatsApp writes in Indonesian: its markers anywhere, its system verbs on an authorless line.
const ID_MARKERS =
  /\(file terlampir\)|<terlampir:|<media tidak disertakan>|\bdihilangkan$|terenkripsi secara end-to-end|pesan ini telah dihapus/i
const ID_SYSTEM = /\b(?:menambahkan|mengeluarkan|keluar|bergabung|membuat grup|mengubah)\b/
// Longer than any name a phone shows: the colon belongs to a system line's own words.
const MAX_AUTHOR = 100

/** A line that starts a message, as written, before its date is known to be day or month first. */
interface Header {
  /** The date's first and middle numbers: day and month in either order. */
  leading: number
  middle: number
  year: number
  hour: number
  minute: number
  seconds: number
  meridiem: 'a' | 'p' | null
  dotTime: boolean
  author: string | null
  text: string
}

const num = (s: string | undefined): number => (s === undefined ? 0 : Number(s))

/** The author and text of a line's rest; WhatsApp's own lines have no author. */
function splitBody(body: string, format: ChatExportFormat): { author: string | null; text: string } {
  // iOS writes its own lines as the group's "message": "LO Paslon 2: ‎Budi menambahkan Ani".
  const marked = format === 'ios' ? body.indexOf(`: ${LRM}`) : -1
  const at = marked > 0 ? marked : body.indexOf(': ')
  const author = at > 0 ? body.slice(0, at).replace(BIDI, '').trim() : ''
  if (!author || author.length > MAX_AUTHOR || /["“”]/.test(author)) return { author: null, text: body }
  const text = body.slice(at + 2)
  if (format === 'ios' && text.startsWith(LRM) && !isContentMarker(text)) return { author: null, text }
  return { author, text }
}

/** Whether iOS's U+200E marks content (an attachment, omitted media, a deletion) rather than a system line. */
function isContentMarker(text: string): boolean {
  const line = text.replace(BIDI, '').split('\n', 1)[0]!.trim()
  return (
    /^<(?:attached|terlampir):/i.test(line) ||
    OMITTED.test(line) ||
    DOCUMENT_OMITTED.test(line) ||
    DELETED.test(line)
  )
}

/** The header a line starts with in the given format, or null for a continuation line. */
function readHeader(line: string, format: ChatExportFormat): Header | null {
  const m = HEADERS[format].exec(line)
  if (!m) return null
  const { author, text } = splitBody(m[9]!, format)
  return {
    leading: num(m[1]),
    middle: num(m[2]),
    year: num(m[3]),
    hour: num(m[4]),
    minute: num(m[6]),
    seconds: num(m[7]),
    meridiem: m[8] ? (m[8].toLowerCase() as 'a' | 'p') : null,
    dotTime: m[5] === '.',
    author,
    text,
  }
}

/**
 * Day or month first, judged over the whole export: a 13 or more settles it; otherwise an Indonesian
 * phone writes day first and a 12-hour clock means the US order.
 */
function detectDayFirst(headers: Header[]): boolean {
  if (headers.some((h) => h.leading > 12)) return true
  if (headers.some((h) => h.middle > 12)) return false
  const indonesian = headers.some(
    (h) => h.dotTime || ID_MARKERS.test(h.text) || (h.author === null && ID_SYSTEM.test(h.text)),
  )
  return indonesian || !headers.some((h) => h.meridiem !== null)
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** The instant a header names, or null when it names no real time (a 31 September, a 13 PM). */
function instantOf(h: Header, dayFirst: boolean, zone: TimeZone): Date | null {
  const [day, month] = dayFirst ? [h.leading, h.middle] : [h.middle, h.leading]
  const year = h.year < 100 ? 2000 + h.year : h.year
  let hour = h.hour
  if (h.meridiem !== null) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (h.meridiem === 'p' ? 12 : 0)
  }
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null
  if (hour > 23 || h.minute > 59 || h.seconds > 59) return null
  const local = Date.UTC(year, month - 1, day, hour, h.minute, h.seconds)
  return new Date(local - UTC_OFFSET_HOURS[zone] * 3_600_000)
}

/** A message's text with its attachment and omitted-media markers taken out. */
function readContent(raw: string): Pick<ChatMessage, 'text' | 'attachments' | 'mediaOmitted'> {
  const attachments: string[] = []
  const bare = raw.replace(BIDI, '').replace(IOS_ATTACHED, (_, name: string) => {
    attachments.push(name.trim())
    return ''
  })
  const [first = '', ...rest] = bare.split('\n')
  const line = first.trim()
  let head = first
  let mediaOmitted = false
  // Android writes "IMG-20240906-WA0001.jpg (file terlampir)" on the first line, the caption below.
  const attached = ANDROID_ATTACHED.exec(line)
  const document = DOCUMENT_OMITTED.exec(line)
  if (attached) {
    attachments.push(line.slice(0, attached.index))
    head = ''
  } else if (OMITTED.test(line)) {
    mediaOmitted = true
    head = ''
  } else if (document) {
    mediaOmitted = true
    head = line.slice(0, document.index)
  }
  const text = [head, ...rest].join('\n').trim()
  return { text, attachments, mediaOmitted }
}

/** The format of the first line that starts a message, or null when no line does. */
function detectFormat(lines: string[]): ChatExportFormat | null {
  for (const line of lines) {
    if (HEADERS.ios.test(line)) return 'ios'
    if (HEADERS.android.test(line)) return 'android'
  }
  return null
}

const refuse = (rule: string, message: { id: string; en: string }) => deny({ rule, params: {}, message })

/**
 * Reads a WhatsApp chat export (`_chat.txt`, Android or iPhone, in Indonesian or English) into its
 * messages. The phone wrote its own wall-clock time, which for an office's LO group is the office's zone.
 * A line that does not start with a date continues the message before it. Never throws.
 */
export function parseChatExport(text: string, zone: TimeZone): RuleResult<ParsedChat> {
  // Lines keep a message's own U+200E (iOS's system mark) but lose the one that starts the line.
  const lines = text
    .replace(/^\ufeff/, '')
    .replace(ODD_SPACES, ' ')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^[\u200e\u200f]+/, ''))
  if (lines.every((line) => line.trim() === '')) {
    return refuse('chatExport.empty', {
      id: 'Berkas ekspor chat kosong.',
      en: 'The chat export is empty.',
    })
  }
  const format = detectFormat(lines)
  const headers = format === null ? [] : lines.map((line) => readHeader(line, format))
  const dayFirst = detectDayFirst(headers.filter((h) => h !== null))
  const drafts: { at: Date; author: string | null; lines: string[] }[] = []
  headers.forEach((header, i) => {
    const at = header && instantOf(header, dayFirst, zone)
    if (header && at) drafts.push({ at, author: header.author, lines: [header.text] })
    else drafts.at(-1)?.lines.push(lines[i]!)
  })
  if (format === null || drafts.length === 0) {
    return refuse('chatExport.unrecognised', {
      id: 'Berkas ini tidak dikenali sebagai ekspor chat WhatsApp. Gunakan "Ekspor chat" di grup WhatsApp lalu unggah berkas .txt-nya.',
      en: 'This file is not recognised as a WhatsApp chat export. Use "Export chat" in the WhatsApp group and upload its .txt file.',
    })
  }
  const messages = drafts.map(({ at, author, lines: body }) => ({
    at,
    author,
    ...readContent(body.join('\n')),
  }))
  return allow({ format, dayFirst, messages })
}
