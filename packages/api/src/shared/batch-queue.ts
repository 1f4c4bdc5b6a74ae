/** What one item of a batch came to: a value, or the error its caller should see. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown }

interface Waiting<I, R> {
  item: I
  resolve(value: R): void
  reject(error: unknown): void
}

/**
 * Calls for one key that arrive while a batch of that key is running wait and then go together in the
 * next batch: one transaction or one query for many (group commit). A lone call runs at once, so a quiet
 * office sees no delay, while under load the fixed cost of a round trip is shared. Keys run independently.
 * A batch starts after its calls arrived, so what it reads is never older than the call.
 */
export class BatchQueue<I, R> {
  private readonly queues = new Map<string, Waiting<I, R>[]>()

  constructor(
    private readonly runBatch: (key: string, items: I[]) => Promise<Settled<R>[]>,
    private readonly maxBatch = 100,
  ) {}

  submit(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queues.get(key)
      if (queue) {
        queue.push({ item, resolve, reject })
        return
      }
      const started: Waiting<I, R>[] = [{ item, resolve, reject }]
      this.queues.set(key, started)
      void this.drain(key, started)
    })
  }

  private async drain(key: string, queue: Waiting<I, R>[]) {
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch)
      try {
        const results = await this.runBatch(
          key,
          batch.map((w) => w.item),
        )
        batch.forEach((waiting, i) => {
          const result = results[i]!
          if (result.ok) waiting.resolve(result.value)
          else waiting.reject(result.error)
        })
      } catch (error) {
        for (const waiting of batch) waiting.reject(error)
      }
    }
    this.queues.delete(key)
  }
}
