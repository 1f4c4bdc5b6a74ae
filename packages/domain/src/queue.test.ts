import { describe, expect, it } from 'vitest'
import {
  estimatedWaitMinutes,
  formatQueueNumber,
  laneFor,
  nextToCall,
  parseQueueNumber,
  waitingOrder,
  type QueueEntry,
} from './queue.ts'

describe('queue numbers', () => {
  it('numbers each lane with a letter and three digits, growing past 999', () => {
    expect(formatQueueNumber('reguler', 1)).toBe('A-001')
    expect(formatQueueNumber('prioritas', 12)).toBe('P-012')
    expect(formatQueueNumber('reguler', 1000)).toBe('A-1000')
    expect(() => formatQueueNumber('reguler', 0)).toThrow(RangeError)
    expect(() => formatQueueNumber('reguler', 1.5)).toThrow(RangeError)
  })

  it('reads a ticket back, tolerating case and spaces, refusing anything else', () => {
    expect(parseQueueNumber(' a-007 ')).toEqual({ lane: 'reguler', sequence: 7 })
    expect(parseQueueNumber('P-1000')).toEqual({ lane: 'prioritas', sequence: 1000 })
    for (const text of ['A-000', 'B-001', 'A-01', 'A001', '']) expect(parseQueueNumber(text), text).toBeNull()
  })

  it('puts priority visitors in their own lane', () => {
    expect(laneFor(null)).toBe('reguler')
    expect(laneFor('lansia')).toBe('prioritas')
  })
})

describe('calling order', () => {
  const t = (minute: number) => new Date(Date.UTC(2024, 8, 6, 2, minute))
  const entry = (id: string, minute: number, extra: Partial<QueueEntry> = {}): QueueEntry => ({
    id,
    status: 'menunggu',
    priority: null,
    queueNumber: `A-${id}`,
    queuedAt: t(minute),
    ...extra,
  })

  it('calls the priority lane first, then by arrival, skipping visits not waiting', () => {
    const entries = [
      entry('001', 0, { status: 'dilayani' }),
      entry('002', 1),
      entry('003', 2),
      entry('P1', 5, { priority: 'disabilitas', queueNumber: 'P-001' }),
      entry('004', 3, { status: 'tidak_hadir' }),
    ]
    expect(waitingOrder(entries).map((e) => e.id)).toEqual(['P1', '002', '003'])
    expect(nextToCall(entries)?.id).toBe('P1')
  })

  it('breaks arrival ties by number, numerically', () => {
    const entries = [entry('b', 1, { queueNumber: 'A-1000' }), entry('a', 1, { queueNumber: 'A-999' })]
    expect(waitingOrder(entries).map((e) => e.queueNumber)).toEqual(['A-999', 'A-1000'])
  })

  it('has no one to call when nobody waits', () => {
    expect(nextToCall([])).toBeNull()
    expect(nextToCall([entry('x', 0, { status: 'selesai' })])).toBeNull()
  })
})

describe('estimated wait', () => {
  it('uses the median service time over the desks', () => {
    expect(estimatedWaitMinutes(0, [8, 12])).toBe(0)
    expect(estimatedWaitMinutes(3, [5, 30, 7])).toBe(21)
    expect(estimatedWaitMinutes(4, [6, 10], 2)).toBe(16)
  })

  it('falls back to ten minutes without history and ignores nonsense', () => {
    expect(estimatedWaitMinutes(2, [])).toBe(20)
    expect(estimatedWaitMinutes(2, [Number.NaN, -3])).toBe(20)
    expect(estimatedWaitMinutes(2, [4], 0)).toBe(8)
  })
})
