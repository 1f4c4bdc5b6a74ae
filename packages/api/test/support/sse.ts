import superjson from 'superjson'

/** One server-sent event: its type (`message` unless named) and data, decoded from superjson. */
export interface SseEvent {
  event: string
  data: unknown
}

/** An open SSE subscription: its HTTP status, the events as they come, and a way to hang up. */
export interface SseStream {
  status: number
  /** The next event, or null once the stream ended; rejects after `timeoutMs` without one. */
  next(timeoutMs?: number): Promise<SseEvent | null>
  close(): void
}

/**
 * Subscribes to a tRPC subscription over SSE as httpSubscriptionLink does: a GET with `input` and
 * `connectionParams` (JSON) in the query string, events parsed as they arrive.
 */
export async function subscribe(
  baseUrl: string,
  path: string,
  options: { connectionParams?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<SseStream & { body: string }> {
  const query = new URLSearchParams()
  if (options.connectionParams) query.set('connectionParams', JSON.stringify(options.connectionParams))
  const abort = new AbortController()
  const res = await fetch(`${baseUrl}/trpc/${path}?${query}`, {
    headers: { accept: 'text/event-stream', ...options.headers },
    signal: abort.signal,
  })
  if (!res.headers.get('content-type')?.includes('text/event-stream')) {
    return { status: res.status, body: await res.text(), next: async () => null, close: () => {} }
  }
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  const pending: SseEvent[] = []
  let ended = false
  const readMore = async () => {
    const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }))
    if (chunk.done) ended = true
    else buffer += chunk.value
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const lines = block.split('\n')
      const event =
        lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim() ?? 'message'
      const data = lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n')
      if (!data) continue
      const parsed = JSON.parse(data) as Parameters<typeof superjson.deserialize>[0]
      pending.push({ event, data: event === 'message' ? superjson.deserialize(parsed) : parsed })
    }
  }
  return {
    status: res.status,
    body: '',
    async next(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs
      while (pending.length === 0 && !ended) {
        if (Date.now() > deadline) throw new Error(`no event from ${path} within ${timeoutMs} ms`)
        await Promise.race([readMore(), new Promise((r) => setTimeout(r, deadline - Date.now()))])
      }
      return pending.shift() ?? null
    },
    close: () => abort.abort(),
  }
}
