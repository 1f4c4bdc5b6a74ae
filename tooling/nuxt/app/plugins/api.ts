import type { AppRouter } from '@mejabantu/api'
import { createTRPCClient, httpBatchLink } from '@trpc/client'
import superjson from 'superjson'

/** The typed tRPC client; the server serves this app and /trpc on the same origin. */
export default defineNuxtPlugin(() => {
  const api = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/trpc', transformer: superjson })],
  })
  return { provide: { api } }
})
