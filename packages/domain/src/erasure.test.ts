import { describe, expect, it } from 'vitest'
import {
  ERASED_MENTION,
  eraseMentions,
  isContactOf,
  isNameOf,
  isPersonOf,
  mentionsAny,
  retainedSheet,
  type ErasedPerson,
} from './erasure.ts'

const siti: ErasedPerson = { name: 'Siti Aminah', phone: '+6281234567789', email: 'siti.aminah@contoh.id' }
const X = ERASED_MENTION

describe('eraseMentions', () => {
  it.each([
    ['Bu Siti Aminah bertanya', `Bu ${X} bertanya`],
    ['bu SITI   aminah bertanya', `bu ${X} bertanya`],
    ['hubungi 081234567789', `hubungi ${X}`],
    ['hubungi 0812-3456-7789.', `hubungi ${X}.`],
    ['hubungi (0812) 3456 7789', `hubungi ${X}`],
    ['hubungi +62 812 3456 7789', `hubungi ${X}`],
    ['hubungi +62 (812) 3456-7789', `hubungi ${X}`],
    ['hubungi 6281234567789', `hubungi ${X}`],
    ['surel siti.aminah@contoh.id ya', `surel ${X} ya`],
    ['Surel SITI.AMINAH@CONTOH.ID', `Surel ${X}`],
  ])('erases %j', (text, erased) => {
    expect(eraseMentions(text, [siti])).toBe(erased)
    expect(mentionsAny(text, [siti])).toBe(true)
  })

  it.each([
    'Sitinah datang bersama Aminah',
    'nomor 0812345677890 lain',
    'nomor 1081234567789 lain',
    'PKPU 8/2024 Pasal 14 ayat (2), 6 September 2024',
    'lain.siti.aminah@contoh.id.com',
  ])('leaves %j alone', (text) => {
    expect(eraseMentions(text, [siti])).toBe(text)
    expect(mentionsAny(text, [siti])).toBe(false)
  })

  it('keeps null, and erases several people at once', () => {
    expect(eraseMentions(null, [siti])).toBeNull()
    const budi = { name: 'Budi', phone: null, email: null }
    expect(eraseMentions('Siti Aminah dan Budi', [siti, budi])).toBe(`${X} dan ${X}`)
  })

  it('does not seek a placeholder name or one too short to mean anyone', () => {
    expect(eraseMentions('Anonim datang; Al pulang', [{ name: 'Anonim', phone: null, email: null }])).toBe(
      'Anonim datang; Al pulang',
    )
    expect(eraseMentions('Al pulang', [{ name: 'Al', phone: null, email: null }])).toBe('Al pulang')
  })
})

describe('isContactOf and isNameOf', () => {
  it('recognises the person’s phone in any spelling, or e-mail, as a contact', () => {
    for (const contact of [
      '0812 3456 7789',
      '+62812-3456-7789',
      'SITI.AMINAH@contoh.id',
      'WA 0812-3456-7789',
    ])
      expect(isContactOf(contact, siti), contact).toBe(true)
    for (const contact of [null, '', '0812 3456 7788', 'siti@contoh.id'])
      expect(isContactOf(contact, siti), String(contact)).toBe(false)
  })

  it('matches a written name whatever its case and spacing', () => {
    expect(isNameOf(' siti  AMINAH ', siti)).toBe(true)
    expect(isNameOf('Siti', siti)).toBe(false)
  })
})

describe('retainedSheet', () => {
  it('removes the asker and participants and their mentions from a sheet of any channel', () => {
    const sheet = {
      askerName: 'Siti Aminah',
      askerInstitution: 'Partai Contoh',
      askerContact: '0812-3456-7789',
      question: 'Siti Aminah (0812 3456 7789) bertanya bersama Budi Santoso soal PKPU 8/2024.',
      minutes: 'Budi Santoso hadir.',
      answer: 'Dijawab kepada Bu Siti Aminah.',
      referralNote: null,
      participants: [{ name: 'Budi Santoso', institution: 'Partai A' }],
      topic: 'silon',
    }
    expect(retainedSheet(sheet)).toEqual({
      askerName: 'Anonim',
      askerInstitution: null,
      askerContact: null,
      question: `${X} (${X}) bertanya bersama ${X} soal PKPU 8/2024.`,
      minutes: `${X} hadir.`,
      answer: `Dijawab kepada Bu ${X}.`,
      referralNote: null,
      participants: [{ name: 'Anonim' }],
      topic: 'silon',
    })
  })
})

describe('mentions of a name’s parts', () => {
  it('are erased only where asked: text the person wrote, not every sheet', () => {
    const text = 'Tanya akun SILON milik Siti; Aminah juga'
    expect(eraseMentions(text, [siti], { nameParts: true })).toBe(`Tanya akun SILON milik ${X}; ${X} juga`)
    expect(eraseMentions(text, [siti])).toBe(text)
  })
})

describe('isPersonOf', () => {
  it('lets contacts decide, and the name only when a record has none', () => {
    expect(isPersonOf({ name: 'Siti Aminah', contacts: ['0812 3456 7789'] }, siti)).toBe(true)
    expect(isPersonOf({ name: 'Siti Aminah', contacts: ['0813 0000 1111'] }, siti)).toBe(false)
    expect(isPersonOf({ name: 'siti aminah', contacts: [null, ' '] }, siti)).toBe(true)
    expect(isPersonOf({ name: 'Bu Siti', contacts: ['siti.aminah@contoh.id'] }, siti)).toBe(true)
  })
})
