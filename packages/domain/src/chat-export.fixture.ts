import type { ChatExportFormat } from './chat-export.ts'
import { UTC_OFFSET_HOURS, type TimeZone } from './time.ts'

/** One message for {@link chatExportText}: a person's (or, with a null author, WhatsApp's own) line. */
export interface ExportMessage {
  at: Date
  author: string | null
  text?: string
  /** A file sent with the message, exported with media. */
  attachment?: string
  /** Media sent with the message, exported "tanpa media" / "without media". */
  omitted?: boolean
  /** The message was deleted for everyone. */
  deleted?: boolean
}

/** What a phone's export looks like. */
export interface ExportOptions {
  format: ChatExportFormat
  locale: 'id' | 'en'
  /** The phone's zone: its clock writes the local time there. */
  zone: TimeZone
  messages: ExportMessage[]
  /** English phones: US (9/6/24, 2:05 PM) or British (06/09/2024, 14:05); US unless told. */
  region?: 'us' | 'gb'
  /** The group's name, which iOS writes as the author of its own lines. */
  group?: string
  /** U+202F before AM/PM, as iOS and newer Android write it; iOS unless told. */
  narrowSpace?: boolean
  eol?: '\n' | '\r\n'
}

const LRM = '\u200e'
const pad = (n: number) => String(n).padStart(2, '0')

/** WhatsApp's own lines in both languages, as its exports write them. */
export const systemText = {
  encrypted: (locale: 'id' | 'en'): string =>
    locale === 'id'
      ? 'Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.'
      : 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
  created: (locale: 'id' | 'en', by: string, group: string): string =>
    locale === 'id' ? `${by} membuat grup "${group}"` : `${by} created group "${group}"`,
  added: (locale: 'id' | 'en', by: string, whom: string): string =>
    locale === 'id' ? `${by} menambahkan ${whom}` : `${by} added ${whom}`,
  joined: (locale: 'id' | 'en', who: string): string =>
    locale === 'id'
      ? `${who} bergabung menggunakan tautan undangan grup ini`
      : `${who} joined using this group's invite link`,
}

/** The wall-clock parts of an instant in a zone. */
function wallClock(at: Date, zone: TimeZone) {
  const local = new Date(at.getTime() + UTC_OFFSET_HOURS[zone] * 3_600_000)
  return {
    d: local.getUTCDate(),
    mo: local.getUTCMonth() + 1,
    y: local.getUTCFullYear(),
    h: local.getUTCHours(),
    mi: local.getUTCMinutes(),
    s: local.getUTCSeconds(),
  }
}

/** The timestamp as the phone writes it: "06/09/24 14.05", "9/6/24, 2:05 PM", "06/09/2024, 14:05". */
function stamp(at: Date, o: ExportOptions): string {
  const { d, mo, y, h, mi, s } = wallClock(at, o.zone)
  const seconds = o.format === 'ios'
  if (o.locale === 'id') {
    return `${pad(d)}/${pad(mo)}/${pad(y % 100)} ${pad(h)}.${pad(mi)}${seconds ? `.${pad(s)}` : ''}`
  }
  const secs = seconds ? `:${pad(s)}` : ''
  if (o.region === 'gb') return `${pad(d)}/${pad(mo)}/${y}, ${pad(h)}:${pad(mi)}${secs}`
  const space = (o.narrowSpace ?? seconds) ? '\u202f' : ' '
  return `${mo}/${d}/${pad(y % 100)}, ${h % 12 || 12}:${pad(mi)}${secs}${space}${h < 12 ? 'AM' : 'PM'}`
}

/** What a message's body says, with the markers the app writes for files, missing media and deletions. */
function body(m: ExportMessage, o: ExportOptions): string {
  const id = o.locale === 'id'
  const ios = o.format === 'ios'
  const caption = m.text ? `\n${m.text}` : ''
  const mark = ios ? LRM : ''
  if (m.deleted)
    return `${mark}${id ? 'Pesan ini telah dihapus' : 'This message was deleted'}${ios ? '.' : ''}`
  if (m.attachment) {
    if (ios) return `${LRM}<${id ? 'terlampir' : 'attached'}: ${m.attachment}>${caption}`
    return `${m.attachment} (${id ? 'file terlampir' : 'file attached'})${caption}`
  }
  if (m.omitted) {
    if (ios) return `${LRM}${id ? 'gambar dihilangkan' : 'image omitted'}${caption}`
    return `<${id ? 'Media tidak disertakan' : 'Media omitted'}>${caption}`
  }
  return m.text ?? ''
}

/** One message as the export writes it, continuation lines included. */
function line(m: ExportMessage, o: ExportOptions): string {
  const ios = o.format === 'ios'
  // iOS writes its own lines as the group's message, marked with U+200E; Android writes them bare.
  const rest =
    m.author === null
      ? ios
        ? `${o.group ?? 'LO Paslon'}: ${LRM}${m.text}`
        : `${m.text}`
      : `${m.author}: ${body(m, o)}`
  const head = ios ? `[${stamp(m.at, o)}] ` : `${stamp(m.at, o)} - `
  // A line whose message carries U+200E starts with one too.
  return `${ios && rest.includes(`: ${LRM}`) ? LRM : ''}${head}${rest}`
}

/** The `_chat.txt` WhatsApp writes for these messages on this kind of phone, for tests. */
export function chatExportText(options: ExportOptions): string {
  const eol = options.eol ?? '\n'
  return options.messages.map((m) => line(m, options).replace(/\n/g, eol) + eol).join('')
}
