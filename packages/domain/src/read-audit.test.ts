import { describe, expect, it } from 'vitest'
import { readTarget } from './read-audit.ts'

describe('readTarget', () => {
  it('names the record a read opened', () => {
    expect(readTarget('consultations.get', { id: 'c-1' })).toEqual({
      targetType: 'Consultation',
      targetId: 'c-1',
    })
    expect(readTarget('consultations.download', { id: 'a-1' })).toEqual({
      targetType: 'Attachment',
      targetId: 'a-1',
    })
    expect(readTarget('candidates.dossier', { pairId: 'p-1' })).toEqual({
      targetType: 'CandidatePair',
      targetId: 'p-1',
    })
  })

  it('reads a nested field', () => {
    expect(readTarget('reports.export', { source: { id: 'r-1' }, format: 'pdf' })).toEqual({
      targetType: 'Report',
      targetId: 'r-1',
    })
  })

  it('falls back to the procedure for lists and for inputs without the record', () => {
    expect(readTarget('queue.board', {})).toEqual({ targetType: 'procedure', targetId: 'queue.board' })
    expect(readTarget('consultations.get', undefined)).toEqual({
      targetType: 'procedure',
      targetId: 'consultations.get',
    })
    expect(readTarget('consultations.get', { id: 7 })).toEqual({
      targetType: 'procedure',
      targetId: 'consultations.get',
    })
  })
})
