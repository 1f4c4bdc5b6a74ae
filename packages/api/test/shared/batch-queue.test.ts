import { describe, expect, it } from 'vitest'
import { BatchQueue } from '../../src/shared/batch-queue.ts'

/** A queue whose batches wait for the test to release them, recording what each batch held. */
function controlledQueue() {
  const batches: string[][] = []
  const releases: (() => void)[] = []
  const queue = new BatchQueue<string, string>(async (key, items) => {
    batches.push([key, ...items])
    await new Promise<void>((resolve) => releases.push(resolve))
    if (items.includes('boom')) throw new Error('batch failed')
    return items.map((item) =>
      item === 'no' ? { ok: false, error: new Error(item) } : { ok: true, value: item.toUpperCase() },
    )
  })
  const tick = () => new Promise((resolve) => setImmediate(resolve))
  return { queue, batches, releases, tick }
}

describe('BatchQueue', () => {
  it('runs a lone call at once and gathers the calls that arrive meanwhile into the next batch', async () => {
    const { queue, batches, releases, tick } = controlledQueue()
    const first = queue.submit('office-a', 'a')
    await tick()
    expect(batches).toEqual([['office-a', 'a']])
    const later = ['b', 'c', 'd'].map((item) => queue.submit('office-a', item))
    await tick()
    expect(batches).toHaveLength(1)
    releases.shift()!()
    expect(await first).toBe('A')
    await tick()
    expect(batches[1]).toEqual(['office-a', 'b', 'c', 'd'])
    releases.shift()!()
    expect(await Promise.all(later)).toEqual(['B', 'C', 'D'])
  })

  it('runs other keys independently', async () => {
    const { queue, batches, releases, tick } = controlledQueue()
    const a = queue.submit('office-a', 'a')
    const b = queue.submit('office-b', 'b')
    await tick()
    expect(batches).toEqual([
      ['office-a', 'a'],
      ['office-b', 'b'],
    ])
    releases.forEach((release) => release())
    expect(await Promise.all([a, b])).toEqual(['A', 'B'])
  })

  it('gives each call its own outcome, and a failed batch fails only its own calls', async () => {
    const { queue, releases, tick } = controlledQueue()
    const first = queue.submit('office-a', 'boom')
    await tick()
    const next = [queue.submit('office-a', 'ok'), queue.submit('office-a', 'no')]
    releases.shift()!()
    await expect(first).rejects.toThrow('batch failed')
    await tick()
    releases.shift()!()
    await expect(next[0]).resolves.toBe('OK')
    await expect(next[1]).rejects.toThrow('no')
  })
})
