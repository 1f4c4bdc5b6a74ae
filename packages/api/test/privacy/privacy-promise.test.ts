import { readFileSync } from 'node:fs'
import {
  ANONYMISED_NAME,
  anonymisedAppointmentFields,
  anonymisedAskerFields,
  anonymisedGuestFields,
  anonymisedVisitFields,
  consentBody,
  PERSONAL_FIELDS,
} from '@mejabantu/domain'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONSENT_TEXT } from '../../src/kiosk/consent-default.ts'

/**
 * Every column of the schema that is not personal, and why. A new column must go either here or into the
 * domain's privacy promise (PRIVACY_PROMISE), so the consent text never falls behind the schema.
 */
const NOT_PERSONAL: Record<string, readonly string[]> = {
  // Ids, links between rows, timestamps, counters and states: they point at rows, not at people.
  Office: [
    'id',
    'level',
    'regionCode',
    'name',
    'timeZone',
    'parentId',
    'retentionDays',
    'deskCount',
    'slotMinutes',
    'slotCapacity',
    'slotsFrom',
    'slotsTo',
    'workingDays',
    'createdAt',
  ],
  User: ['id', 'officeId', 'role', 'mustChangePassword', 'deactivatedAt', 'createdAt'],
  Session: ['id', 'userId', 'createdAt', 'lastSeenAt', 'expiresAt', 'desk'],
  RateLimit: ['id', 'failures', 'windowStartedAt', 'lockedUntil'],
  AuditEvent: ['id', 'occurredAt', 'officeId', 'actorId', 'action', 'targetType', 'targetId'],
  KioskDevice: [
    'id',
    'officeId',
    'name',
    'kind',
    'offlinePrefix',
    'pairingExpiresAt',
    'pairedAt',
    'lastSeenAt',
    'revokedAt',
    'createdAt',
  ],
  ConsentText: [
    'id',
    'version',
    'officeId',
    'effectiveFrom',
    'retentionDays',
    'bodyId',
    'bodyEn',
    'createdAt',
  ],
  Guest: ['id', 'officeId', 'createdAt', 'anonymisedAt'],
  Visit: [
    'id',
    'clientId',
    'notifyOnCall',
    'officeId',
    'guestId',
    'deviceId',
    // Which consent text the visitor accepted: the proof of consent, kept with the visit.
    'consentVersion',
    'serviceDay',
    'queueLane',
    'queueSequence',
    'queueNumber',
    'provisionalNumber',
    'desk',
    'status',
    'checkedInAt',
    'queuedAt',
    'calledAt',
    'servedAt',
    'checkedOutAt',
    'checkOutKind',
    'servedById',
    'createdAt',
  ],
  QueueCounter: ['officeId', 'serviceDay', 'lane', 'last'],
  Consultation: [
    'id',
    'officeId',
    'number',
    'channel',
    'topic',
    'subTopic',
    'referralTeam',
    // The article cited in an answer, e.g. "PKPU 8/2024 Pasal 14 ayat (2)".
    'legalBasis',
    'status',
    'staffId',
    'answeredById',
    'referredToOfficeId',
    'visitId',
    'candidatePairId',
    'occurredAt',
    'firstResponseAt',
    'answeredAt',
    'referredAt',
    'closedAt',
    'createdAt',
    'updatedAt',
    // Written by a trigger from the question, answer, minutes and asker: erased with them.
    'search',
    // Staff's labels for the question ("skck"), and which sheet a duplicate was merged into.
    'tags',
    'mergedIntoId',
    'mergedAt',
  ],
  ConsultationCounter: ['officeId', 'year', 'last'],
  Attachment: ['id', 'consultationId', 'contentType', 'size', 'sha256', 'uploadedById', 'createdAt'],
  Election: [
    'id',
    'officeId',
    'name',
    'kind',
    'regionCode',
    'year',
    'calendar',
    'catalogVersion',
    'createdAt',
    // Region-wide election figures the threshold is counted from.
    'voterCount',
    'validVotes',
    'dprdSeats',
  ],
  // Ballot numbers, pathways, parties and their votes are public; the status is the office's decision.
  CandidatePair: [
    'id',
    'electionId',
    'officeId',
    'ballotNumber',
    'pathway',
    'parties',
    'createdAt',
    'status',
    'coalitionVotes',
    'coalitionSeats',
    'registeredAt',
  ],
  Candidate: ['id', 'pairId', 'role', 'generation', 'replacedAt', 'replacementCause'],
  RequirementCheck: [
    'id',
    'pairId',
    'requirementCode',
    'subject',
    'status',
    'researcherId',
    'updatedAt',
    'generation',
    'supersededAt',
  ],
  CheckEvent: [
    'id',
    'checkId',
    'from',
    'to',
    'at',
    'byUserId',
    'kind',
    'receivedAt',
    'channel',
    'submissionId',
    // A ruling's number and date are public decisions of Bawaslu.
    'correctionCause',
    'rulingNumber',
    'rulingDate',
  ],
  PairEvent: [
    'id',
    'pairId',
    'from',
    'to',
    'decreeNumber',
    'correctionCause',
    'rulingNumber',
    'rulingDate',
    'at',
    'byUserId',
  ],
  Submission: [
    'id',
    'pairId',
    'officeId',
    'number',
    'kind',
    'channel',
    'receivedAt',
    'receivedById',
    'createdAt',
  ],
  DocumentCounter: ['officeId', 'series', 'year', 'last'],
  // The venue and the berita acara number are the office's.
  Handover: [
    'id',
    'pairId',
    'heldAt',
    'place',
    'documentRef',
    'recordedById',
    'createdAt',
    'number',
    'signedById',
    'signedAt',
  ],
  // Counts keyed by enumerations and staff ids only.
  DailySummary: ['officeId', 'day', 'consultations', 'visits', 'updatedAt'],
  Report: [
    'id',
    'officeId',
    'number',
    'fromDay',
    'toDay',
    'finalisedById',
    'finalisedAt',
    'sentToOfficeId',
    'sentAt',
    'sentById',
  ],
  ReportCounter: ['officeId', 'year', 'last'],
  InboundMail: [
    'id',
    'officeId',
    // Message-IDs are made by mail software (random@domain), never by the person.
    'messageId',
    'uidValidity',
    'uid',
    'sentAt',
    'disposition',
    'skipReason',
    'consultationId',
    'createdAt',
  ],
  OutboxMessage: [
    'id',
    'officeId',
    'kind',
    'channel',
    'messageId',
    'inReplyTo',
    'references',
    'idempotencyKey',
    'status',
    'attempts',
    'nextAttemptAt',
    'lastError',
    'sentAt',
    'consultationId',
    'pairId',
    'visitId',
    'createdAt',
  ],
  ImportedThread: ['officeId', 'key', 'consultationId', 'importedAt'],
  // The office's catalogue of topics, named by its admins for the desk and the public page.
  Topic: [
    'id',
    'code',
    'officeId',
    'parentCode',
    'labelId',
    'labelEn',
    'referralTeam',
    'sortOrder',
    'archivedAt',
    'createdAt',
    'updatedAt',
  ],
  // An office's published answers: agreed wording and law, never a person's question (a promoted answer
  // is scrubbed of names and contacts first).
  KnowledgeArticle: [
    'id',
    'ownerOfficeId',
    'topic',
    'tags',
    'titleId',
    'titleEn',
    'bodyId',
    'bodyEn',
    'legalBasis',
    'public',
    'version',
    'sourceConsultationId',
    'copiedFromId',
    'archivedAt',
    'createdById',
    'updatedById',
    'createdAt',
    'updatedAt',
    'search',
  ],
  KnowledgeArticleVersion: ['articleId', 'version', 'content', 'note', 'editedById', 'editedAt'],
  ConsultationArticle: ['consultationId', 'articleId', 'articleVersion', 'insertedById', 'insertedAt'],
  ConsultationLink: ['fromId', 'toId', 'createdById', 'createdAt'],
  ConsultationRating: ['consultationId', 'score', 'via', 'ratedAt'],
  // A booking's slot, state and purpose (serah_dokumen | konsultasi); the code is random (it names the
  // booking, not the person).
  Appointment: [
    'id',
    'purpose',
    'officeId',
    'code',
    'startsAt',
    'candidatePairId',
    'status',
    'visitId',
    'createdById',
    'createdAt',
    'cancelledAt',
  ],
}

// The office's own channels, published on purpose; hashes of secrets, never the secrets.
const OFFICE_AND_SECRETS: Record<string, readonly string[]> = {
  Office: ['helpdeskHours', 'helpdeskContacts'],
  User: ['passwordHash'],
  KioskDevice: ['pairingCodeHash', 'tokenHash'],
  // The random secret of a sheet's rating link: it opens that one rating form and nothing else.
  Consultation: ['ratingToken'],
  // Before and after are redacted of personal fields when the event is written.
  AuditEvent: ['before', 'after'],
  // The office's own mailbox and gateway, set by its admin; the secrets are sealed, never stored plain.
  Mailbox: [
    'id',
    'officeId',
    'address',
    'imapHost',
    'imapPort',
    'imapTls',
    'imapUser',
    'imapSecret',
    'folder',
    'smtpHost',
    'smtpPort',
    'smtpTls',
    'smtpUser',
    'smtpSecret',
    'signature',
    'enabled',
    'uidValidity',
    'lastUid',
    'lastPolledAt',
    'lastError',
    'failingSince',
    'createdAt',
    'updatedAt',
  ],
  // Leadership's work addresses for alerts, changed by the admin in the office's settings.
  OfficeMessaging: ['officeId', 'kindsOff', 'leadershipEmails', 'webhookUrl', 'webhookSecret', 'updatedAt'],
}

interface Column {
  table: string
  column: string
  type: string
  optional: boolean
}

/** Every scalar column of the Prisma schema (relation fields left out), read as text. */
function schemaColumns(): Column[] {
  const schema = readFileSync(new URL('../../../db/prisma/schema.prisma', import.meta.url), 'utf8')
  const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => ({
    name: name!,
    body: body!,
  }))
  const modelNames = new Set(models.map((m) => m.name))
  return models.flatMap(({ name, body }) =>
    body.split('\n').flatMap((line) => {
      const field = /^\s+(\w+)\s+(\w+(?:\([^)]*\))?)(\[\])?(\?)?/.exec(line)
      if (!field || line.trim().startsWith('//') || modelNames.has(field[2]!)) return []
      return [{ table: name, column: field[1]!, type: field[2]! + (field[3] ?? ''), optional: !!field[4] }]
    }),
  )
}

const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`

describe('the privacy promise against the schema', () => {
  const columns = schemaColumns()
  const promised = new Set(PERSONAL_FIELDS.map(key))
  const listed = new Set(
    [NOT_PERSONAL, OFFICE_AND_SECRETS].flatMap((lists) =>
      Object.entries(lists).flatMap(([table, names]) => names.map((column) => `${table}.${column}`)),
    ),
  )

  it('reads the schema', () => {
    expect(columns.length).toBeGreaterThan(150)
    expect(columns).toContainEqual({ table: 'Guest', column: 'phone', type: 'String', optional: true })
  })

  it('has a promise for every personal column, or a reason it is not personal', () => {
    const unclassified = columns.map(key).filter((c) => !promised.has(c) && !listed.has(c))
    expect(unclassified, 'add these to PRIVACY_PROMISE or NOT_PERSONAL').toEqual([])
  })

  it('promises nothing about a column the schema does not have, and classifies none twice', () => {
    const existing = new Set(columns.map(key))
    expect([...promised].filter((c) => !existing.has(c))).toEqual([])
    expect([...listed].filter((c) => !existing.has(c))).toEqual([])
    expect([...promised].filter((c) => listed.has(c))).toEqual([])
  })

  it('empties only columns that may be empty, and writes Anonim only into text', () => {
    const byKey = new Map(columns.map((c) => [key(c), c]))
    for (const field of PERSONAL_FIELDS) {
      const column = byKey.get(key(field))!
      if (field.erasure === 'null') expect(column.optional, key(field)).toBe(true)
      if (field.erasure === 'anonim' || field.erasure === 'scrub') {
        expect(['String', 'Json'], key(field)).toContain(column.type)
      }
      expect(column.type === 'Json' && field.erasure === 'anonim', key(field)).toBe(!!field.jsonKeys)
    }
  })
})

describe('the code does what the promise says', () => {
  const promise = new Map(PERSONAL_FIELDS.map((f) => [key(f), f.erasure]))
  const asErasure = (value: unknown) => (value === null ? 'null' : value === ANONYMISED_NAME ? 'anonim' : '?')

  it.each([
    ['Guest', anonymisedGuestFields(new Date())],
    ['Visit', anonymisedVisitFields],
    ['Consultation', anonymisedAskerFields],
    ['Appointment', anonymisedAppointmentFields],
  ] as const)('anonymising a %s', (table, fields) => {
    for (const [column, value] of Object.entries(fields)) {
      if (column === 'anonymisedAt') continue
      expect(asErasure(value), `${table}.${column}`).toBe(promise.get(`${table}.${column}`))
    }
  })

  it('shows at the kiosk by default the consent text written from the promise', () => {
    expect(DEFAULT_CONSENT_TEXT.retentionDays).toBe(90)
    expect(DEFAULT_CONSENT_TEXT.body).toEqual(consentBody(90))
  })
})
