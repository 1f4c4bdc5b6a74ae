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

/**
 * Whether a mail becomes (or joins) a sheet. Machines answering machines would loop: RFC 3834
 * auto-replies, delivery reports, lists and bulk mail, and the office's own mail are skipped.
 */
export function classifyMail(headers: InboundMailHeaders, ownAddresses: readonly string[]): MailDisposition {
  const from = lower(headers.from?.address)
  if (!from) return skip('no_sender')
  if (ownAddresses.some((own) => lower(own) === from)) return skip('own_address')
  const local = from.split('@')[0] ?? ''
  if (
    /^(mailer-daemon|postmaster)$/.test(local) ||
    lower(headers.returnPath).replace(/\s/g, '') === '<>' ||
    lower(headers.xFailedRecipients) !== '' ||
    /multipart\/report/.test(lower(headers.contentType))
  )
    return skip('bounce')
  const auto = lower(headers.autoSubmitted)
  if ((auto && auto !== 'no') || lower(headers.xAutoreply) !== '') return skip('auto_reply')
  if (
    /\b(all|oof|autoreply)\b/.test(lower(headers.xAutoResponseSuppress)) &&
    /^(auto|automatic|out of office)/i.test(headers.subject)
  )
    return skip('auto_reply')
  const precedence = lower(headers.precedence)
  if (precedence === 'auto_reply') return skip('auto_reply')
  if (['bulk', 'junk', 'list'].includes(precedence) || lower(headers.listId) !== '') return skip('bulk')
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

// Where a mail client starts quoting the message answered.
const QUOTE_STARTS = [
  /^On .{4,200}(wrote|writes):\s*$/i,
  /^Pada .{4,200}(menulis|wrote):\s*$/i,
  /^-{2,}\s*(Original Message|Pesan Asli|Forwarded message|Pesan yang diteruskan)\s*-{2,}/i,
  /^(From|Dari):\s.+$/i,
  /^_{10,}$/,
]

/**
 * The new text of a mail: the quoted message it answers (the "On … wrote:" line and what follows, "> "
 * lines) and the signature after "-- " are dropped. When that would leave nothing, the whole text stays.
 */
export function questionFromText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const kept: string[] = []
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!
    if (line === '-- ' || line === '--') break
    const joined = `${line} ${lines[i + 1] ?? ''}`.trim()
    if (QUOTE_STARTS.some((p) => p.test(line.trim()))) break
    // Gmail wraps a long "On … wrote:" line over two.
    if (/^(On|Pada)\s/i.test(line.trim()) && /(wrote|menulis):\s*$/i.test(joined) && joined.length < 300)
      break
    if (/^\s*>/.test(line)) continue
    kept.push(line)
  }
  const clean = (s: string) =>
    s
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  const result = clean(kept.join('\n'))
  return (result || clean(text.replace(/\r\n?/g, '\n'))).slice(0, 10_000)
}

/** Who asked, for the sheet: Reply-To over From; the name falls back to the address's local part. */
export function askerFromMail(headers: InboundMailHeaders): { name: string; contact: string } | null {
  const who = headers.replyTo?.address ? headers.replyTo : headers.from
  const address = who?.address.trim()
  if (!address || !address.includes('@')) return null
  const name = (who?.name?.trim() || address.split('@')[0]!).replace(/\s+/g, ' ')
  return { name: name.slice(0, 120), contact: address.slice(0, 160) }
}

const PREFIX = /^\s*((re|fw|fwd|aw|balas|bls|tr)\s*(\[\d+\])?\s*:\s*)+/i

/** The subject of a reply: one "Re: ", whatever prefixes the subject had. */
export function replySubject(subject: string): string {
  const bare = subject.replace(PREFIX, '').trim()
  return `Re: ${bare || '(tanpa subjek)'}`
}

const TAG = /\[(LK-\d{2}(?:\.\d{2})?-\d{4}-\d{5})\]/

/** The subject of mail about a sheet, tagged with its number: "[LK-34.02-2024-00012] Re: Syarat SKCK". */
export function sheetSubject(number: string, subject: string): string {
  const untagged = subject
    .replace(TAG, '')
    .replace(/\s{2,}/g, ' ')
    .trim()
  return `[${number}] ${untagged}`.slice(0, 998)
}

/** The sheet number a subject is tagged with, so a reply whose client dropped the headers still joins. */
export function sheetNumberInSubject(subject: string): string | null {
  return TAG.exec(subject)?.[1] ?? null
}
