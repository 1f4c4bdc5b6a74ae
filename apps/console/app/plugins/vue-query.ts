import { MutationCache, QueryCache, QueryClient, VueQueryPlugin } from '@tanstack/vue-query'

const signedOut = new Set(['auth.unauthenticated', 'auth.session_expired'])

/**
 * Server state: cached a short while, refetched when the window regains focus. A call refused because the
 * session ended, or because a one-time password must be changed first, leads to the page that fixes it.
 */
export default defineNuxtPlugin({
  name: 'vue-query',
  setup(nuxtApp) {
    const onError = (error: unknown) => {
      const rule = (error as { data?: { rule?: string } } | null)?.data?.rule
      if (rule === 'auth.password_change_required') void nuxtApp.runWithContext(() => navigateTo('/password'))
      if (rule && signedOut.has(rule)) {
        void nuxtApp.runWithContext(async () => {
          useSession().forget()
          await navigateTo({ path: '/login', query: { next: useRoute().fullPath } })
        })
      }
    }
    const queryClient = new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: { queries: { staleTime: 5_000, retry: 1, refetchOnWindowFocus: true } },
    })
    nuxtApp.vueApp.use(VueQueryPlugin, { queryClient })
    // Route middleware runs outside components; it reaches the same cache through `$queryClient`.
    return { provide: { queryClient } }
  },
})
