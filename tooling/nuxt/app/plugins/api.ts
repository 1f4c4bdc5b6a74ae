import type { AppRouter } from '@mejabantu/api'
import { MAX_BATCH_CALLS } from '@mejabantu/domain'
import { createTRPCClient, httpBatchLink } from '@trpc/client'
import superjson from 'superjson'

/**
 * The typed tRPC client; the server serves this app and /trpc on the same origin. Every call carries
 * `useApiHeaders()`; every mutation also carries the session's CSRF token (`useCsrfToken()`, set from
 * what `auth.login`/`auth.me` return) in `x-csrf-token`; queries need none.
 */
export default defineNuxtPlugin(() => {
  const csrf = useCsrfToken()
  const extra = useApiHeaders()
  const api = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        transformer: superjson,
        // The server refuses larger batches; the link splits them instead.
        maxItems: MAX_BATCH_CALLS,
        headers: ({ opList }) => ({
          ...extra.value,
          ...(csrf.value && opList.some((op) => op.type === 'mutation')
            ? { 'x-csrf-token': csrf.value }
            : {}),
        }),
      }),
    ],
  })
  return { provide: { api } }
})
