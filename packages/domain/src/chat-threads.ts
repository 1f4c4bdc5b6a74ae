import type { ChatMessage, ParsedChat } from './chat-export.ts'
import { formatInZone, localDateTime, localDay, MINUTE_MS, type TimeZone } from './time.ts'

/** A conversation of an imported chat, proposed as one lembar konsultasi for staff to confirm. */
export interface ThreadProposal {
  /**
   * Stable across imports: the same thread in a re-import, or in a later export of the same group that
   * still holds its first message, gets the same key, so an import can skip what it already made.
   */
  key: string
  startedAt: Date
  endedAt: Date
  /** The first author who is not staff: whoever opened the conversation. */
  asker: string
  /** Everyone who wrote, the asker first, then in the order they first wrote. */
  participants: { name: string; staff: boolean }[]
  /** The asker's opening message(s), before anyone else replied. */
  question: string
  /** Every message as "[HH.mm] Name: text" in the office's zone, with a date line where the day changes. */
  minutes: string
  /** The file names the messages name, in order. */
  attachments: string[]
  messageCount: number
}

/** How to cut a chat into proposals. */
export interface ThreadOptions {
  /** The office's zone: where its days begin and end, and the clock the minutes quote. */
  zone: TimeZone
  /** The names staff write under in the group; they answer threads but never open one. */
  staffNames?: string[]
  /** Silence longer than this lets the next non-staff message open a new thread. */
  gapMinutes?: number
}

/** The silence, in minutes, after which a new question is a new thread unless told otherwise. */
export const THREAD_GAP_MINUTES = 120
/** The longest question a proposal carries (a lembar's question field). */
export const THREAD_QUESTION_MAX = 10_000
/** The longest minutes a proposal carries. */
export const THREAD_MINUTES_MAX = 20_000

/** A message a person wrote. */
type Authored = ChatMessage & { author: string }

// Contacts are saved with stray spaces and capitals; "Dewi  KPU" is "dewi kpu".
const nameKey = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase()

/** FNV-1a (64-bit) of a string's UTF-16 code units, as 16 hex digits: pure, and the same everywhere. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i))
    hash = BigInt.asUintN(64, hash * 0x100000001b3n)
  }
  return hash.toString(16).padStart(16, '0')
}

/** The key of a thread: its first message, which no later export of the group changes. */
const threadKey = (first: Authored): string =>
  `wa-${fnv1a64(`${first.at.toISOString()}\n${first.author}\n${first.text}`)}`

/** Text cut to at most `max` characters, never inside a surrogate pair, ending with "…" when cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}

/** Lines cut to at most `max` characters at a line boundary, a last line "…" saying more was there. */
function clipLines(text: string, max: number): string {
  if (text.length <= max) return text
  const end = text.lastIndexOf('\n', max - 2)
  return end > 0 ? `${text.slice(0, end)}\n…` : clip(text, max)
}

/** What a message says, its files and missing media included, for the question and the minutes. */
function content(message: ChatMessage): string {
  const parts = message.attachments.map((name) => `[lampiran: ${name}]`)
  if (message.mediaOmitted) parts.push('[media tidak disertakan]')
  if (message.text) parts.push(message.text)
  return parts.join(' ')
}

/** The minutes of a thread: a line per message, a date line where the office's day changes. */
function minutesOf(run: Authored[], zone: TimeZone): string {
  const lines: string[] = []
  run.forEach((message, i) => {
    if (i > 0 && localDay(message.at, zone) !== localDay(run[i - 1]!.at, zone)) {
      lines.push(`— ${formatInZone(message.at, zone, 'id', 'date')} —`)
    }
    const time = localDateTime(message.at, zone).slice(11).replace(':', '.')
    lines.push(`[${time}] ${message.author}: ${content(message)}`)
  })
  return clipLines(lines.join('\n'), THREAD_MINUTES_MAX)
}

/** A run of messages as a proposal; the run starts with the asker's message. */
function proposalOf(run: Authored[], zone: TimeZone, isStaff: (name: string) => boolean): ThreadProposal {
  const first = run[0]!
  const reply = run.findIndex((message) => message.author !== first.author)
  const opening = reply === -1 ? run : run.slice(0, reply)
  const names = [...new Set(run.map((message) => message.author))]
  return {
    key: threadKey(first),
    startedAt: first.at,
    endedAt: run.at(-1)!.at,
    asker: first.author,
    participants: names.map((name) => ({ name, staff: isStaff(name) })),
    question: clip(opening.map(content).filter(Boolean).join('\n'), THREAD_QUESTION_MAX),
    minutes: minutesOf(run, zone),
    attachments: run.flatMap((message) => message.attachments),
    messageCount: run.length,
  }
}

/** Whether a message comes after enough silence, or on a new office day, to open a thread. */
function opensThread(previous: Authored, message: Authored, gapMs: number, zone: TimeZone): boolean {
  if (message.at.getTime() - previous.at.getTime() > gapMs) return true
  return localDay(message.at, zone) !== localDay(previous.at, zone)
}

/**
 * Cuts an imported chat into proposed consultations, in time order. A thread opens when someone who is
 * not staff writes first, after more than `gapMinutes` of silence, or on a new day in the office's zone;
 * staff messages join the open thread (an answer the next morning still answers) and are dropped before
 * any. WhatsApp's own lines belong to no thread.
 */
export function proposeThreads(chat: ParsedChat, options: ThreadOptions): ThreadProposal[] {
  const { zone } = options
  const gap = options.gapMinutes ?? THREAD_GAP_MINUTES
  const gapMs = (Number.isFinite(gap) && gap >= 0 ? gap : THREAD_GAP_MINUTES) * MINUTE_MS
  const staff = new Set((options.staffNames ?? []).map(nameKey))
  const isStaff = (name: string) => staff.has(nameKey(name))
  const messages = chat.messages
    .filter((message): message is Authored => message.author !== null)
    .toSorted((a, b) => a.at.getTime() - b.at.getTime())
  const runs: Authored[][] = []
  messages.forEach((message, i) => {
    const open = runs.at(-1)
    if (!isStaff(message.author) && (!open || opensThread(messages[i - 1]!, message, gapMs, zone))) {
      runs.push([message])
    } else open?.push(message)
  })
  return runs.map((run) => proposalOf(run, zone, isStaff))
}
