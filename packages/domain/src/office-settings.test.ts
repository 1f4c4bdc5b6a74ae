import { describe, expect, it } from 'vitest'
import {
  HelpdeskContactsSchema,
  MAX_HELPDESK_CONTACTS,
  OfficeRecordSchema,
  OfficeSettingsUpdateSchema,
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
    }
    expect(OfficeRecordSchema.parse(office)).toEqual(office)
  })
})
