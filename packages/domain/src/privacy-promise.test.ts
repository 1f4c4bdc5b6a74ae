import { describe, expect, it } from 'vitest'
import { ANONYMISED_NAME } from './anonymise.ts'
import { ConsentTextSchema } from './guest.ts'
import { CONSENT_FIELDS, consentBody, consentTextFor } from './privacy-promise-consent.ts'
import {
  Erasure,
  PERSONAL_FIELDS,
  PRIVACY_PROMISE,
  PURPOSES,
  PersonalRecord,
  Retention,
} from './privacy-promise.ts'

describe('the privacy promise', () => {
  it('names each column once, with a known record, retention and erasure', () => {
    const columns = PRIVACY_PROMISE.map((f) => `${f.table}.${f.column}`)
    expect(new Set(columns).size).toBe(columns.length)
    for (const field of PRIVACY_PROMISE) {
      expect(PersonalRecord.values, field.column).toContain(field.record)
      expect(Retention.values, field.column).toContain(field.retention)
      expect(Erasure.values, field.column).toContain(field.erasure)
      expect(field.label.id.length * field.label.en.length, field.column).toBeGreaterThan(0)
    }
    for (const record of PersonalRecord.values) expect(PURPOSES[record].id, record).not.toBe('')
  })

  it('erases everything it keeps for the nomination stage, unless it is only a category or topic', () => {
    const kept = PRIVACY_PROMISE.filter((f) => f.retention === 'tahapan' && f.erasure === 'keep')
    expect(kept.map((f) => f.column)).toEqual([
      'category',
      'topic',
      'category',
      'topic',
      'stakeholderCategory',
    ])
  })

  it('lists the personal keys of every JSON list of people it replaces by Anonim', () => {
    const lists = PERSONAL_FIELDS.filter((f) => f.jsonKeys)
    expect(lists.map((f) => [f.table, f.column, f.erasure, f.jsonKeys])).toEqual([
      ['Consultation', 'participants', 'anonim', ['name', 'institution']],
      ['CandidatePair', 'contacts', 'anonim', ['name', 'phone', 'email']],
      ['Handover', 'attendees', 'anonim', ['name', 'institutionName', 'position']],
    ])
  })

  it('gives erasure code a plain list of table, column, erasure and retention', () => {
    expect(PERSONAL_FIELDS).toContainEqual({
      table: 'Consultation',
      column: 'askerContact',
      erasure: 'null',
      retention: 'tahapan',
    })
    expect(PERSONAL_FIELDS).toHaveLength(PRIVACY_PROMISE.length)
  })
})

describe('the consent text written from the promise', () => {
  it.each([1, 30, 90, 365])('for %i days names every field a visitor gives, and the days', (days) => {
    const body = consentBody(days)
    expect(body.id).toContain(`paling lama ${days} hari`)
    expect(body.en).toContain(`at most ${days} days`)
    for (const field of CONSENT_FIELDS) {
      expect(body.id, field.label.id).toContain(field.label.id)
      expect(body.en, field.label.en).toContain(field.label.en)
    }
  })

  it('says what becomes of each field when the days are over', () => {
    const { id } = consentBody(90)
    const start = id.indexOf('setelah itu ')
    const clauses = id.slice(start, id.indexOf('. ', start)).split('; ')
    const clauseOf = (ending: string) => clauses.find((c) => c.endsWith(ending))
    const expected: Record<string, string> = {
      anonim: `diganti “${ANONYMISED_NAME}”`,
      null: ' dihapus',
      delete: 'dihapus beserta berkasnya',
      keep: 'tetap disimpan tanpa identitas',
    }
    for (const field of CONSENT_FIELDS.filter((f) => f.retention === 'tahapan')) {
      const clause =
        field.erasure === 'scrub'
          ? clauses.find((c) => c.startsWith('nama, kontak dan alamat di dalam'))
          : clauseOf(expected[field.erasure]!)
      expect(clause, field.column).toContain(field.label.id)
    }
    expect(id).toContain(
      'Nama calon, tanggal lahir calon, berita acara hasil penelitian yang telah diterbitkan dan tanda terima dokumen yang telah diterbitkan disimpan sebagai arsip pencalonan.',
    )
  })

  it('tells visitors nothing about staff accounts, and says where the data is kept', () => {
    const { id, en } = consentBody(90)
    expect(CONSENT_FIELDS.some((f) => f.record === 'akun_petugas')).toBe(false)
    expect(id).not.toContain('alamat IP')
    expect(id).toContain('basis data Meja Bantu kantor KPU yang melayani Anda')
    expect(en).toContain('Meja Bantu database of the KPU office serving you')
    expect(id).toMatch(/^Helpdesk pencalonan KPU mencatat .* kepada petugas\.$/)
  })

  it('makes a valid consent version', () => {
    const text = consentTextFor({ version: 'v-30', effectiveFrom: '2024-01-01', retentionDays: 30 })
    expect(ConsentTextSchema.parse(text)).toEqual({ ...text, body: consentBody(30) })
  })
})
