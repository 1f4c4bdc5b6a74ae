import { describe, expect, it } from 'vitest'
import {
  HelpdeskContactsSchema,
  MAX_HELPDESK_CONTACTS,
  OfficeRecordSchema,
  OfficeSettingsUpdateSchema,
  readHelpdeskContacts,
} from './office-settings.ts'

const id = '0b6a1c1e-3f0e-4c59-9c55-5a8b5f3f2a10'

describe('office settings', () => {
  it('accepts contacts by channel and refuses more than the limit', () => {
    expect(HelpdeskContactsSchema.parse({ telepon: ' (0274) 367xxx ' })).toEqual({ telepon: '(0274) 367xxx' })
    const many = Object.fromEntries(
      Array.from({ length: MAX_HELPDESK_CONTACTS + 1 }, (_, i) => [`c${i}`, 'x']),
    )
    expect(HelpdeskContactsSchema.safeParse(many).error?.issues[0]?.message).toBe('office.contacts.tooMany')
  })

  it('takes a partial update but not an empty one', () => {
    expect(OfficeSettingsUpdateSchema.parse({ id, retentionDays: 30 })).toEqual({ id, retentionDays: 30 })
    expect(OfficeSettingsUpdateSchema.safeParse({ id }).error?.issues[0]?.message).toBe('office.update.empty')
    expect(OfficeSettingsUpdateSchema.safeParse({ id, retentionDays: 0 }).success).toBe(false)
  })

  it('describes a stored office with its settings', () => {
    const office = {
      id,
      name: 'KPU Kabupaten Bantul',
      level: 'KABKOTA',
      regionCode: '34.02',
      timeZone: 'WIB',
      parentId: null,
      helpdeskHours: null,
      helpdeskContacts: {},
      retentionDays: 90,
      deskCount: 3,
      slotMinutes: 30,
      slotCapacity: 2,
      slotsFrom: '08:00',
      slotsTo: '15:30',
      workingDays: [1, 2, 3, 4, 5],
    }
    expect(OfficeRecordSchema.parse(office)).toEqual(office)
  })

  it('never keeps a channel name that reaches a prototype, even padded', () => {
    for (const channel of ['constructor', ' prototype ']) {
      const contacts = JSON.parse(`{"${channel}": "x"}`) as unknown
      expect(HelpdeskContactsSchema.safeParse(contacts).success, channel).toBe(false)
    }
    // Zod drops `__proto__` from a record by itself; the API's input guard refuses it before that.
    const proto = HelpdeskContactsSchema.parse(JSON.parse('{"__proto__": "x", "wa": "0812"}'))
    expect(Object.keys(proto)).toEqual(['wa'])
  })
})

describe('stored help-desk contacts', () => {
  it('reads the documented shape as it is', () => {
    const contacts = { telepon: '(0274) 367xxx', email: 'helpdesk@kpu-bantul.go.id' }
    expect(readHelpdeskContacts(contacts)).toEqual(contacts)
  })

  it('leaves out hostile keys and bad entries instead of failing', () => {
    const stored = JSON.parse(
      '{"constructor": "x", "prototype": {"a": 1}, "__proto__": {"polluted": true}, " constructor ": "y",' +
        ' "telepon": " 0274 ", "kosong": " ", "angka": 5, "nul": "a\\u0000b", "": "tanpa nama"}',
    ) as unknown
    const read = readHelpdeskContacts(stored)
    expect(read).toEqual({ telepon: '0274' })
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads anything that is not an object as no contacts, and keeps at most the limit', () => {
    for (const stored of [null, undefined, 'text', 42, ['a', 'b'], true]) {
      expect(readHelpdeskContacts(stored)).toEqual({})
    }
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`c${i}`, 'x']))
    expect(Object.keys(readHelpdeskContacts(many))).toHaveLength(MAX_HELPDESK_CONTACTS)
  })
})
