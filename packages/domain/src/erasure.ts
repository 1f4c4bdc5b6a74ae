import { ANONYMISED_NAME } from './anonymise.ts'
import { normalisePhone } from './guest.ts'
import { PERSONAL_FIELDS } from './privacy-promise.ts'

// A participant's personal keys, as the privacy promise names them (the category stays for the counts).
const PARTICIPANT_KEYS = PERSONAL_FIELDS.find(
  (f) => f.table === 'Consultation' && f.column === 'participants',
)!.jsonKeys!

/** The person an erasure or retention run removes: as the guest book holds them. */
export interface ErasedPerson {
  name: string
  /** E.164, as the guest book stores it. */
  phone: string | null
  email: string | null
}

/** What a mention of the person in free text becomes. */
export const ERASED_MENTION = '[dihapus]'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const SEPARATOR = '[\\s().\\-]*'

/** A phone in any usual spelling: 0812…, +62 812…, 62812…, (0812) 3456-7789, with any separators. */
function phonePattern(e164: string): string | null {
  if (!e164.startsWith('+62')) return `${escape(e164)}`
  const national = e164.slice(3)
  if (national.length < 6) return null
  return `(?<![0-9])\\(?(?:\\+${SEPARATOR}62|62|0)${SEPARATOR}${[...national].join(SEPARATOR)}(?![0-9])`
}

/**
 * A name as a whole-word phrase, any case and spacing; with `parts`, each of its words of three letters or
 * more as well. Names too short to mean anyone, and the placeholder, are not sought.
 */
function namePattern(name: string, parts: boolean): string | null {
  const words = name.normalize('NFKC').trim().split(/\s+/).filter(Boolean)
  if (words.join('').length < 3 || name === ANONYMISED_NAME) return null
  const phrases = [
    words.map(escape).join('\\s+'),
    ...(parts ? words.filter((w) => w.length >= 3).map(escape) : []),
  ]
  return `(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`
}

/** How widely to look for a person in text. */
export interface MentionScope {
  /**
   * Each word of the name alone too, for text the person wrote or that was written for them (a sheet they
   * asked: "akun SILON milik Rina"); elsewhere only the full name, so a shared first name survives.
   */
  nameParts?: boolean
}

/** One expression finding every mention of the person: name, phone in any spelling, e-mail. */
export function mentionPattern(person: ErasedPerson, scope: MentionScope = {}): RegExp | null {
  const parts = [
    namePattern(person.name, scope.nameParts ?? false),
    person.phone && phonePattern(person.phone),
    person.email && `(?<![\\w.+-])${escape(person.email)}(?![\\w-])`,
  ].filter((part): part is string => Boolean(part))
  return parts.length ? new RegExp(parts.join('|'), 'giu') : null
}

/** Whether free text mentions any of the people. */
export function mentionsAny(
  text: string | null,
  people: readonly ErasedPerson[],
  scope: MentionScope = {},
): boolean {
  if (!text) return false
  return people.some((person) => {
    const pattern = mentionPattern(person, scope)
    return pattern !== null && pattern.test(text)
  })
}

/** Free text with every mention of the people replaced by `ERASED_MENTION`; null stays null. */
export function eraseMentions<T extends string | null>(
  text: T,
  people: readonly ErasedPerson[],
  scope: MentionScope = {},
): T {
  if (text === null) return text
  let erased: string = text
  for (const person of people) {
    const pattern = mentionPattern(person, scope)
    // A phone's opening bracket goes with it only when its closing one does: "(0812 3456 7789)".
    if (pattern)
      erased = erased.replace(pattern, (match) =>
        match.startsWith('(') && !match.includes(')') ? `(${ERASED_MENTION}` : ERASED_MENTION,
      )
  }
  return erased as T
}

/** Whether a contact as typed on a sheet or pair (a phone in any spelling, or an e-mail) is the person's. */
export function isContactOf(contact: string | null, person: ErasedPerson): boolean {
  if (!contact) return false
  const typed = contact.trim()
  if (person.email && typed.toLowerCase() === person.email.toLowerCase()) return true
  if (person.phone && normalisePhone(typed) === person.phone) return true
  return mentionsAny(typed, [{ name: '', phone: person.phone, email: person.email }])
}

/** Whether a name written on a record (a sheet's asker, an attendee, an LO) is the person's. */
export function isNameOf(name: string, person: ErasedPerson): boolean {
  const comparable = (text: string) =>
    text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('id')
  return name !== ANONYMISED_NAME && comparable(name) === comparable(person.name)
}

/**
 * Whether the person a record names (a sheet's asker, a pair's LO) is this person: the contacts decide
 * when the record has any, the name only when it has none, so a namesake with their own phone is not
 * erased with them.
 */
export function isPersonOf(
  record: { name: string; contacts: readonly (string | null)[] },
  person: ErasedPerson,
): boolean {
  const contacts = record.contacts.filter((c): c is string => Boolean(c?.trim()))
  return contacts.length ? contacts.some((c) => isContactOf(c, person)) : isNameOf(record.name, person)
}

/** The person as sought in a record about a namesake: by phone and e-mail only, not by the shared name. */
export const withoutName = (person: ErasedPerson): ErasedPerson => ({ ...person, name: '' })

/** The personal fields of a consultation sheet, as retention reads and rewrites them. */
export interface SheetPersonalData {
  askerName: string
  askerInstitution: string | null
  askerContact: string | null
  question: string
  minutes: string | null
  answer: string | null
  referralNote: string | null
  participants: readonly { name: string }[]
}

/** The people a sheet names: its asker (with the contact given) and its participants. */
export function peopleOfSheet(sheet: SheetPersonalData): ErasedPerson[] {
  const contact = sheet.askerContact?.trim() ?? null
  const asker: ErasedPerson = {
    name: sheet.askerName,
    phone: contact ? normalisePhone(contact) : null,
    email: contact?.includes('@') ? contact : null,
  }
  return [asker, ...sheet.participants.map((p) => ({ name: p.name, phone: null, email: null }))]
}

/**
 * A sheet past its retention period, whatever its channel: the asker becomes `Anonim` without institution
 * or contact, participants become `Anonim` without their personal keys (a category stays for the counts), and the sheet's own
 * text loses every mention of them. Topic, category, dates and the office's answer otherwise stay, so
 * reports do not change.
 */
export function retainedSheet<S extends SheetPersonalData>(sheet: S): S {
  const [asker, ...participants] = peopleOfSheet(sheet)
  const erase = <T extends string | null>(text: T) =>
    eraseMentions(eraseMentions(text, [asker!], { nameParts: true }), participants)
  return {
    ...sheet,
    askerName: ANONYMISED_NAME,
    askerInstitution: null,
    askerContact: null,
    question: erase(sheet.question),
    minutes: erase(sheet.minutes),
    answer: erase(sheet.answer),
    referralNote: erase(sheet.referralNote),
    participants: sheet.participants.map((p) => ({
      ...Object.fromEntries(Object.entries(p).filter(([key]) => !PARTICIPANT_KEYS.includes(key))),
      name: ANONYMISED_NAME,
    })),
  }
}
