// Rules for mail arriving in an office's mailbox: which mail becomes a sheet, which thread a reply joins,
// what of its text is the new question. Pure: the server parses the message and passes the headers here.

/** An address as a mail header names it. */
export interface MailAddress {
  name?: string | undefined
  address: string
}

/** The headers the intake rules read. */
export interface InboundMailHeaders {
  from: MailAddress | null
  replyTo?: MailAddress | null
  subject: string
  messageId: string | null
  inReplyTo: string | null
  references: string[]
  autoSubmitted?: string | null
  precedence?: string | null
  contentType?: string | null
  returnPath?: string | null
  xAutoResponseSuppress?: string | null
  /** X-Autoreply, or X-Autorespond where a client writes that instead. */
  xAutoreply?: string | null
  listId?: string | null
  xFailedRecipients?: string | null
}

/** Why a mail makes no sheet. */
export type SkipReason = 'auto_reply' | 'bounce' | 'bulk' | 'no_sender' | 'own_address'
/** What becomes of a mail: a sheet (or a reply to one), or skipped. */
export type MailDisposition = { kind: 'sheet' } | { kind: 'skip'; reason: SkipReason }

const skip = (reason: SkipReason): MailDisposition => ({ kind: 'skip', reason })
const lower = (value: string | null | undefined) => (value ?? '').trim().toLowerCase()
const present = (value: string | null | undefined) => lower(value) !== ''

// Subjects of Outlook/Exchange automatic replies, which may carry no RFC 3834 header, in English and in
// the Indonesian of an Outlook set to id-ID.
const AUTO_SUBJECT =
  /^(automatic reply|auto[- ]?reply|autoreply|out of (the )?office|balasan otomatis|di luar kantor)\b/i

// A delivery report (RFC 3464) or a bounce the mail system writes itself.
function isBounce(headers: InboundMailHeaders, from: string): boolean {
  const type = lower(headers.contentType)
  return (
    /^(mailer-daemon|postmaster)@/.test(from) ||
    lower(headers.returnPath).replace(/\s/g, '') === '<>' ||
    present(headers.xFailedRecipients) ||
    // A parser may pass the media type without its parameters: a bare multipart/report is a bounce too.
    (type.startsWith('multipart/report') && !/report-type="?disposition-notification/.test(type))
  )
}

// An answer a machine wrote for a person: out-of-office, vacation, read receipts.
function isAutoReply(headers: InboundMailHeaders): boolean {
  const auto = lower(headers.autoSubmitted)
  if ((auto && !auto.startsWith('no')) || present(headers.xAutoreply)) return true
  if (lower(headers.precedence) === 'auto_reply') return true
  if (/^multipart\/report/.test(lower(headers.contentType))) return true
  // Outlook marks mail it must not answer; with an automatic-reply subject, it is one itself.
  return (
    /\b(all|oof|autoreply)\b/.test(lower(headers.xAutoResponseSuppress)) &&
    AUTO_SUBJECT.test(headers.subject.trim())
  )
}

/**
 * Whether a mail becomes (or joins) a sheet. Machines answering machines would loop: RFC 3834
 * auto-replies, delivery reports, lists and bulk mail, and the office's own mail are skipped.
 */
export function classifyMail(headers: InboundMailHeaders, ownAddresses: readonly string[]): MailDisposition {
  const from = lower(headers.from?.address)
  if (!from) return skip('no_sender')
  if (ownAddresses.some((own) => lower(own) === from)) return skip('own_address')
  if (isBounce(headers, from)) return skip('bounce')
  if (isAutoReply(headers)) return skip('auto_reply')
  if (['bulk', 'junk', 'list'].includes(lower(headers.precedence)) || present(headers.listId))
    return skip('bulk')
  return { kind: 'sheet' }
}

/**
 * A Message-ID as stored and compared: without angle brackets, the domain part lower-cased (it is
 * case-insensitive, the local part is not). Null for nothing usable.
 */
export function normaliseMessageId(raw: string | null | undefined): string | null {
  const id = (raw ?? '').trim().replace(/^<+/, '').replace(/>+$/, '').trim()
  if (!id || /[\s<>]/.test(id) || id.length > 500) return null
  const at = id.lastIndexOf('@')
  return at < 0 ? id : `${id.slice(0, at)}@${id.slice(at + 1).toLowerCase()}`
}

/** The Message-IDs a reply answers, nearest first: In-Reply-To, then References from the newest. */
export function threadReferences(headers: InboundMailHeaders): string[] {
  const split = (value: string) => value.match(/<[^<>]+>|[^\s<>,]+/g) ?? []
  const ids = [...split(headers.inReplyTo ?? ''), ...headers.references.flatMap(split).reverse()].map(
    normaliseMessageId,
  )
  return [...new Set(ids.filter((id): id is string => id !== null))]
}

// "On Mon, 9 Sep 2024 at 10.00, Helpdesk <h@k.id> wrote:" (Gmail, Apple Mail, Thunderbird) or "Pada
// tanggal Sen, 9 Sep 2024 pukul 10.00 Helpdesk <h@k.id> menulis:". It always holds a date, so a sentence
// of the asker's that starts with "Pada" and ends with a colon stays.
const QUOTE_INTRO = /^(On|Pada)\s.*\d.*\b(wrote|writes|menulis)\s*:$/i
// Outlook and forwarded-mail separators: what follows them is an older message, unquoted.
const SEPARATOR =
  /^-{2,}\s*(Original Message|Pesan Asli|Forwarded message|Pesan (yang )?diteruskan|Pesan terusan)\s*-{2,}$/i
// Outlook's header block of the message answered: "From: …" followed by "Sent: …", "To: …" and so on.
const BLOCK_FROM = /^\*?(From|Dari)\s*:\*?\s*\S/i
const BLOCK_NEXT = /^\*?(Sent|Date|Dikirim|Terkirim|Tanggal|To|Kepada|Cc|Subject|Subjek|Perihal)\s*:/i
const RULE = /^\s*(_{5,}|-{5,})?\s*$/

// How many lines (1–3: Gmail wraps a long one) the quote introduction at `i` spans; 0 for none.
function quoteIntroAt(lines: readonly string[], i: number): number {
  for (let n = 1; n <= 3 && i + n <= lines.length; n += 1) {
    const joined = lines
      .slice(i, i + n)
      .map((l) => l.trim())
      .join(' ')
    if (joined.length <= 300 && QUOTE_INTRO.test(joined)) return n
  }
  return 0
}

const olderMessageAt = (lines: readonly string[], i: number) => {
  const line = lines[i]!.trim()
  return (
    SEPARATOR.test(line) ||
    (BLOCK_FROM.test(line) && lines.slice(i + 1, i + 4).some((next) => BLOCK_NEXT.test(next.trim())))
  )
}

const clean = (s: string) =>
  s
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()

/**
 * The new text of a mail: the quoted message it answers (the "On … wrote:" line and what follows, "> "
 * lines, Outlook's original message) and the signature after "-- " are dropped. When that would leave
 * nothing, the whole text stays: a question is never lost to a guess.
 */
export function questionFromText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const kept: string[] = []
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!
    if (line.trimEnd() === '--' || olderMessageAt(lines, i)) break
    const intro = quoteIntroAt(lines, i)
    if (intro > 0) {
      // Above the quote the reply is complete; below it (bottom-posting) the quoted lines are skipped.
      if (kept.some((l) => l.trim() !== '')) break
      i += intro - 1
      continue
    }
    if (/^\s*>/.test(line)) continue
    kept.push(line)
  }
  while (kept.length > 0 && RULE.test(kept.at(-1)!)) kept.pop()
  const result = clean(kept.join('\n')) || clean(lines.join('\n'))
  return result.slice(0, 10_000).trimEnd()
}

/** Who asked, for the sheet: Reply-To over From; the name falls back to the address's local part. */
export function askerFromMail(headers: InboundMailHeaders): { name: string; contact: string } | null {
  const who = headers.replyTo?.address.trim() ? headers.replyTo : headers.from
  const address = who?.address.trim()
  if (!address || !/^[^@\s]+@[^@\s]+$/.test(address)) return null
  // Outlook writes some names in quotes: 'Andi Wijaya'.
  const named = (who?.name ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim()
  return { name: (named || address.split('@')[0]!).slice(0, 120), contact: address.slice(0, 160) }
}

// Reply and forward prefixes as clients write them: Re, RE[2], Fwd, Fw, AW, TR, and Indonesian Balas/Bls.
const PREFIX = /^\s*((re|fw|fwd|aw|sv|tr|antw|balas|bls)\s*(\[\d+\])?\s*:\s*)+/i

/** The subject of a reply: one "Re: ", whatever prefixes the subject had. */
export function replySubject(subject: string): string {
  const bare = subject.replace(/\s+/g, ' ').replace(PREFIX, '').trim()
  return `Re: ${bare || '(tanpa subjek)'}`
}

const TAG = /\[(LK-\d{2}(?:\.\d{2})?-\d{4}-\d{5,})\]/i

/** The subject of mail about a sheet, tagged with its number: "[LK-34.02-2024-00012] Re: Syarat SKCK". */
export function sheetSubject(number: string, subject: string): string {
  const untagged = subject.replace(new RegExp(TAG.source, 'gi'), ' ').replace(/\s+/g, ' ').trim()
  // "Re: [LK-…] Re: Syarat" loses its tag and becomes one reply again, not "Re: Re: Syarat".
  const body = PREFIX.test(untagged) ? replySubject(untagged) : untagged || '(tanpa subjek)'
  return `[${number}] ${body}`.slice(0, 998)
}

/** The sheet number a subject is tagged with, so a reply whose client dropped the headers still joins. */
export function sheetNumberInSubject(subject: string): string | null {
  return TAG.exec(subject)?.[1]?.toUpperCase() ?? null
}
