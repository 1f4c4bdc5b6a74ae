import { describe, expect, it } from 'vitest'
import { documentNumber, submissionKind } from './documents.ts'

describe('outgoing documents', () => {
  it('numbers a berita acara and a tanda terima per series, region and year', () => {
    expect(documentNumber('BA', '34.02', 2024, 7)).toBe('007/PL.02.2-BA/3402/2024')
    expect(documentNumber('TT', '34', 2024, 1234)).toBe('1234/PL.02.2-TT/34/2024')
  })

  it('names a submission by what its documents become', () => {
    expect(submissionKind('diserahkan', false)).toBe('awal')
    expect(submissionKind('diserahkan', true)).toBe('pengganti')
    expect(submissionKind('diserahkan_perbaikan', false)).toBe('perbaikan')
  })
})
