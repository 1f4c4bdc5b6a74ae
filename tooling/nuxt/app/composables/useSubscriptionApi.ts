import type { AppRouter } from '@mejabantu/api'
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client'
import superjson from 'superjson'

/**
 * A typed tRPC client for subscriptions only, over SSE (pushed by the server, not polled). EventSource
 * cannot send headers, so a device's token travels as the `token` connection parameter instead of the
 * `authorization` header the batch client sends; it is read anew on every (re)connect.
 */
export function useSubscriptionApi(token: () => string | null) {
  return createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: '/trpc',
        transformer: superjson,
        connectionParams: () => {
          const value = token()
          return value ? { token: value } : {}
        },
      }),
    ],
  })
}
