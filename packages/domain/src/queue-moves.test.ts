import { describe, expect, it } from 'vitest'
import { VisitStatus } from './guest.ts'
import { recallVisit } from './queue-moves.ts'

describe('recall', () => {
  it('recalls only a called visit, keeping it called', () => {
    expect(recallVisit('dipanggil')).toEqual({ ok: true, value: 'dipanggil' })
  })

  it('refuses every other status, naming it', () => {
    for (const from of VisitStatus.values.filter((s) => s !== 'dipanggil')) {
      const result = recallVisit(from)
      expect(result.ok, from).toBe(false)
      if (!result.ok) {
        expect(result.violation).toMatchObject({ rule: 'visit.recall', params: { from } })
        expect(result.violation.message.id).toContain(VisitStatus.label(from))
        expect(result.violation.message.en).toContain(VisitStatus.label(from, 'en'))
      }
    }
  })
})
