import type { Prisma, Transaction } from '@mejabantu/db'
import { z } from 'zod'
import {
  StoredPairContactSchema,
  ANONYMISED_NAME,
  anonymisedAskerFields,
  eraseMentions,
  isPersonOf,
  PERSONAL_FIELDS,
  isNameOf,
  mentionsAny,
  type ErasedPerson,
} from '@mejabantu/domain'

import { eraseMessagesOf } from './erase-messages.ts'
import { askedBy, eraseRatingCopies, ratingCopies, sheetsRewritten } from '../consultations/rating-erasure.ts'

type Consultation = Prisma.ConsultationGetPayload<object>

/** Records beyond the guest book that an erasure rewrote. */
export interface ErasedCopies {
  consultations: number
  attachments: number
  liaisonOfficers: number
  handovers: number
  /** Research results and their history whose reasons or evidence notes named them. */
  research: number
}

export const NO_COPIES: ErasedCopies = {
  consultations: 0,
  attachments: 0,
  liaisonOfficers: 0,
  handovers: 0,
  research: 0,
}

interface Participant {
  name: string
  [field: string]: unknown
}

/**
 * Lower-cased fragments a row must contain to be worth a look: names and e-mails as typed, phones as
 * their national digits (matched against the row with every non-digit removed). The exact rule is the
 * domain's; this only keeps an office's every sheet from crossing the wire.
 */
function fragments(people: readonly ErasedPerson[]) {
  const words = people.flatMap((p) =>
    [p.name, p.email].filter((x): x is string => Boolean(x) && x !== ANONYMISED_NAME),
  )
  const digits = people.flatMap((p) => (p.phone ? [p.phone.replace(/^\+62/, '').replace(/\D/g, '')] : []))
  return {
    words: words.map((w) => `%${w.toLowerCase().replace(/\s+/g, '%').replace(/[\\_]/g, '\\$&')}%`),
    digits: digits.filter((d) => d.length >= 6).map((d) => `%${d}%`),
  }
}

// Per table: its searchable text and its office. Fixed text only; the values travel as parameters.
const SEARCHED = {
  Consultation: {
    text: `concat_ws(' ', r."askerName", r."askerContact", r."question", r."minutes", r."answer",
      r."referralNote", r."participants"::text)`,
    office: `r."officeId" = $1::uuid`,
  },
  CandidatePair: {
    text: `concat_ws(' ', r."loName", r."loPhone", r."loEmail", r."contacts"::text)`,
    office: `r."officeId" = $1::uuid`,
  },
  Handover: {
    text: `r."attendees"::text`,
    office: `r."pairId" IN (SELECT "id" FROM "CandidatePair" WHERE "officeId" = $1::uuid)`,
  },
  RequirementCheck: {
    text: `concat_ws(' ', r."reason", r."evidence")`,
    office: `r."pairId" IN (SELECT "id" FROM "CandidatePair" WHERE "officeId" = $1::uuid)`,
  },
  CheckEvent: {
    text: `concat_ws(' ', r."reason", r."evidence")`,
    office: `r."checkId" IN (SELECT c."id" FROM "RequirementCheck" c JOIN "CandidatePair" p ON p."id" = c."pairId"
      WHERE p."officeId" = $1::uuid)`,
  },
  PairEvent: {
    text: `r."reason"`,
    office: `r."pairId" IN (SELECT "id" FROM "CandidatePair" WHERE "officeId" = $1::uuid)`,
  },
  Candidate: {
    text: `r."replacementReason"`,
    office: `r."pairId" IN (SELECT "id" FROM "CandidatePair" WHERE "officeId" = $1::uuid)`,
  },
  Attachment: {
    text: `r."fileName"`,
    office: `r."consultationId" IN (SELECT "id" FROM "Consultation" WHERE "officeId" = $1::uuid)`,
  },
  ConsultationRating: {
    text: `r."comment"`,
    office: `r."consultationId" IN (SELECT "id" FROM "Consultation" WHERE "officeId" = $1::uuid)`,
  },
} as const

// The key column of tables not keyed by "id": a rating is its sheet's.
const KEYS: Partial<Record<keyof typeof SEARCHED, string>> = { ConsultationRating: 'consultationId' }

/** Ids of the office's rows whose text may mention the people. */
async function candidates(
  tx: Transaction,
  table: keyof typeof SEARCHED,
  officeId: string,
  people: readonly ErasedPerson[],
): Promise<string[]> {
  const { words, digits } = fragments(people)
  if (words.length === 0 && digits.length === 0) return []
  const { text, office } = SEARCHED[table]
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT r."${KEYS[table] ?? 'id'}"::text AS "id" FROM "${table}" r WHERE ${office}
      AND (lower(${text}) LIKE ANY ($2::text[]) OR regexp_replace(${text}, '[^0-9]', '', 'g') LIKE ANY ($3::text[]))`,
    officeId,
    words,
    digits,
  )
  return rows.map((r) => r.id)
}

/** A stored list of people (sheet participants, handover attendees), or none when the JSON is not one. */
const participantsOf = (list: unknown): Participant[] =>
  Array.isArray(list) ? list.filter((entry): entry is Participant => typeof entry?.name === 'string') : []

// The personal keys of each JSON list of people, as the privacy promise names them.
const jsonKeysOf = (table: string, column: string) =>
  PERSONAL_FIELDS.find((f) => f.table === table && f.column === column)?.jsonKeys ?? ['name']
const PARTICIPANT_KEYS = jsonKeysOf('Consultation', 'participants')
const ATTENDEE_KEYS = jsonKeysOf('Handover', 'attendees')

/**
 * A list of people with the erased people's entries anonymised (the name becomes Anonim, the other
 * personal keys go; a category stays for the counts) and their mentions erased from everyone else's names.
 */
function erasedParticipants(
  list: unknown,
  people: readonly ErasedPerson[],
  personalKeys: readonly string[],
): Participant[] {
  return participantsOf(list).map((entry) => {
    if (!people.some((p) => isNameOf(entry.name, p)))
      return { ...entry, name: eraseMentions(entry.name, people) }
    const kept = Object.fromEntries(Object.entries(entry).filter(([key]) => !personalKeys.includes(key)))
    return { ...kept, name: ANONYMISED_NAME }
  })
}

const changed = (before: unknown, after: unknown) => JSON.stringify(before) !== JSON.stringify(after)

/** A sheet that holds the people, and how it reads once they are erased from it. */
export interface SheetCopy {
  sheet: Consultation
  /** They asked it (by visit, name or contact): the asker's fields go, not only their mentions. */
  asked: boolean
  erased: Prisma.ConsultationUpdateInput
}

const contactsOf = z.array(StoredPairContactSchema)

interface Contact {
  role: string
  name: string
  phone: string | null
  email: string | null
}

// The pair's main LO first, then its further contacts.
function contactsOfPair(pair: {
  loName: string
  loPhone: string | null
  loEmail: string | null
  contacts: unknown
}): Contact[] {
  return [
    { role: 'lo', name: pair.loName, phone: pair.loPhone, email: pair.loEmail },
    ...contactsOf
      .parse(pair.contacts)
      .map((c) => ({ role: c.role, name: c.name, phone: c.phone, email: c.email ?? null })),
  ]
}

const isAnyOf = (contact: Pick<Contact, 'name' | 'phone' | 'email'>, people: readonly ErasedPerson[]) =>
  people.some((p) => isPersonOf({ name: contact.name, contacts: [contact.phone, contact.email] }, p))

/** Every record of the office beyond the guest book that holds the people: what find, export and erase see. */
export interface Copies {
  sheets: SheetCopy[]
  /** Files sent with sheets they asked: deleted with their stored bytes (scans of their documents). */
  files: { id: string; consultationId: string; fileName: string; storageKey: string }[]
  /** Other files whose names mention them: renamed. */
  attachments: { id: string; consultationId: string; fileName: string }[]
  /** The pair's LO or further contacts who are them: one entry per contact, `id` the pair's. */
  liaisonOfficers: { id: string; role: string; name: string; phone: string | null; email: string | null }[]
  handovers: { id: string; pairId: string; heldAt: Date; attendees: Participant[] }[]
  /** Research notes (a check's reason and evidence, and their history) naming them. */
  checks: ResearchNote<string>[]
  checkEvents: ResearchNote<bigint>[]
  /** Reasons of pair decisions and of candidate replacements naming them. */
  pairEvents: { id: bigint; reason: string | null }[]
  replacements: { id: string; replacementReason: string | null }[]
  /** The askers' rating comments naming them, or written on sheets they asked. */
  ratings: Awaited<ReturnType<typeof ratingCopies>>
}

interface ResearchNote<Id> {
  id: Id
  reason: string | null
  evidence: string | null
}

/**
 * Finds the people in the office's records beyond the guest book: sheets of every channel (asked by them,
 * by contact or name, or opened from their visits; or mentioning them in the question, minutes, answer,
 * referral note or participants) and the askers' rating comments on them, attachments named after them,
 * LO contacts that are theirs and handover attendance lists.
 */
export async function copiesOf(
  tx: Transaction,
  officeId: string,
  people: readonly ErasedPerson[],
  visitIds: readonly string[],
): Promise<Copies> {
  const sheetIds = new Set(await candidates(tx, 'Consultation', officeId, people))
  if (visitIds.length) {
    const fromVisits = await tx.consultation.findMany({
      where: { visitId: { in: [...visitIds] } },
      select: { id: true },
    })
    for (const { id } of fromVisits) sheetIds.add(id)
  }
  const sheets = await tx.consultation.findMany({
    where: { id: { in: [...sheetIds] } },
    orderBy: { occurredAt: 'asc' },
  })
  const sheetCopies = sheets.flatMap((sheet): SheetCopy[] => {
    const { asked, here } = askedBy(sheet, people, visitIds)
    const erased = {
      ...(asked ? anonymisedAskerFields : {}),
      // A sheet they asked was written for them: "akun SILON milik Rina" loses the first name too.
      question: eraseMentions(sheet.question, here, { nameParts: asked }),
      minutes: eraseMentions(sheet.minutes, here, { nameParts: asked }),
      answer: eraseMentions(sheet.answer, here, { nameParts: asked }),
      referralNote: eraseMentions(sheet.referralNote, here, { nameParts: asked }),
      participants: erasedParticipants(sheet.participants, here, PARTICIPANT_KEYS),
    }
    const differs = Object.entries(erased).some(([key, value]) =>
      changed(sheet[key as keyof Consultation], value),
    )
    return differs ? [{ sheet, asked, erased: erased as Prisma.ConsultationUpdateInput }] : []
  })

  const askedIds = sheetCopies.filter((copy) => copy.asked).map((copy) => copy.sheet.id)
  const files = await tx.attachment.findMany({
    where: { consultationId: { in: askedIds } },
    select: { id: true, consultationId: true, fileName: true, storageKey: true },
  })
  const attachments = await tx.attachment.findMany({
    where: {
      id: { in: await candidates(tx, 'Attachment', officeId, people), notIn: files.map((f) => f.id) },
    },
    select: { id: true, consultationId: true, fileName: true },
  })
  const pairs = await tx.candidatePair.findMany({
    where: { id: { in: await candidates(tx, 'CandidatePair', officeId, people) } },
    select: { id: true, loName: true, loPhone: true, loEmail: true, contacts: true },
  })
  const handovers = await tx.handover.findMany({
    where: { id: { in: await candidates(tx, 'Handover', officeId, people) } },
    select: { id: true, pairId: true, heldAt: true, attendees: true },
  })
  const notes = { reason: true, evidence: true } as const
  const mentioning = <N extends ResearchNote<unknown>>(rows: N[]) =>
    rows.filter((row) => mentionsAny(row.reason, people) || mentionsAny(row.evidence, people))
  const checks = await tx.requirementCheck.findMany({
    where: { id: { in: await candidates(tx, 'RequirementCheck', officeId, people) } },
    select: { id: true, ...notes },
  })
  const checkEvents = await tx.checkEvent.findMany({
    where: { id: { in: (await candidates(tx, 'CheckEvent', officeId, people)).map((id) => BigInt(id)) } },
    select: { id: true, ...notes },
  })
  return {
    ratings: await ratingCopies(tx, people, visitIds, [
      ...new Set([...sheetIds, ...(await candidates(tx, 'ConsultationRating', officeId, people))]),
    ]),
    checks: mentioning(checks),
    checkEvents: mentioning(checkEvents),
    pairEvents: (
      await tx.pairEvent.findMany({
        where: { id: { in: (await candidates(tx, 'PairEvent', officeId, people)).map((id) => BigInt(id)) } },
        select: { id: true, reason: true },
      })
    ).filter((row) => mentionsAny(row.reason, people)),
    replacements: (
      await tx.candidate.findMany({
        where: { id: { in: await candidates(tx, 'Candidate', officeId, people) } },
        select: { id: true, replacementReason: true },
      })
    ).filter((row) => mentionsAny(row.replacementReason, people)),
    sheets: sheetCopies,
    files,
    attachments: attachments.filter((file) => mentionsAny(file.fileName, people)),
    liaisonOfficers: pairs.flatMap((pair) =>
      contactsOfPair(pair)
        .filter((contact) => isAnyOf(contact, people))
        .map((contact) => ({ id: pair.id, ...contact })),
    ),
    handovers: handovers
      .map((handover) => ({ ...handover, attendees: participantsOf(handover.attendees) }))
      .filter((handover) =>
        changed(handover.attendees, erasedParticipants(handover.attendees, people, ATTENDEE_KEYS)),
      ),
  }
}

/**
 * Erases the people from every copy `copiesOf` finds: the asker's fields of sheets they asked and the
 * files sent with them, their mentions in free text (the askers' rating comments too) and in other files'
 * names (the extension stays), the LO contact, handover attendance entries and research notes. The stored
 * bytes of deleted files are added to `discarded` for the caller to remove once the transaction commits. The search index follows each sheet by its
 * trigger; the audit trail never held the values.
 */
export async function eraseEverywhere(
  tx: Transaction,
  officeId: string,
  people: readonly ErasedPerson[],
  visitIds: readonly string[],
  discarded: string[],
): Promise<ErasedCopies> {
  if (people.length === 0) return NO_COPIES
  const copies = await copiesOf(tx, officeId, people, visitIds)
  for (const { sheet, erased } of copies.sheets)
    await tx.consultation.update({ where: { id: sheet.id }, data: erased })
  await eraseRatingCopies(tx, copies.ratings)
  await tx.attachment.deleteMany({ where: { id: { in: copies.files.map((f) => f.id) } } })
  discarded.push(...copies.files.map((f) => f.storageKey))
  for (const file of copies.attachments) {
    await tx.attachment.update({
      where: { id: file.id },
      data: { fileName: eraseMentions(file.fileName, people) },
    })
  }
  const pairIds = [...new Set(copies.liaisonOfficers.map((c) => c.id))]
  for (const pair of await tx.candidatePair.findMany({ where: { id: { in: pairIds } } })) {
    const lo = { name: pair.loName, phone: pair.loPhone, email: pair.loEmail }
    const stored = contactsOf.parse(pair.contacts)
    await tx.candidatePair.update({
      where: { id: pair.id },
      data: {
        ...(isAnyOf(lo, people) ? { loName: ANONYMISED_NAME, loPhone: null, loEmail: null } : {}),
        contacts: stored.map((c) =>
          isAnyOf({ ...c, email: c.email ?? null }, people)
            ? { role: c.role, name: ANONYMISED_NAME, phone: null }
            : c,
        ),
      },
    })
  }
  for (const handover of copies.handovers) {
    const attendees = erasedParticipants(handover.attendees, people, ATTENDEE_KEYS) as Prisma.InputJsonValue
    await tx.handover.update({ where: { id: handover.id }, data: { attendees } })
  }
  const erasedNotes = (row: ResearchNote<unknown>) => ({
    reason: eraseMentions(row.reason, people),
    evidence: eraseMentions(row.evidence, people),
  })
  for (const check of copies.checks)
    await tx.requirementCheck.update({ where: { id: check.id }, data: erasedNotes(check) })
  for (const event of copies.pairEvents)
    await tx.pairEvent.update({
      where: { id: event.id },
      data: { reason: eraseMentions(event.reason, people) },
    })
  for (const candidate of copies.replacements) {
    const replacementReason = eraseMentions(candidate.replacementReason, people)
    await tx.candidate.update({ where: { id: candidate.id }, data: { replacementReason } })
  }
  for (const event of copies.checkEvents)
    await tx.checkEvent.update({ where: { id: event.id }, data: erasedNotes(event) })
  const asked = copies.sheets.filter((copy) => copy.asked).map(({ sheet }) => sheet.id)
  await eraseMessagesOf(tx, officeId, { consultationIds: asked, people }, discarded)
  return {
    research:
      copies.checks.length +
      copies.checkEvents.length +
      copies.pairEvents.length +
      copies.replacements.length,
    consultations: sheetsRewritten(copies),
    attachments: copies.files.length + copies.attachments.length,
    liaisonOfficers: copies.liaisonOfficers.length,
    handovers: copies.handovers.length,
  }
}
