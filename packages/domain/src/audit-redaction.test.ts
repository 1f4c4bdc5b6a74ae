import { describe, expect, it } from 'vitest'
import { REDACTED, redactSnapshot } from './audit-redaction.ts'

describe('redactSnapshot', () => {
  it('replaces personal values, keeps nulls and every other field', () => {
    expect(
      redactSnapshot({
        askerName: 'Siti Aminah',
        askerContact: '0812-3456-7890',
        participants: ['Budi'],
        answer: null,
        channel: 'telepon',
        status: 'dijawab',
        count: 3,
      }),
    ).toEqual({
      askerName: REDACTED,
      askerContact: REDACTED,
      participants: REDACTED,
      answer: null,
      channel: 'telepon',
      status: 'dijawab',
      count: 3,
    })
  })
})
