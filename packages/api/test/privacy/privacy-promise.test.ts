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
import { NOT_PERSONAL } from './not-personal.ts'

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
