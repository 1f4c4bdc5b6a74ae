// What goes out to the people concerned, when, and how often it is tried. Messages to LOs are in Bahasa
// Indonesia, as KPU writes to them; every date names its zone (WIB/WITA/WIT).
import type { z } from 'zod'
import { labelledEnum } from './labels.ts'
import { replySubject, sheetSubject } from './mail-intake.ts'
import { RATING_DAYS } from './sheet-relations.ts'
import { formatInZone, type TimeZone } from './time.ts'

/** The kinds of message the desk sends; an office may turn each off. */
export const NotificationKind = labelledEnum({
  research_result: { id: 'Hasil penelitian ke LO', en: 'Research results to the LO' },
  fix_reminder_24h: { id: 'Pengingat perbaikan 24 jam', en: 'Perbaikan reminder, 24 h' },
  fix_reminder_3h: { id: 'Pengingat perbaikan 3 jam', en: 'Perbaikan reminder, 3 h' },
  submission_receipt: { id: 'Tanda terima ke LO', en: 'Receipt to the LO' },
  leadership_alert: { id: 'Peringatan ke pimpinan', en: 'Alert to leadership' },
  queue_called: { id: 'Panggilan antrean ke tamu', en: 'Queue call to the guest' },
  consultation_answer: { id: 'Jawaban konsultasi lewat e-mail', en: 'Consultation answer by e-mail' },
})
/** A kind of message. */
export type NotificationKind = z.infer<typeof NotificationKind.schema>

/** A message as sent: a subject and plain text. */
export interface OutgoingMessage {
  subject: string
  text: string
}

/** A document named in a message. */
export interface NoticeItem {
  code: string
  title: string
  subject: string
}

const at = (instant: Date, zone: TimeZone) => formatInZone(instant, zone)
const line = (item: NoticeItem) => `- ${item.code} ${item.title} (${item.subject})`
// A document still BMS when the perbaikan window closes becomes TMS: every notice of BMS says so.
const UNFIXED = 'Dokumen yang tidak diperbaiki sampai batas waktu dinyatakan TMS.'
const footer = (officeName: string) =>
  `\n\nPesan ini dikirim otomatis oleh helpdesk pencalonan ${officeName}.`

/** The research results of a batch: BMS first with the perbaikan window, then MS and TMS. */
export function researchResultMessage(input: {
  officeName: string
  pairLabel: string
  items: (NoticeItem & { status: 'MS' | 'BMS' | 'TMS' })[]
  fixWindow: { opensAt: Date; lastMinute: Date } | null
  zone: TimeZone
}): OutgoingMessage {
  const of = (status: 'MS' | 'BMS' | 'TMS') => input.items.filter((i) => i.status === status)
  const bms = of('BMS')
  const parts = [`Yth. LO ${input.pairLabel},`, '', `Hasil penelitian dokumen oleh ${input.officeName}:`]
  if (bms.length > 0) {
    parts.push('', 'Belum memenuhi syarat (BMS), wajib diperbaiki:', ...bms.map(line))
    parts.push(
      input.fixWindow
        ? `Perbaikan diserahkan mulai ${at(input.fixWindow.opensAt, input.zone)} sampai ${at(input.fixWindow.lastMinute, input.zone)}.`
        : 'Jadwal perbaikan akan diberitahukan.',
      UNFIXED,
    )
  } else parts.push('', 'Tidak ada dokumen yang perlu diperbaiki.')
  if (of('MS').length > 0) parts.push('', 'Memenuhi syarat (MS):', ...of('MS').map(line))
  if (of('TMS').length > 0) parts.push('', 'Tidak memenuhi syarat (TMS):', ...of('TMS').map(line))
  return {
    subject: `Hasil penelitian ${input.pairLabel}${bms.length ? ` — ${bms.length} dokumen BMS` : ''}`,
    text: parts.join('\n') + footer(input.officeName),
  }
}

/** A reminder while documents are still BMS and the window closes in 24 or 3 hours. */
export function fixReminderMessage(input: {
  officeName: string
  pairLabel: string
  hoursLeft: 24 | 3
  bmsItems: NoticeItem[]
  lastMinute: Date
  zone: TimeZone
}): OutgoingMessage {
  const deadline = at(input.lastMinute, input.zone)
  // Documents already being fixed are not listed; the reminder still says the window is closing.
  const items =
    input.bmsItems.length > 0
      ? ['Dokumen yang masih BMS:', ...input.bmsItems.map(line)]
      : ['Pastikan seluruh dokumen perbaikan telah diserahkan sebelum batas waktu.']
  return {
    subject: `Pengingat: perbaikan ${input.pairLabel} berakhir ${deadline}`,
    text:
      [
        `Yth. LO ${input.pairLabel},`,
        '',
        `Masa perbaikan berakhir dalam ${input.hoursLeft} jam, pada ${deadline}.`,
        ...items,
        '',
        UNFIXED,
      ].join('\n') + footer(input.officeName),
  }
}

/** The tanda terima of a hand-in. */
export function receiptMessage(input: {
  officeName: string
  pairLabel: string
  number: string
  receivedAt: Date
  items: NoticeItem[]
  zone: TimeZone
}): OutgoingMessage {
  return {
    subject: `Tanda terima ${input.number} — ${input.pairLabel}`,
    text:
      [
        `Yth. LO ${input.pairLabel},`,
        '',
        `${input.officeName} telah menerima dokumen berikut pada ${at(input.receivedAt, input.zone)} (tanda terima ${input.number}):`,
        ...input.items.map(line),
      ].join('\n') + footer(input.officeName),
  }
}

/** Leadership's alert: BMS documents with no step since the results, a day before the close. */
export function leadershipAlertMessage(input: {
  officeName: string
  pairLabel: string
  idleItems: (NoticeItem & { since: Date })[]
  lastMinute: Date
  zone: TimeZone
}): OutgoingMessage {
  return {
    subject: `Perhatian: ${input.idleItems.length} dokumen BMS ${input.pairLabel} belum ditindaklanjuti`,
    text:
      [
        'Yth. Pimpinan,',
        '',
        `Masa perbaikan berakhir ${at(input.lastMinute, input.zone)}. Dokumen ${input.pairLabel} berikut masih BMS tanpa tindak lanjut:`,
        ...input.idleItems.map((i) => `${line(i)} — sejak ${at(i.since, input.zone)}`),
      ].join('\n') + footer(input.officeName),
  }
}

/** The length of one SMS, which a queue call must fit. */
export const SMS_CHARS = 160

/** A walk-in's number is called; short enough for one SMS. */
export function queueCalledMessage(input: {
  officeName: string
  queueNumber: string
  desk?: string | null
}): OutgoingMessage {
  const desk = input.desk?.trim().slice(0, 40) || 'meja layanan'
  const call = `Nomor antrean ${input.queueNumber} dipanggil. Silakan menuju ke ${desk}.`
  // The call itself comes first; a long office name is shortened so the text stays one SMS.
  const room = SMS_CHARS - call.length - 1
  const office =
    input.officeName.length <= room ? input.officeName : `${input.officeName.slice(0, room - 1)}…`
  return {
    subject: `Nomor ${input.queueNumber} dipanggil`,
    text: (room > 1 ? `${call} ${office}` : call).slice(0, SMS_CHARS),
  }
}

/** The answer to a sheet that came by mail, under the asker's subject tagged with the sheet number. */
export function answerMessage(input: {
  number: string
  subject: string
  answer: string
  legalBasis?: string | null
  signature: string
}): OutgoingMessage {
  const parts = [input.answer.trim()]
  if (input.legalBasis?.trim()) parts.push('', `Dasar hukum: ${input.legalBasis.trim()}`)
  parts.push('', `Nomor lembar konsultasi: ${input.number}`)
  // "-- " sets the signature apart, so the asker's client (and our intake) leaves it out of a reply.
  if (input.signature.trim()) parts.push('', '-- ', input.signature.trim())
  return { subject: sheetSubject(input.number, replySubject(input.subject)), text: parts.join('\n') }
}

/**
 * Where the asker rates a closed sheet: the path the console serves, `/nilai/<token>`, or the full address
 * under `baseUrl` when the server knows its public one.
 */
export function ratingLink(token: string, baseUrl?: string | null): string {
  const path = `/nilai/${encodeURIComponent(token)}`
  return baseUrl ? `${baseUrl.replace(/\/+$/, '')}${path}` : path
}

/** The note, in the answer's thread, that a sheet asked by mail is closed, with the link to rate it. */
export function closingMessage(input: {
  number: string
  subject: string
  ratingLink: string
  signature: string
}): OutgoingMessage {
  const parts = [
    `Konsultasi Anda dengan nomor lembar ${input.number} telah selesai. Terima kasih telah menghubungi helpdesk pencalonan.`,
    '',
    `Mohon beri penilaian atas layanan kami (1–5) dalam ${RATING_DAYS} hari melalui tautan berikut:`,
    input.ratingLink,
  ]
  if (input.signature.trim()) parts.push('', '-- ', input.signature.trim())
  return { subject: sheetSubject(input.number, replySubject(input.subject)), text: parts.join('\n') }
}

const HOUR_MS = 60 * 60_000
type Reminder = 'fix_reminder_24h' | 'fix_reminder_3h'
const REMINDERS: [Reminder, number][] = [
  ['fix_reminder_3h', 3],
  ['fix_reminder_24h', 24],
]

/**
 * Which reminders are due at `now` for a window closing at `closesAt`, given those already sent: 24 h and
 * 3 h before; never after it closed; a reminder whose moment passed while a later one is already due is
 * skipped (only the latest due is returned), so an LO never gets two at once after an outage.
 */
export function dueReminders(closesAt: Date, now: Date, sent: readonly NotificationKind[]): Reminder[] {
  if (now >= closesAt) return []
  const due = REMINDERS.find(([, hours]) => now.getTime() >= closesAt.getTime() - hours * HOUR_MS)
  if (!due) return []
  const [kind] = due
  if (sent.includes(kind) || (kind === 'fix_reminder_24h' && sent.includes('fix_reminder_3h'))) return []
  return [kind]
}

/**
 * Leadership is alerted once when, 24 h before the close, a BMS item has had no step since the results were
 * handed over: `lastStepAt` (the result itself, when nothing followed) lies before that moment.
 */
export function leadershipAlertDue(input: {
  closesAt: Date
  now: Date
  lastStepAt: Date
  alreadySent: boolean
}): boolean {
  const from = input.closesAt.getTime() - 24 * HOUR_MS
  return (
    !input.alreadySent &&
    input.now < input.closesAt &&
    input.now.getTime() >= from &&
    input.lastStepAt.getTime() < from
  )
}

/** How many times the outbox tries a message before giving up. */
export const MAX_DELIVERY_ATTEMPTS = 6
const BACKOFF_MINUTES = [1, 5, 30, 120, 360]

/**
 * Retry schedule of the outbox: 1 min, 5 min, 30 min, 2 h, 6 h after the 1st to 5th failed attempt; after
 * MAX_DELIVERY_ATTEMPTS (6) the message is dead (null). Permanent failures (5xx) go dead at once.
 */
export function nextAttemptAt(attempts: number, now: Date, failure: 'temporary' | 'permanent'): Date | null {
  if (failure === 'permanent' || attempts >= MAX_DELIVERY_ATTEMPTS) return null
  const minutes = BACKOFF_MINUTES[Math.min(Math.max(attempts, 1), BACKOFF_MINUTES.length) - 1]!
  return new Date(now.getTime() + minutes * 60_000)
}

/** The idempotency key of a notification: the same event and recipient never queue twice. */
export function notificationKey(kind: NotificationKind, ...parts: string[]): string {
  return [kind, ...parts].join(':').slice(0, 500)
}
